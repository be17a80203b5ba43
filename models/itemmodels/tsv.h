#pragma once

#include <QString>
#include <QStringList>

#include <vector>

// Tab-separated rows as spreadsheets put them on the clipboard (Excel, LibreOffice): cells
// split by tabs, rows by line breaks (CRLF or LF); a cell holding a tab, a line break or a
// quote comes in double quotes with inner quotes doubled.
namespace cp::tsv {

// Rows of cells; a trailing line break does not make an empty row.
[[nodiscard]] std::vector<QStringList> parse(const QString &text);
// The same form back, quoting only cells that need it; rows end with a line break.
[[nodiscard]] QString write(const std::vector<QStringList> &rows);

} // namespace cp::tsv
