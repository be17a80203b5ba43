#include "io/jsontextwriter.h"

#include "domain/numbertext.h"

#include <cmath>

namespace cp::io {

void appendJsonString(std::string &out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += kHex[(c >> 4) & 0xf];
                out += kHex[c & 0xf];
            } else {
                out += c; // UTF-8 passes through unchanged
            }
        }
    }
    out += '"';
}

void JsonTextWriter::newlineIndent()
{
    m_out += '\n';
    m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out += m_inline ? ", " : ",";
    if (!m_inline && m_depth > 0)
        newlineIndent();
    m_first = false;
}

void JsonTextWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    ++m_depth;
    m_first = true;
}

void JsonTextWriter::endObject()
{
    --m_depth;
    if (!m_first)
        newlineIndent();
    m_out += '}';
    m_first = false;
}

void JsonTextWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_inline = true;
    m_first = true;
}

void JsonTextWriter::endArray()
{
    m_out += ']';
    m_inline = false;
    m_first = false;
}

void JsonTextWriter::beginObjectArray()
{
    beforeValue();
    m_out += '[';
    ++m_depth;
    m_first = true;
}

void JsonTextWriter::endObjectArray()
{
    endObject(); // same layout
    m_out.back() = ']';
}

void JsonTextWriter::key(std::string_view name)
{
    beforeValue();
    appendJsonString(m_out, name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonTextWriter::value(double number)
{
    beforeValue();
    if (std::isfinite(number))
        appendNumber(m_out, number);
    else
        m_out += "null";
}

void JsonTextWriter::value(std::string_view text)
{
    beforeValue();
    appendJsonString(m_out, text);
}

void JsonTextWriter::null()
{
    beforeValue();
    m_out += "null";
}

std::string JsonTextWriter::take()
{
    m_out += '\n';
    std::string out;
    out.swap(m_out);
    m_depth = 0;
    m_first = true;
    m_afterKey = false;
    m_inline = false;
    return out;
}

} // namespace cp::io
