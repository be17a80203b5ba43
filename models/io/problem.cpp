#include "io/problem.h"

namespace cp {

QString Problem::toString() const
{
    QString text;
    if (!file.isEmpty())
        text += file + QStringLiteral(": ");
    if (!path.isEmpty())
        text += path + QStringLiteral(": ");
    return text + message;
}

} // namespace cp
