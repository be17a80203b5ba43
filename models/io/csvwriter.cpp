#include "io/csvwriter.h"

#include "domain/numbertext.h"

#include <cmath>

namespace cp::io {

namespace {

bool startsFormula(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

std::string csvTextCell(std::string_view cell)
{
    std::string value;
    if (!cell.empty() && startsFormula(cell.front()))
        value += '\'';
    // A spreadsheet set for a semicolon locale splits cells at ';' too: each part that would
    // start a formula there ("Hall;=cmd|' /C calc'!A0") is defused the same way, and the cell quoted.
    for (std::size_t i = 0; i < cell.size(); ++i) {
        value += cell[i];
        if (cell[i] == ';' && i + 1 < cell.size() && startsFormula(cell[i + 1]))
            value += '\'';
    }
    if (value.find_first_of(",;\"\r\n") == std::string::npos)
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
