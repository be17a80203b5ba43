#include "commands/comparepdf.h"

#include "clioutput.h"
#include "renderbackend.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

void ComparePdfOutput::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(m_pdf);
    parser.addOption(m_paper);
}

bool ComparePdfOutput::isSet(const QCommandLineParser &parser) const
{
    return parser.isSet(m_pdf);
}

bool ComparePdfOutput::requested(const QStringList &arguments)
{
    for (const QString &argument : arguments)
        if (argument == QLatin1String("--pdf") || argument.startsWith(QLatin1String("--pdf=")))
            return true;
    return false;
}

bool ComparePdfOutput::validate(const QCommandLineParser &parser, CliStreams &io) const
{
    if (!parser.isSet(m_paper))
        return true;
    const QString value = parser.value(m_paper).toLower();
    if (value == QLatin1String("a4") || value == QLatin1String("letter"))
        return true;
    io.err << "clusterplan-cli compare: --paper: '" << parser.value(m_paper) << "' is not a paper size; use a4 or letter\n";
    return false;
}

int ComparePdfOutput::write(const QCommandLineParser &parser, const std::vector<std::shared_ptr<const SolvedScenario>> &solved,
                            const QString &workspace, Month asOf, CliStreams &io) const
{
    if (solved.size() > 4) {
        io.err << "clusterplan-cli compare: --pdf compares two to four scenarios (a page holds four side by side); got "
               << solved.size() << '\n';
        return ExitUsage;
    }
    // Drawing runs only in clusterplan-cli-render, which sets the backend (renderbackend.h).
    const RenderBackend *backend = renderBackend();
    if (!backend) { // unreachable: runCli hands drawing commands to the helper
        io.err << "clusterplan-cli: no PDF renderer in this program\n";
        return ExitFailure;
    }
    ComparisonReportRequest request;
    request.scenarios = solved;
    request.workspace = workspace;
    request.asOf = asOf;
    request.paper = parser.value(m_paper).toLower() == QLatin1String("letter") ? ReportPaper::Letter : ReportPaper::A4;
    const RenderedPdf rendered = backend->comparisonReport(request);
    const QString out = parser.value(m_pdf);
    if (!writeOutput(out, rendered.pdf, io))
        return ExitFailure;
    io.err << out << ": " << rendered.pageCount << " pages, " << reportPaperName(request.paper) << '\n';
    return ExitOk;
}

} // namespace cp::cli
