#include "domain/problem.h"

#include <algorithm>

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

bool isControlOrBidi(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

QString quotedText(const QString &text, qsizetype maxChars)
{
    QString out;
    qsizetype shown = std::min(text.size(), maxChars);
    if (shown < text.size() && shown > 0 && text.at(shown - 1).isHighSurrogate())
        --shown; // never half a character
    out.reserve(shown + 16);
    for (qsizetype i = 0; i < shown; ++i) {
        const char16_t c = text.at(i).unicode();
        if (isControlOrBidi(c))
            out += QStringLiteral("\\u%1").arg(static_cast<int>(c), 4, 16, QLatin1Char('0'));
        else
            out += QChar(c);
    }
    if (shown < text.size())
        out += QStringLiteral("\u2026 (%1 characters)").arg(text.size());
    return out;
}

} // namespace cp
