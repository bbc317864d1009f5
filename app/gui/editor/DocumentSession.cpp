#include "app/gui/editor/DocumentSession.h"

#include "app/gui/editor/Autosave.h"
#include "app/gui/editor/CodeEditor.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace coroscope {

namespace {
const QString kKeySetting = QStringLiteral("document/key");
const QString kPathSetting = QStringLiteral("document/path");
} // namespace

QString DocumentSession::fileKey(const QString& path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return QStringLiteral("file:") + (canonical.isEmpty() ? info.absoluteFilePath() : canonical);
}

DocumentSession::DocumentSession(CodeEditor* editor, Autosave* autosave, QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_editor(editor)
    , m_autosave(autosave)
    , m_settings(settings)
{
    connect(m_editor, &CodeEditor::codeEdited, this, &DocumentSession::onEdited);
}

void DocumentSession::openDocument(const QString& key, const QString& displayName, const QString& original,
                                   const QString& path)
{
    flush();
    m_key = key;
    m_path = path;
    m_displayName = displayName;
    m_original = original;
    const std::optional<QString> edited = m_autosave->load(key);
    m_editor->setCode(edited.value_or(original));
    m_settings->setValue(kKeySetting, key);
    m_settings->setValue(kPathSetting, path);
    const bool modified = isModified();
    if (modified != m_modified) {
        m_modified = modified;
        emit modifiedChanged(modified);
    }
    emit documentOpened(key);
}

bool DocumentSession::openFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    openDocument(fileKey(path), QFileInfo(path).fileName(), QString::fromUtf8(file.readAll()),
                 QFileInfo(path).absoluteFilePath());
    return true;
}

void DocumentSession::openScratch()
{
    openDocument(scratchKey(), tr("untitled.py"), QString());
}

void DocumentSession::restoreLast()
{
    const QString key = m_settings->value(kKeySetting).toString();
    const QString path = m_settings->value(kPathSetting).toString();
    if (!path.isEmpty() && openFile(path))
        return;
    // The file is gone, but the user's edit of it may not be: show that.
    if (!key.isEmpty() && key != scratchKey() && m_autosave->contains(key)) {
        openDocument(key, QFileInfo(path).fileName(), QString(), QString());
        return;
    }
    openScratch();
}

void DocumentSession::revertToOriginal()
{
    m_autosave->discard(m_key);
    m_editor->setCode(m_original);
    if (m_modified) {
        m_modified = false;
        emit modifiedChanged(false);
    }
}

void DocumentSession::flush()
{
    m_editor->flushPendingEdit();
}

bool DocumentSession::isModified() const
{
    return m_editor->code() != m_original;
}

void DocumentSession::onEdited(const QString& code)
{
    if (m_key.isEmpty())
        return;
    if (code == m_original)
        m_autosave->discard(m_key);
    else
        m_autosave->save(m_key, code);
    const bool modified = code != m_original;
    if (modified != m_modified) {
        m_modified = modified;
        emit modifiedChanged(modified);
    }
}

} // namespace coroscope
