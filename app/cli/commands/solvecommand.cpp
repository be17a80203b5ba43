#include "commands/commands.h"

#include "analysis/solvedscenario.h"
#include "analysis/yearlycsv.h"
#include "clioutput.h"
#include "fiscalyearoption.h"
#include "format/units.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "scenarioinput.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

// `clusterplan-cli solve`: the plan's monthly truth as the result JSON and the CSV table of
// docs/scenario-format.md, section 5, or (with neither) a short summary a person reads.
class SolveCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("solve"); }
    QString summary() const override { return QStringLiteral("Solve a scenario into monthly timelines, costs and KPIs"); }

    void configure(QCommandLineParser &parser) const override
    {
        m_input.addOptions(parser);
        parser.addOption(m_json);
        parser.addOption(m_csv);
        parser.addOption(m_yearlyCsv);
        parser.addOption(m_scope);
        m_fiscalYearStart.addTo(parser);
    }

    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const std::optional<int> fiscalYearStart = m_fiscalYearStart.read(parser, name(), io);
        if (!fiscalYearStart)
            return ExitUsage;
        io::CsvScope scope = io::CsvScope::All;
        if (parser.isSet(m_scope)) {
            const QString value = parser.value(m_scope);
            if (value == QLatin1String("sites")) {
                scope = io::CsvScope::Sites;
            } else if (value == QLatin1String("portfolio")) {
                scope = io::CsvScope::Portfolio;
            } else if (value != QLatin1String("all")) {
                io.err << "clusterplan-cli solve: --scope: '" << terminalSafe(value)
                       << "' is not a scope; use all, sites or portfolio\n";
                return ExitUsage;
            }
        }
        int exitCode = ExitOk;
        const auto solved = m_input.loadAndSolve(parser, io, &exitCode);
        if (!solved)
            return exitCode;
        if (parser.isSet(m_json) && !writeOutput(parser.value(m_json), io::writeResultJson(solved->result), io))
            return ExitFailure;
        if (parser.isSet(m_csv) && !writeOutput(parser.value(m_csv), io::writeResultCsv(solved->result, scope), io))
            return ExitFailure;
        if (parser.isSet(m_yearlyCsv)
            && !writeOutput(parser.value(m_yearlyCsv), writeYearlyCsv(solved->result, *fiscalYearStart), io))
            return ExitFailure;
        if (!parser.isSet(m_json) && !parser.isSet(m_csv) && !parser.isSet(m_yearlyCsv))
            printSummary(*solved, io);
        return ExitOk;
    }

private:
    static void printSummary(const SolvedScenario &solved, CliStreams &io)
    {
        const solver::Kpis &k = solved.result.kpis;
        auto month = [](const std::optional<int> &m) {
            return m ? format::monthLabel(*m) : QStringLiteral("not within the plan");
        };
        QTextStream &out = io.out;
        out << solved.scenario.name << '\n';
        if (k.returnsStated) { // docs/methodology.md, "Returns": net figures lead
            out << "  NPV of net cash flow " << format::usd(k.npvNetUsd) << '\n';
            out << "  IRR                  " << (k.irrPct ? format::percent(*k.irrPct) : QStringLiteral("none")) << '\n';
            out << "  Payback              " << month(k.paybackMonth) << '\n';
            out << "  Revenue              " << format::usd(k.revenueUsd) << " (NPV " << format::usd(k.npvRevenueUsd) << ")\n";
            out << "  Residual value       " << format::usd(k.residualValueUsd) << '\n';
            if (k.levelizedCostPerAcceleratorHourUsd)
                out << "  Levelized cost/hour  " << format::usd(*k.levelizedCostPerAcceleratorHourUsd) << '\n';
            out << "  Stranded value       " << format::usd(k.strandedValueUsd) << '\n';
        }
        out << "  Total capex          " << format::usd(k.totalCapexUsd) << '\n';
        out << "  Total opex           " << format::usd(k.totalOpexUsd) << '\n';
        out << "  NPV of costs         " << format::usd(k.npvCostUsd) << '\n';
        out << "  First compute        " << month(k.firstComputeMonth) << '\n';
        out << "  Full power           " << month(k.fullPowerMonth) << '\n';
        out << "  Peak IT load         " << format::megawatts(k.peakItMw) << '\n';
        out << "  Peak facility load   " << format::megawatts(k.peakFacilityMw) << '\n';
        out << "  Stranded             " << format::count(k.strandedAcceleratorMonths) << " accelerator-months\n";
        out << "  Peak BF16 compute    " << format::flops(k.peakBf16Pflops) << " (dense)\n";
        if (k.costPerAcceleratorHourUsd)
            out << "  Cost per acc.-hour   " << format::usd(*k.costPerAcceleratorHourUsd) << '\n';
        out << "  Warnings             " << solved.result.warnings.size() << '\n';
        for (const solver::Warning &w : solved.result.warnings)
            out << "    - " << QString::fromStdString(w.message) << '\n';
    }

    ScenarioInput m_input;
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("Write the result document (docs/scenario-format.md, section 5) to OUT; '-' is standard output."), QStringLiteral("OUT")};
    QCommandLineOption m_csv{QStringLiteral("csv"), QStringLiteral("Write the monthly table (one row per month and site, plus portfolio rows) to OUT; '-' is standard output."), QStringLiteral("OUT")};
    QCommandLineOption m_yearlyCsv{QStringLiteral("yearly-csv"), QStringLiteral("Write capex and opex by year (the portfolio, one row per year, by category, in USD to the cent) to OUT; '-' is standard output."), QStringLiteral("OUT")};
    QCommandLineOption m_scope{QStringLiteral("scope"), QStringLiteral("Rows of --csv: all (default: each site's, then the portfolio's, month by month), sites, or portfolio; one scope's columns sum to the plan's totals."), QStringLiteral("all|sites|portfolio")};
    FiscalYearOption m_fiscalYearStart;
};

} // namespace

std::unique_ptr<CliCommand> makeSolveCommand()
{
    return std::make_unique<SolveCommand>();
}

} // namespace cp::cli
