#include "lessons/loader/Program.h"

namespace coroscope::lessons {

QStringList Program::lines() const
{
    QString text = source;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList result = text.split(QLatin1Char('\n'));
    // A final line break ends the last line; it does not start another one.
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

QString flattenCode(const QString& code)
{
    return code.simplified();
}

} // namespace coroscope::lessons
