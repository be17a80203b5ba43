#include "commands/commands.h"

#include "analysis/solvedscenario.h"
#include "clioutput.h"
#include "format/energizeddroptext.h"
#include "format/riskinputlabel.h"
#include "format/units.h"
#include "io/riskjson.h"
#include "scenarioinput.h"
#include "solver/risk.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <limits>

namespace cp::cli {

namespace {

// `clusterplan-cli risk`: P10/P50/P90 dates and costs, the chance of full power by a month,
// what gates the plan and which inputs swing it most.
class RiskCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("risk"); }
    QString summary() const override
    {
        return QStringLiteral("Monte Carlo risk run: P10/P50/P90 dates and costs, criticality, tornado");
    }

    void configure(QCommandLineParser &parser) const override
    {
        m_input.addOptions(parser);
        for (const QCommandLineOption *option : {&m_trials, &m_seed, &m_by, &m_threads, &m_json})
            parser.addOption(*option);
    }

    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        solver::RiskOptions options;
        if (!readPositive(parser, m_trials, 1, 10'000'000, io, &options.trials))
            return ExitUsage;
        int threads = 0;
        if (parser.isSet(m_threads) && !readPositive(parser, m_threads, 1, 256, io, &threads))
            return ExitUsage;
        options.threads = threads;
        if (parser.isSet(m_seed)) {
            bool ok = false;
            options.seed = parser.value(m_seed).toULongLong(&ok);
            if (!ok) {
                io.err << "clusterplan-cli risk: --seed: '" << parser.value(m_seed) << "' is not a whole number\n";
                return ExitUsage;
            }
        }
        int exitCode = ExitOk;
        const auto solved = m_input.loadAndSolve(parser, io, &exitCode);
        if (!solved)
            return exitCode;
        if (parser.isSet(m_by)) {
            const std::optional<Month> by = Month::parse(parser.value(m_by));
            if (!by) {
                io.err << "clusterplan-cli risk: --by: '" << parser.value(m_by) << "' is not a month; write it as YYYY-MM\n";
                return ExitUsage;
            }
            options.targetMonth = by->index();
        }

        const solver::RiskResult risk = solver::runRisk(solved->resolved.plan, options);
        if (parser.isSet(m_json))
            return writeOutput(parser.value(m_json), io::writeRiskJson(risk), io) ? ExitOk : ExitFailure;
        printSummary(solved->scenario, risk, io);
        return ExitOk;
    }

private:
    static bool readPositive(const QCommandLineParser &parser, const QCommandLineOption &option, int low, int high,
                             CliStreams &io, int *value)
    {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const int parsed = parser.value(option).toInt(&ok);
        if (!ok || parsed < low || parsed > high) {
            io.err << "clusterplan-cli risk: --" << option.names().constFirst() << ": '" << parser.value(option)
                   << "' must be a whole number from " << low << " to " << high << '\n';
            return false;
        }
        *value = parsed;
        return true;
    }

    static QString shareText(double share)
    {
        return share < 0.005 ? QStringLiteral("<1%") : format::percent(100.0 * share, 0);
    }

    static void printSummary(const Scenario &scenario, const solver::RiskResult &r, CliStreams &io)
    {
        auto month = [](const std::optional<int> &m) {
            return m ? format::monthLabel(*m) : QStringLiteral("beyond the plan");
        };
        QTextStream &out = io.out;
        out << scenario.name << ": " << r.trials << " trials, seed " << r.seed << ", " << r.inputCount
            << " uncertain inputs\n";
        out << "                     P10              P50              P90\n";
        auto row = [&](const char *label, const QString &a, const QString &b, const QString &c) {
            out << "  " << QString::fromLatin1(label).leftJustified(19) << a.leftJustified(17) << b.leftJustified(17) << c << '\n';
        };
        row("First compute", month(r.firstComputeMonth.p10), month(r.firstComputeMonth.p50), month(r.firstComputeMonth.p90));
        row("Full power", month(r.fullPowerMonth.p10), month(r.fullPowerMonth.p50), month(r.fullPowerMonth.p90));
        row("Total capex", format::usd(r.totalCapexUsd.p10), format::usd(r.totalCapexUsd.p50), format::usd(r.totalCapexUsd.p90));
        row("NPV of costs", format::usd(r.npvCostUsd.p10), format::usd(r.npvCostUsd.p50), format::usd(r.npvCostUsd.p90));
        if (r.returnsStated) {
            row("NPV of net", format::usd(r.npvNetUsd.p10), format::usd(r.npvNetUsd.p50), format::usd(r.npvNetUsd.p90));
            if (r.irrPct)
                row("IRR", format::percent(r.irrPct->p10), format::percent(r.irrPct->p50), format::percent(r.irrPct->p90));
        }
        out << "  Chance of full power by " << format::monthLabel(r.targetMonth) << ": "
            << format::percent(100.0 * r.probabilityFullPowerBy, 0) << '\n';
        // Up to three months in which trials lose energized accelerators, most frequent first.
        for (std::size_t i = 0; i < std::min<std::size_t>(3, r.energizedDrops.size()); ++i)
            out << "  Warning: " << format::energizedDropSentence(r.energizedDrops[i], scenario.sites.size() > 1) << '\n';
        if (!r.criticality.empty()) {
            out << "  What holds the plan back in " << format::monthLabel(r.targetMonth) << ":\n";
            for (std::size_t i = 0; i < std::min<std::size_t>(5, r.criticality.size()); ++i)
                out << "    " << shareText(r.criticality[i].share).rightJustified(5) << "  "
                    << QString::fromStdString(r.criticality[i].site) << " / " << QString::fromStdString(r.criticality[i].item) << '\n';
        }
        if (!r.tornado.empty()) {
            out << (r.tornadoByNet ? "  Largest swings in NPV of net cash flow (input at its low and high, the rest at mode):\n"
                                   : "  Largest swings in NPV (input at its low and high, the rest at mode):\n");
            for (std::size_t i = 0; i < std::min<std::size_t>(5, r.tornado.size()); ++i) {
                const solver::TornadoBar &bar = r.tornado[i];
                out << "    " << format::usd(bar.npvSwingUsd).rightJustified(8) << "  " << format::riskInputLabel(bar, true);
                if (bar.fullPowerSwingMonths > 0)
                    out << " (full power moves " << bar.fullPowerSwingMonths
                        << (bar.fullPowerSwingMonths == 1 ? " month)" : " months)");
                out << '\n';
            }
        }
    }

    ScenarioInput m_input;
    QCommandLineOption m_trials{QStringLiteral("trials"), QStringLiteral("Number of trials (default 2000)."), QStringLiteral("N")};
    QCommandLineOption m_seed{QStringLiteral("seed"), QStringLiteral("Random seed; the same seed gives the same answer everywhere (default 1)."), QStringLiteral("S")};
    QCommandLineOption m_by{QStringLiteral("by"), QStringLiteral("Target month for the chance of full power and criticality (default: the plan's own full-power month; its last month when it never gets there)."), QStringLiteral("YYYY-MM")};
    QCommandLineOption m_threads{QStringLiteral("threads"), QStringLiteral("Worker threads (default: every core); the answer does not depend on it."), QStringLiteral("N")};
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("Write the risk document to OUT; '-' is standard output."), QStringLiteral("OUT")};
};

} // namespace

std::unique_ptr<CliCommand> makeRiskCommand()
{
    return std::make_unique<RiskCommand>();
}

} // namespace cp::cli
