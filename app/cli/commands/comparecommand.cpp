#include "commands/commands.h"

#include "analysis/comparison.h"
#include "analysis/comparisonjson.h"
#include "analysis/comparisontext.h"
#include "analysis/solvedscenario.h"
#include "analysis/timevalue.h"
#include "catalog/catalog.h"
#include "clioutput.h"
#include "commands/comparepdf.h"
#include "io/scenariojson.h"
#include "scenarioinput.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

// `clusterplan-cli compare`: two or more scenarios, each one's KPIs and its deltas against the
// first (docs/scenario-format.md, section 5.3), from a workspace (--workspace W --scenario A
// --scenario B ...) or from files (A.json B.json ...). With --json the compare document, with --pdf
// the comparison report (ComparePdfOutput); with neither, a table.
class CompareCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("compare"); }
    QString summary() const override { return QStringLiteral("Compare saved scenarios: KPIs and deltas against the first"); }

    // --pdf draws charts (widgets): the report engineer's part, in comparepdf.h.
    bool needsGui(const QStringList &arguments) const override { return ComparePdfOutput::requested(arguments); }

    void configure(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("FILE.json"),
                                     QStringLiteral("Scenario files to compare, the baseline first (or use --workspace and --scenario)."),
                                     QStringLiteral("[FILE.json...]"));
        parser.addOption(m_workspace);
        parser.addOption(m_scenario);
        parser.addOption(m_json);
        parser.addOption(m_asOf);
        parser.addOption(m_ownWindows);
        m_pdfOutput.addOptions(parser);
    }

    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const QStringList files = parser.positionalArguments();
        const QStringList names = parser.values(m_scenario);
        const bool fromWorkspace = parser.isSet(m_workspace) || !names.isEmpty();
        if (fromWorkspace && !files.isEmpty()) {
            io.err << "clusterplan-cli compare: give either FILE.json arguments or --workspace W with --scenario NAME options, "
                      "not both (see --help)\n";
            return ExitUsage;
        }
        if (fromWorkspace && !parser.isSet(m_workspace)) {
            io.err << "clusterplan-cli compare: --scenario needs --workspace W to say where the scenarios are (see --help)\n";
            return ExitUsage;
        }
        const qsizetype count = fromWorkspace ? names.size() : files.size();
        if (count < 2) {
            io.err << "clusterplan-cli compare: give at least two scenarios, the baseline first "
                      "(--scenario A --scenario B, or A.json B.json); got "
                   << count << '\n';
            return ExitUsage;
        }
        Month asOf = currentMonth();
        if (parser.isSet(m_asOf)) {
            const std::optional<Month> month = Month::parse(parser.value(m_asOf));
            if (!month) {
                io.err << "clusterplan-cli: --as-of: '" << parser.value(m_asOf) << "' is not a month; write it as YYYY-MM\n";
                return ExitUsage;
            }
            asOf = *month;
        }
        if (!m_pdfOutput.validate(parser, io))
            return ExitUsage;

        std::vector<Scenario> scenarios;
        const int loaded = fromWorkspace ? loadFromWorkspace(parser.value(m_workspace), names, io, scenarios)
                                         : loadFiles(files, io, scenarios);
        if (loaded != ExitOk)
            return loaded;

        std::vector<std::shared_ptr<const SolvedScenario>> solved;
        bool invalid = false;
        for (const Scenario &scenario : scenarios) {
            auto result = solveScenario(scenario, Catalog::builtIn(), asOf);
            for (const Problem &problem : result->problems)
                io.err << terminalSafe(problem.toString()) << '\n';
            invalid = invalid || !result->ok();
            solved.push_back(std::move(result));
        }
        if (invalid)
            return ExitInvalidInput;

        const Comparison comparison =
            compareScenarios(solved, parser.isSet(m_ownWindows) ? CompareWindow::Own : CompareWindow::Common);
        if (m_pdfOutput.isSet(parser)) {
            const int written = m_pdfOutput.write(parser, solved, parser.value(m_workspace), asOf, io);
            if (written != ExitOk || !parser.isSet(m_json))
                return written;
        }
        if (parser.isSet(m_json))
            return writeOutput(parser.value(m_json), writeComparisonJson(comparison), io) ? ExitOk : ExitFailure;
        printTable(comparison, io);
        return ExitOk;
    }

