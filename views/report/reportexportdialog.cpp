#include "report/reportexportdialog.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "report/reportexport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace cp::report {

ReportExportDialog::ReportExportDialog(ScenarioReportInput input, QString path, QWidget *parent)
    : QProgressDialog(parent)
    , m_scenario(std::move(input))
    , m_path(std::move(path))
{
    setWindowTitle(tr("Export report"));
    setWindowModality(Qt::WindowModal);
    setMinimumDuration(0);
    setAutoClose(false);
    setAutoReset(false);
}

ReportExportDialog::ReportExportDialog(ComparisonReportInput input, QString path, QWidget *parent)
    : QProgressDialog(parent)
    , m_comparison(std::move(input))
    , m_path(std::move(path))
{
    setWindowTitle(tr("Export comparison"));
    setWindowModality(Qt::WindowModal);
    setMinimumDuration(0);
    setAutoClose(false);
    setAutoReset(false);
}

bool ReportExportDialog::runRisk()
{
    const SolvedScenario &solved = *m_scenario->solved;
    setLabelText(tr("Running %1 risk trials of %2...").arg(format::count(kReportRiskTrials), solved.scenario.name));
    setRange(0, kReportRiskTrials);
    setValue(0);

    std::atomic<bool> cancel{false};
    std::atomic<int> done{0};
    std::optional<solver::RiskResult> risk;
    auto shared = m_scenario->solved; // keeps the snapshot alive for the worker
    QThread *worker = QThread::create([shared, &cancel, &done, &risk] { risk = runReportRisk(*shared, &cancel, &done); });

    QEventLoop loop;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [this, &done] { setValue(std::min(done.load(), kReportRiskTrials - 1)); });
    const auto cancelled = connect(this, &QProgressDialog::canceled, this, [&cancel] { cancel = true; });
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    poll.start();
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    poll.stop();
    disconnect(cancelled);

    if (cancel || !risk || risk->cancelled)
        return false;
    m_scenario->risk = std::move(risk);
    return true;
}

bool ReportExportDialog::drawProgress(int done, int total)
{
    setLabelText(tr("Drawing page %1 of %2...").arg(std::min(done + 1, total)).arg(total));
    setRange(0, total);
    setValue(done);
    QCoreApplication::processEvents(); // Cancel stays clickable between pages
    return !wasCanceled();
}

ReportExportDialog::Outcome ReportExportDialog::run()
{
    show();
    QCoreApplication::processEvents();
    if (m_scenario && !runRisk())
        return Outcome::Cancelled;
    if (wasCanceled())
        return Outcome::Cancelled;

    const auto progress = [this](int done, int total) { return drawProgress(done, total); };
    const RenderedReport rendered = m_scenario ? renderScenarioReport(*m_scenario, progress)
                                               : renderComparisonReport(*m_comparison, progress);
    if (rendered.cancelled)
        return Outcome::Cancelled;
    setLabelText(tr("Saving %1...").arg(m_path));
    if (!saveExport(m_path, rendered.pdf, &m_error))
        return Outcome::Failed;
    m_pages = rendered.pageCount;
    setValue(maximum());
    return Outcome::Saved;
}

} // namespace cp::report
