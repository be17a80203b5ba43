#include "commands/comparepdf.h"

#include "clioutput.h"
#include "report/reportexport.h"

#include <QCommandLineParser>
#include <QDate>
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
    report::ComparisonReportInput input;
    input.scenarios = solved;
    input.info.workspace = workspace;
    input.info.preparedOn = QDate::currentDate();
    input.info.asOf = asOf;
    input.info.paper = parser.value(m_paper).toLower() == QLatin1String("letter") ? report::Paper::Letter : report::Paper::A4;
    const report::RenderedReport rendered = report::renderComparisonReport(input);
    const QString out = parser.value(m_pdf);
    if (!writeOutput(out, rendered.pdf, io))
        return ExitFailure;
    io.err << out << ": " << rendered.pageCount << " pages, " << report::paperName(input.info.paper) << '\n';
    return ExitOk;
}

} // namespace cp::cli
