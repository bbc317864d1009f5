#include "app/lessoncheck/KnownFailing.h"

#include <QFile>

namespace coroscope::cli {

KnownFailing KnownFailing::bundled()
{
    QFile file(QStringLiteral(":/cli/KNOWN_FAILING"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(QString::fromUtf8(file.readAll()));
}

KnownFailing KnownFailing::parse(const QString& text)
{
    KnownFailing list;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        QString line = raw;
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (!line.isEmpty() && !list.m_entries.contains(line))
            list.m_entries.append(line);
    }
    return list;
}

} // namespace coroscope::cli
