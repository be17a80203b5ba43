#include "itemmodels/tsv.h"

namespace cp::tsv {

std::vector<QStringList> parse(const QString &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false; // inside a quoted cell
    bool cellStarted = false; // anything read for the current row
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == u'"' && cell.isEmpty()) {
            quoted = true;
            cellStarted = true;
        } else if (c == u'\t') {
            row << cell;
            cell.clear();
            cellStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            row << cell;
            rows.push_back(row);
            row.clear();
            cell.clear();
            cellStarted = false;
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (cellStarted || !cell.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

QString write(const std::vector<QStringList> &rows)
{
    QString out;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += u'\t';
            const QString &cell = row[i];
            if (cell.contains(u'\t') || cell.contains(u'\n') || cell.contains(u'\r') || cell.startsWith(u'"')) {
                QString escaped = cell;
                escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
                out += u'"' + escaped + u'"';
            } else {
                out += cell;
            }
        }
        out += u'\n';
    }
    return out;
}

} // namespace cp::tsv
