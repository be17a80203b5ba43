#pragma once

#include "report/reportdocument.h"

#include <QString>

#include <utility>
#include <vector>

namespace cp::report {

// What the first page says: what the report is, of what, for whom, when, and what is inside.
struct CoverInfo {
    QString kicker;   // "ClusterPlan | Scenario report"
    QString title;    // the scenario's name, or the compared scenarios
    QString subtitle; // one line under it
    std::vector<std::pair<QString, QString>> details; // label, value: workspace, period, date, version
    QString notice;   // the small print at the foot of the page
};

[[nodiscard]] ReportDocument::CoverPainter coverPainter(CoverInfo info);

} // namespace cp::report
