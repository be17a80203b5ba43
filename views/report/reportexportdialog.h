#pragma once

#include "report/comparisonreport.h"
#include "report/scenarioreport.h"

#include <QProgressDialog>

#include <optional>

namespace cp::report {

// Makes a PDF report and saves it, showing progress with a Cancel button: the risk run (2,000
// trials) runs on a worker thread, the pages are drawn on the GUI thread (charts are widgets)
// between which the dialog stays responsive. Nothing is written when cancelled or on failure.
class ReportExportDialog final : public QProgressDialog
{
    Q_OBJECT

public:
    enum class Outcome { Saved, Cancelled, Failed };

    // A scenario report: `input.risk` is filled by the dialog's own risk run.
    ReportExportDialog(ScenarioReportInput input, QString path, QWidget *parent = nullptr);
    // A comparison report.
    ReportExportDialog(ComparisonReportInput input, QString path, QWidget *parent = nullptr);

    // Runs the export to the end, modal (a local event loop keeps the window alive).
    Outcome run();
    [[nodiscard]] const QString &errorString() const { return m_error; }
    [[nodiscard]] int pageCount() const { return m_pages; }

private:
    bool runRisk();
    bool drawProgress(int done, int total);

    std::optional<ScenarioReportInput> m_scenario;
    std::optional<ComparisonReportInput> m_comparison;
    QString m_path;
    QString m_error;
    int m_pages = 0;
};

} // namespace cp::report
