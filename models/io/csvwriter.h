#pragma once

#include <string>
#include <string_view>

// RFC 4180 CSV (CRLF rows, fields with comma, quote or line break quoted, quotes doubled) that is
// safe to open in a spreadsheet: a text cell beginning with =, +, -, @, tab or carriage return is
// prefixed with an apostrophe so no spreadsheet runs it as a formula; so is each part after a
// ';' (a semicolon-locale spreadsheet splits there), and a cell with ';' is quoted. Numbers are written in the
// C locale in shortest round-trip form (io::numberString), so the file parses back to the exact
// values.
namespace cp::io {

class CsvWriter
{
public:
    void text(std::string_view cell);
    void number(double value); // non-finite values become an empty cell
    void empty();
    void endRow();

    [[nodiscard]] std::string take();

private:
    void separator();

    std::string m_out;
    bool m_rowStarted = false;
};

// The cell as written (quoted and defused when needed), for tests and for TSV-like callers.
[[nodiscard]] std::string csvTextCell(std::string_view cell);

} // namespace cp::io
