#pragma once

#include <QString>

namespace cp::report {

class ReportDocument;

// Renders Markdown (headings, paragraphs, lists, fenced formulas, tables, bold and code spans)
// into the report's own blocks, so a document kept as plain Markdown (docs/methodology.md) reads
// in the PDF in the report's typography. A level-1 heading starts a section on a new page.
void appendMarkdown(ReportDocument &document, const QString &markdown);

} // namespace cp::report
