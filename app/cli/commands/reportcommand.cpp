#include "commands/commands.h"

#include "analysis/solvedscenario.h"
#include "clioutput.h"
#include "fiscalyearoption.h"
#include "renderbackend.h"
#include "scenarioinput.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

namespace cp::cli {

namespace {

// `clusterplan-cli report`: the board report of one scenario as a PDF (summary, sites, charts,
// warnings, risk, assumptions with sources, methodology).
class ReportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Render a board-ready PDF report of a scenario"); }

    bool needsGui(const QStringList &arguments) const override
    {
        Q_UNUSED(arguments);
        return true; // charts are widgets, even when drawn straight into the PDF
    }

    void configure(QCommandLineParser &parser) const override
    {
        m_input.addOptions(parser);
        parser.addOption(m_pdf);
        parser.addOption(m_paper);
        m_fiscalYearStart.addTo(parser);
    }

    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        if (!parser.isSet(m_pdf)) {
            io.err << "clusterplan-cli report: missing --pdf OUT (the file to write; '-' is standard output)\n";
            return ExitUsage;
        }
        const std::optional<ReportPaper> paper = paperOption(parser, io);
        if (!paper)
            return ExitUsage;
        const std::optional<int> fiscalYearStart = m_fiscalYearStart.read(parser, name(), io);
        if (!fiscalYearStart)
            return ExitUsage;
        int exitCode = ExitOk;
        const auto solved = m_input.loadAndSolve(parser, io, &exitCode);
        if (!solved)
            return exitCode;
        const std::optional<Month> asOf = m_input.asOf(parser, io, &exitCode); // read fine just above

        // Drawing runs only in clusterplan-cli-render, which sets the backend (renderbackend.h).
        const RenderBackend *backend = renderBackend();
        if (!backend) { // unreachable: runCli hands drawing commands to the helper
            io.err << "clusterplan-cli: no PDF renderer in this program\n";
            return ExitFailure;
        }
        ScenarioReportRequest request;
        request.solved = solved;
        request.workspace = parser.value(QStringLiteral("workspace"));
        if (request.workspace.isEmpty() && !parser.positionalArguments().isEmpty())
            request.sourceFile = parser.positionalArguments().constFirst();
        request.asOf = *asOf;
        request.paper = *paper;
        request.fiscalYearStartMonth = *fiscalYearStart;
        const RenderedPdf rendered = backend->scenarioReport(request);

        const QString out = parser.value(m_pdf);
        if (!writeOutput(out, rendered.pdf, io))
            return ExitFailure;
        // Standard output may be the PDF itself; the receipt goes where it cannot corrupt it.
        (out == QLatin1String("-") ? io.err : io.out)
            << out << ": " << rendered.pageCount << " pages, " << reportPaperName(*paper) << '\n';
        return ExitOk;
    }

private:
    std::optional<ReportPaper> paperOption(const QCommandLineParser &parser, CliStreams &io) const
    {
        if (!parser.isSet(m_paper))
            return ReportPaper::A4;
        const QString value = parser.value(m_paper).toLower();
        if (value == QLatin1String("a4"))
            return ReportPaper::A4;
        if (value == QLatin1String("letter"))
            return ReportPaper::Letter;
        io.err << "clusterplan-cli report: --paper: '" << parser.value(m_paper) << "' is not a paper size; use a4 or letter\n";
        return std::nullopt;
    }

    ScenarioInput m_input;
    QCommandLineOption m_pdf{QStringLiteral("pdf"), QStringLiteral("Write the PDF report to OUT; '-' is standard output."), QStringLiteral("OUT")};
    QCommandLineOption m_paper{QStringLiteral("paper"), QStringLiteral("Paper size: a4 (default) or letter."), QStringLiteral("a4|letter")};
    FiscalYearOption m_fiscalYearStart;
};

} // namespace

std::unique_ptr<CliCommand> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

} // namespace cp::cli