private:
    static int loadFiles(const QStringList &files, CliStreams &io, std::vector<Scenario> &out)
    {
        int exitCode = ExitOk;
        for (const QString &file : files) {
            const io::ParseResult parsed = io::readScenarioFile(file, Catalog::builtIn());
            for (const Problem &problem : parsed.problems)
                io.err << terminalSafe(problem.toString()) << '\n';
            if (parsed.ok())
                out.push_back(*parsed.scenario);
            else if (exitCode == ExitOk || parsed.unreadable)
                exitCode = parsed.unreadable ? ExitFailure : ExitInvalidInput;
        }
        return exitCode;
    }

    static int loadFromWorkspace(const QString &path, const QStringList &names, CliStreams &io, std::vector<Scenario> &out)
    {
        Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        if (!opened.workspace) {
            io.err << "clusterplan-cli: " << opened.error.message << '\n';
            return ExitFailure;
        }
        for (const QString &name : names) {
            int exitCode = ExitOk;
            std::optional<Scenario> scenario = loadWorkspaceScenario(*opened.workspace, path, name, io, &exitCode);
            if (!scenario)
                return exitCode;
            out.push_back(std::move(*scenario));
        }
        return ExitOk;
    }

    // KPI | baseline | each other scenario's value and its delta, padded to columns.
    static void printTable(const Comparison &comparison, CliStreams &io)
    {
        const std::vector<KpiDefinition> &kpis = comparisonKpis();
        const QString window = windowSentence(comparison);
        if (!window.isEmpty())
            io.out << window << "\n\n";
        std::vector<QStringList> rows;
        QStringList header{QStringLiteral("KPI")};
        for (std::size_t s = 0; s < comparison.scenarios.size(); ++s) {
            header << comparison.scenarios[s].name + (s == 0 ? QStringLiteral(" (baseline)") : QString());
            if (s > 0)
                header << QStringLiteral("delta");
        }
        rows.push_back(header);
        for (std::size_t k = 0; k < kpis.size(); ++k) {
            QStringList row{QString::fromUtf8(kpis[k].label)};
            for (std::size_t s = 0; s < comparison.scenarios.size(); ++s) {
                const ComparedKpi &kpi = comparison.scenarios[s].kpis[k];
                row << comparisonValueText(kpis[k], kpi.value);
                if (s > 0)
                    row << comparisonDeltaText(kpis[k], kpi.delta);
            }
            rows.push_back(row);
        }
        std::vector<qsizetype> widths(static_cast<std::size_t>(header.size()), 0);
        for (const QStringList &row : rows)
            for (qsizetype c = 0; c < row.size(); ++c)
                widths[static_cast<std::size_t>(c)] = std::max(widths[static_cast<std::size_t>(c)], row[c].size());
        for (const QStringList &row : rows) {
            QString line;
            for (qsizetype c = 0; c < row.size(); ++c) {
                const qsizetype width = widths[static_cast<std::size_t>(c)];
                line += c == 0 ? row[c].leftJustified(width) : QStringLiteral("  ") + row[c].rightJustified(width);
            }
            io.out << line << '\n';
        }
        // Is the difference worth it? Only where both plans state what time is worth.
        for (std::size_t s = 1; s < comparison.scenarios.size(); ++s) {
            const ComparedScenario &baseline = comparison.scenarios.front();
            const ComparedScenario &other = comparison.scenarios[s];
            const TimeValue value = timeValue(*baseline.solved, *other.solved);
            if (value.returns)
                io.out << '\n' << other.name << ": " << timeValueSentence(value, baseline.name) << '\n';
        }
    }

    QCommandLineOption m_workspace{QStringLiteral("workspace"), QStringLiteral("Workspace file (.clusterplan) to read the scenarios from."),
                                   QStringLiteral("W")};
    QCommandLineOption m_scenario{QStringLiteral("scenario"),
                                  QStringLiteral("A scenario of the workspace, by name; give two or more, the baseline first."),
                                  QStringLiteral("NAME")};
    QCommandLineOption m_json{QStringLiteral("json"),
                              QStringLiteral("Write the compare document (docs/scenario-format.md, section 5) to OUT; '-' is standard output."),
                              QStringLiteral("OUT")};
    QCommandLineOption m_asOf{QStringLiteral("as-of"),
                              QStringLiteral("Month the plans are looked at from, for stale catalog values (default: this month)."),
                              QStringLiteral("YYYY-MM")};
    QCommandLineOption m_ownWindows{QStringLiteral("own-windows"),
                                    QStringLiteral("Compare each plan over its own months, not the months all plans share "
                                                   "(totals of unequal windows then do not compare).")};
    ComparePdfOutput m_pdfOutput;
};

} // namespace

std::unique_ptr<CliCommand> makeCompareCommand()
{
    return std::make_unique<CompareCommand>();
}

} // namespace cp::cli
