#include "io/csvwriter.h"

#include "io/numbertext.h"

#include <cmath>

namespace cp::io {

std::string csvTextCell(std::string_view cell)
{
    std::string value;
    if (!cell.empty()) {
        const char first = cell.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
            value += '\'';
    }
    value.append(cell);
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void CsvWriter::separator()
{
    if (m_rowStarted)
        m_out += ',';
    m_rowStarted = true;
}

void CsvWriter::text(std::string_view cell)
{
    separator();
    m_out += csvTextCell(cell);
}

void CsvWriter::number(double value)
{
    separator();
    if (std::isfinite(value))
        m_out += numberString(value);
}

void CsvWriter::empty()
{
    separator();
}

void CsvWriter::endRow()
{
    m_out += "\r\n";
    m_rowStarted = false;
}

std::string CsvWriter::take()
{
    std::string out;
    out.swap(m_out);
    m_rowStarted = false;
    return out;
}

} // namespace cp::io
