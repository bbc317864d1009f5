#pragma once
// DocumentSession: which document the Code pane shows, and the promise that
// the user's edits of it are never lost. Every edit the editor reports is
// autosaved under the document's key; opening a document whose key has an
// autosaved edit shows the edit, not the original; the document open last is
// remembered, so restoreLast() can reopen it (the app itself starts on the
// first lesson, or on what its command line names).

#include <QObject>
#include <QString>

class QSettings;

namespace coroscope {

class Autosave;
class CodeEditor;

class DocumentSession : public QObject {
    Q_OBJECT
public:
    /// The key of the untitled scratch document.
    static QString scratchKey() { return QStringLiteral("scratch"); }
    /// The key of a file on disk.
    static QString fileKey(const QString& path);

    DocumentSession(CodeEditor* editor, Autosave* autosave, QSettings* settings, QObject* parent = nullptr);

    /// Shows `original` under `key`, or the autosaved edit of `key` if there
    /// is one. Lessons and files both come through here.
    void openDocument(const QString& key, const QString& displayName, const QString& original,
                      const QString& path = QString());
    /// Opens a Python file; false (with `error` set) if it cannot be read.
    bool openFile(const QString& path, QString* error = nullptr);
    void openScratch();
    /// Reopens the document that was open last time (a scratch if none).
    void restoreLast();
    /// Throws the edits away and shows the original again.
    void revertToOriginal();
    /// Saves an edit still waiting in the editor's debounce.
    void flush();

    QString key() const { return m_key; }
    QString path() const { return m_path; }
    QString displayName() const { return m_displayName; }
    QString originalText() const { return m_original; }
    /// The text shown differs from the original.
    bool isModified() const;

signals:
    void documentOpened(const QString& key);
    void modifiedChanged(bool modified);

private:
    void onEdited(const QString& code);

    CodeEditor* m_editor;
    Autosave* m_autosave;
    QSettings* m_settings;
    QString m_key;
    QString m_path;          ///< empty unless the document is a file
    QString m_displayName;
    QString m_original;      ///< the text before the user's edits
    bool m_modified = false;
};

} // namespace coroscope
