#pragma once
// LanguageSwitcher: English or Chinese for the whole UI, switchable while the
// app runs. Installing a translator makes Qt send LanguageChange to every
// widget, which re-reads its strings; the choice is remembered in settings.

#include <QList>
#include <QObject>
#include <QString>

class QSettings;
class QTranslator;

namespace coroscope {

class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    /// Applies the language saved in `settings`; if none, the one matching
    /// the system locale (Chinese for any Chinese locale, else English).
    explicit LanguageSwitcher(QSettings* settings, QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    /// BCP-47-like codes: "en", "zh_CN".
    static QStringList languages();
    /// The language's own name: "English", "中文".
    static QString nativeName(const QString& language);

    QString language() const { return m_language; }
    /// True if Coroscope's own catalogue for the language was found (Qt's
    /// own strings, such as dialog buttons, are translated regardless).
    bool hasAppCatalogue() const { return m_appCatalogue; }
    /// Where catalogues are looked for, first match wins.
    static QStringList searchPaths();

public slots:
    void setLanguage(const QString& language);

signals:
    void languageChanged(const QString& language);

private:
    void unload();

    QSettings* m_settings;
    QString m_language = QStringLiteral("en");
    QList<QTranslator*> m_installed;
    bool m_appCatalogue = false;
};

} // namespace coroscope
