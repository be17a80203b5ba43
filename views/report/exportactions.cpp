#include "report/exportactions.h"

#include "analysis/solvedscenario.h"
#include "report/reportexport.h"
#include "report/reportexportdialog.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace cp::report {

namespace {

const QString kFolderKey = QStringLiteral("export/folder");
const QString kPaperKey = QStringLiteral("export/paper");

QString pdfFilter(Paper paper)
{
    return paper == Paper::Letter ? ExportActions::tr("PDF report, US Letter (*.pdf)")
                                  : ExportActions::tr("PDF report, A4 (*.pdf)");
}

Paper defaultPaper()
{
    const QSettings settings;
    if (settings.contains(kPaperKey))
        return settings.value(kPaperKey).toString() == QLatin1String("letter") ? Paper::Letter : Paper::A4;
    return QLocale::system().measurementSystem() == QLocale::ImperialUSSystem ? Paper::Letter : Paper::A4;
}

ReportInfo reportInfo(const QString &workspace, Paper paper)
{
    ReportInfo info;
    info.workspace = workspace;
    info.preparedOn = QDate::currentDate();
    info.asOf = currentMonth();
    info.paper = paper;
    return info;
}

} // namespace

ExportActions::ExportActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_reportAction(new QAction(tr("Export &Report (PDF)..."), this))
    , m_resultsAction(new QAction(tr("Export Results (&CSV)..."), this))
    , m_comparisonAction(new QAction(tr("Export C&omparison (PDF)..."), this))
{
    m_reportAction->setStatusTip(tr("Save a board report of the scenario as PDF: summary, sites, charts, risk, sources"));
    m_resultsAction->setStatusTip(tr("Save the monthly results per site and in total as CSV for a spreadsheet"));
    m_reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_reportAction, &QAction::triggered, this, &ExportActions::exportReport);
    m_comparisonAction->setStatusTip(tr("Save the scenarios of the Compare tab side by side as PDF"));
    connect(m_resultsAction, &QAction::triggered, this, &ExportActions::exportResults);
    connect(m_comparisonAction, &QAction::triggered, this, &ExportActions::exportComparison);
    setSolved(nullptr);
    setComparison({});
}

void ExportActions::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    m_solved = std::move(solved);
    const bool ok = m_solved && m_solved->ok();
    m_reportAction->setEnabled(ok);
    m_resultsAction->setEnabled(ok);
}

void ExportActions::setWorkspacePath(const QString &path)
{
    m_workspacePath = path;
}

void ExportActions::setComparison(std::vector<std::shared_ptr<const SolvedScenario>> scenarios)
{
    m_comparison = std::move(scenarios);
    m_comparisonAction->setEnabled(m_comparison.size() >= 2 && m_comparison.size() <= 4);
}

QString ExportActions::suggestedPath(const QString &wanted, const QString &suffix) const
{
    const QSettings settings;
    const QString folder = settings.value(kFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    QString name = wanted;
    // A file name anyone can mail: no path separators or characters file systems refuse.
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|=]+")), QStringLiteral(" "));
    name = name.simplified();
    if (name.isEmpty())
        name = QStringLiteral("scenario");
    return QDir(folder).filePath(name + suffix);
}

void ExportActions::showError(const QString &what, const QString &message) const
{
    QMessageBox::warning(m_window, what, message);
}

bool ExportActions::askPdfPath(const QString &title, const QString &name, QString *path, Paper *paper) const
{
    QString selected = pdfFilter(defaultPaper());
    const QString chosenPath = QFileDialog::getSaveFileName(m_window, title, suggestedPath(name, QStringLiteral(".pdf")),
                                                            pdfFilter(Paper::A4) + QStringLiteral(";;")
                                                                + pdfFilter(Paper::Letter),
                                                            &selected);
    if (chosenPath.isEmpty())
        return false;
    *paper = selected == pdfFilter(Paper::Letter) ? Paper::Letter : Paper::A4;
    QSettings settings;
    settings.setValue(kFolderKey, QFileInfo(chosenPath).absolutePath());
    settings.setValue(kPaperKey, *paper == Paper::Letter ? QStringLiteral("letter") : QStringLiteral("a4"));
    *path = chosenPath.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? chosenPath
                                                                           : chosenPath + QStringLiteral(".pdf");
    return true;
}

void ExportActions::exportReport()
{
    if (!m_solved || !m_solved->ok())
        return;
    QString path;
    Paper paper = Paper::A4;
    if (askPdfPath(tr("Export Report"), m_solved->scenario.name, &path, &paper))
        exportReportTo(path, paper);
}

void ExportActions::exportComparison()
{
    if (!m_comparisonAction->isEnabled())
        return;
    QString path;
    Paper paper = Paper::A4;
    if (askPdfPath(tr("Export Comparison"), tr("%1 compared").arg(m_comparison.front()->scenario.name), &path, &paper))
        exportComparisonTo(m_comparison, path, paper);
}

bool ExportActions::exportReportTo(const QString &path, Paper paper)
{
    if (!m_solved || !m_solved->ok())
        return false;
    ScenarioReportInput input;
    input.solved = m_solved;
    input.info = reportInfo(m_workspacePath, paper);
    input.methodology = methodologyMarkdown();
    ReportExportDialog dialog(std::move(input), path, m_window);
    const ReportExportDialog::Outcome outcome = dialog.run();
    if (outcome == ReportExportDialog::Outcome::Failed)
        showError(tr("Export Report"), dialog.errorString());
    if (outcome == ReportExportDialog::Outcome::Saved)
        emit exported(tr("Report"), path);
    return outcome == ReportExportDialog::Outcome::Saved;
}

bool ExportActions::exportComparisonTo(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios,
                                       const QString &path, Paper paper)
{
    ComparisonReportInput input;
    input.scenarios = scenarios;
    input.info = reportInfo(m_workspacePath, paper);
    ReportExportDialog dialog(std::move(input), path, m_window);
    const ReportExportDialog::Outcome outcome = dialog.run();
    if (outcome == ReportExportDialog::Outcome::Failed)
        showError(tr("Export Comparison"), dialog.errorString());
    if (outcome == ReportExportDialog::Outcome::Saved)
        emit exported(tr("Comparison"), path);
    return outcome == ReportExportDialog::Outcome::Saved;
}

void ExportActions::exportResults()
{
    if (!m_solved || !m_solved->ok())
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Results"),
                                                      suggestedPath(m_solved->scenario.name, QStringLiteral(".csv")),
                                                      tr("CSV, comma-separated (*.csv)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
    exportResultsTo(path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".csv"));
}

bool ExportActions::exportResultsTo(const QString &path)
{
    if (!m_solved || !m_solved->ok())
        return false;
    QString error;
    if (!saveExport(path, resultsCsv(*m_solved), &error)) {
        showError(tr("Export Results"), error);
        return false;
    }
    emit exported(tr("Results"), path);
    return true;
}

} // namespace cp::report
