#include "app/gui/editor/Autosave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace coroscope {

Autosave::Autosave(QString directory)
    : m_directory(std::move(directory))
{
}

QString Autosave::pathFor(const QString& documentKey) const
{
    // The stem keeps the files recognisable to a person; the hash keeps
    // different keys with the same stem apart.
    QString stem = QFileInfo(documentKey.section(QLatin1Char(':'), -1)).completeBaseName();
    for (QChar& c : stem) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    if (stem.isEmpty())
        stem = QStringLiteral("document");
    const QByteArray hash = QCryptographicHash::hash(documentKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QDir(m_directory).filePath(stem.left(40) + QLatin1Char('-') + QString::fromLatin1(hash) + QStringLiteral(".py"));
}

bool Autosave::save(const QString& documentKey, const QString& text)
{
    if (!QDir().mkpath(m_directory))
        return false;
    QSaveFile file(pathFor(documentKey));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

std::optional<QString> Autosave::load(const QString& documentKey) const
{
    QFile file(pathFor(documentKey));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

bool Autosave::contains(const QString& documentKey) const
{
    return QFileInfo::exists(pathFor(documentKey));
}

void Autosave::discard(const QString& documentKey)
{
    QFile::remove(pathFor(documentKey));
}

} // namespace coroscope
