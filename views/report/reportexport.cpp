#include "report/reportexport.h"

#include "analysis/solvedscenario.h"
#include "clusterplan/version.h"
#include "format/units.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "report/reportcover.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>

namespace cp::report {

namespace {

RenderedReport render(ReportDocument &document, const ReportDocument::WriteOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const ReportDocument::WriteStatus status = document.writePdf(&buffer, options);
    buffer.close();
    RenderedReport out;
    out.cancelled = status == ReportDocument::WriteStatus::Cancelled;
    if (!out.cancelled) {
        out.pdf = std::move(bytes);
        out.pageCount = document.pageCount();
    }
    return out;
}

QString footerNote(const ReportInfo &info)
{
    return QStringLiteral("%1  |  prepared %2").arg(QLatin1String(kVersionLine), info.preparedOn.toString(Qt::ISODate));
}

} // namespace

solver::RiskResult runReportRisk(const SolvedScenario &solved, const std::atomic<bool> *cancel,
                                 std::atomic<int> *trialsDone)
{
    solver::RiskOptions options;
    options.trials = kReportRiskTrials;
    options.seed = kReportRiskSeed;
    options.cancel = cancel;
    options.trialsDone = trialsDone;
    return solver::runRisk(solved.resolved.plan, options);
}

QString methodologyMarkdown()
{
    QFile file(QStringLiteral(":/report/methodology.md"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

RenderedReport renderScenarioReport(const ScenarioReportInput &input, const ReportDocument::Progress &progress)
{
    ReportDocument document;
    buildScenarioReport(document, input);
    ReportDocument::WriteOptions options;
    options.paper = input.info.paper;
    options.title = input.solved->scenario.name;
    options.creator = QLatin1String(kVersionLine);
    options.footerNote = footerNote(input.info);
    options.cover = coverPainter(scenarioCover(input));
    options.progress = progress;
    return render(document, options);
}

RenderedReport renderComparisonReport(const ComparisonReportInput &input, const ReportDocument::Progress &progress)
{
    ReportDocument document;
    buildComparisonReport(document, input);
    const CoverInfo cover = comparisonCover(input);
    ReportDocument::WriteOptions options;
    options.paper = input.info.paper;
    options.title = cover.title;
    options.creator = QLatin1String(kVersionLine);
    options.footerNote = footerNote(input.info);
    options.cover = coverPainter(cover);
    options.progress = progress;
    return render(document, options);
}

QByteArray resultsCsv(const SolvedScenario &solved)
{
    return io::writeResultCsv(solved.result);
}

QByteArray resultsJson(const SolvedScenario &solved)
{
    return io::writeResultJson(solved.result);
}

bool saveExport(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write %1: %2. Choose a folder you can write to.").arg(path, file.errorString());
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("Writing %1 failed: %2. Check the free space and try again.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace cp::report
