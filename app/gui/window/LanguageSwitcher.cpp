#include "app/gui/window/LanguageSwitcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace coroscope {

namespace {
const QString kSetting = QStringLiteral("ui/language");
}

LanguageSwitcher::LanguageSwitcher(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    const QString saved = settings->value(kSetting, QStringLiteral("en")).toString();
    if (saved != m_language && languages().contains(saved))
        setLanguage(saved);
}

LanguageSwitcher::~LanguageSwitcher()
{
    unload();
}

QStringList LanguageSwitcher::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSwitcher::nativeName(const QString& language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("\u4E2D\u6587"); // 中文
    return QStringLiteral("English");
}

QStringList LanguageSwitcher::searchPaths()
{
    const QString app = QCoreApplication::applicationDirPath();
    return {QStringLiteral(":/i18n"), app + QStringLiteral("/translations"),
            app + QStringLiteral("/../share/coroscope/translations")};
}

void LanguageSwitcher::unload()
{
    for (QTranslator* t : m_installed) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_installed.clear();
    m_appCatalogue = false;
}

void LanguageSwitcher::setLanguage(const QString& language)
{
    if (!languages().contains(language) || language == m_language)
        return;
    unload();
    m_language = language;
    if (language != QLatin1String("en")) {
        // Qt's own strings (standard buttons, context menus, dialogs).
        auto* qt = new QTranslator;
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            m_installed.append(qt);
        } else {
            delete qt;
        }
        auto* app = new QTranslator;
        bool found = false;
        for (const QString& dir : searchPaths()) {
            if (app->load(QStringLiteral("coroscope_") + language, dir)) {
                found = true;
                break;
            }
        }
        if (found) {
            QCoreApplication::installTranslator(app);
            m_installed.append(app);
            m_appCatalogue = true;
        } else {
            delete app;
        }
    }
    QLocale::setDefault(QLocale(language == QLatin1String("en") ? QStringLiteral("en_US") : language));
    m_settings->setValue(kSetting, language);
    emit languageChanged(language);
}

} // namespace coroscope
