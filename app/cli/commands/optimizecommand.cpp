#include "commands/commands.h"

#include "analysis/optimization.h"
#include "analysis/solvedscenario.h"
#include "clioutput.h"
#include "format/units.h"
#include "io/scenariojson.h"
#include "optimize/optimizer.h"
#include "scenarioinput.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace cp::cli {

namespace {

using ordered = nlohmann::ordered_json;

ordered month(const std::optional<int> &m)
{
    return m ? ordered(format::monthIso(*m).toStdString()) : ordered(nullptr);
}

// Whole dollars as integers (the other documents' rule), others in shortest round-trip form.
ordered usd(const std::optional<double> &v)
{
    if (!v || !std::isfinite(*v))
        return ordered(nullptr);
    if (std::trunc(*v) == *v && std::abs(*v) < 9007199254740992.0)
        return ordered(static_cast<std::int64_t>(*v));
    return ordered(*v);
}

// `clusterplan-cli optimize`: which optional items to keep, and when to order and retire the
// items with windows, so full power comes by a month at the least NPV of costs.
class OptimizeCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("optimize"); }
    QString summary() const override
    {
        return QStringLiteral("Choose optional items and order/retire months to reach full power by a month at least cost");
    }

    void configure(QCommandLineParser &parser) const override
    {
        m_input.addOptions(parser);
        for (const QCommandLineOption *option :
             { &m_by, &m_objective, &m_confidence, &m_trials, &m_seed, &m_frontier, &m_timeLimit, &m_json, &m_saveAs })
            parser.addOption(*option);
    }

    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        optimize::Goal goal;
        std::optional<optimize::Objective> objective; // default: from the plan (net when it states a value of compute)
        double timeLimit = 0.0;
        if (const int usage = readOptions(parser, io, &goal, &objective, &timeLimit); usage != ExitOk)
            return usage;
        if (parser.isSet(m_saveAs) && !parser.isSet(QStringLiteral("workspace"))) {
            io.err << "clusterplan-cli optimize: --save-as stores the chosen plan in the workspace the plan came from; "
                      "give --workspace W --scenario NAME\n";
            return ExitUsage;
        }
        if (parser.isSet(m_saveAs) && parser.value(m_saveAs).trimmed().isEmpty()) {
            io.err << "clusterplan-cli optimize: --save-as needs a name that is not empty\n";
            return ExitUsage;
        }

        int exitCode = ExitOk;
        const auto solved = m_input.loadAndSolve(parser, io, &exitCode);
        if (!solved)
            return exitCode;
        const optimize::Problem problem = optimizeProblem(solved->scenario, solved->resolved.plan);
        if (!objective)
            objective = optimize::defaultObjective(problem.plan);
        if (*objective == optimize::Objective::Net && !problem.plan.returns.stated) {
            io.err << "clusterplan-cli optimize: --objective net: "
                   << QString::fromStdString(optimize::checkProblem(problem, goal, *objective)) << '\n';
            return ExitUsage;
        }
        if (const std::string why = optimize::checkProblem(problem, goal, *objective); !why.empty()) {
            io.err << "clusterplan-cli optimize: " << QString::fromStdString(why) << '\n';
            return ExitInvalidInput;
        }

        optimize::Options options;
        options.timeLimitSeconds = timeLimit;
        const optimize::Answer answer = optimize::optimize(problem, goal, *objective, options);
        std::optional<optimize::Frontier> frontier;
        if (parser.isSet(m_frontier))
            frontier = optimize::frontier(problem, goal, *objective, options);
        std::optional<Scenario> chosen;
        if (answer.objectiveUsd)
            chosen = chosenScenario(solved->scenario, answer.choices);

        if (parser.isSet(m_saveAs) && chosen) {
            chosen->name = parser.value(m_saveAs).trimmed();
            if (const int failed = save(parser.value(QStringLiteral("workspace")), *chosen, io); failed != ExitOk)
                return failed;
        }
        if (parser.isSet(m_json)) {
            if (!writeOutput(parser.value(m_json), document(answer, frontier, chosen), io))
                return ExitFailure;
        }
        if (!parser.isSet(m_json) || parser.value(m_json) != QStringLiteral("-"))
            printSummary(solved->scenario, answer, frontier, io);
        if (parser.isSet(m_saveAs) && chosen)
            io.out << "Saved the chosen plan as scenario '" << chosen->name << "'\n";
        return ExitOk;
    }

private:
    int readOptions(const QCommandLineParser &parser, CliStreams &io, optimize::Goal *goal,
                    std::optional<optimize::Objective> *objective, double *timeLimit) const
    {
        if (!parser.isSet(m_by)) {
            io.err << "clusterplan-cli optimize: give the goal with --full-power-by YYYY-MM (see --help)\n";
            return ExitUsage;
        }
        const std::optional<Month> by = Month::parse(parser.value(m_by));
        if (!by) {
            io.err << "clusterplan-cli optimize: --full-power-by: '" << parser.value(m_by)
                   << "' is not a month; write it as YYYY-MM\n";
            return ExitUsage;
        }
        goal->fullPowerBy = by->index();
        if (parser.isSet(m_objective)) {
            const QString o = parser.value(m_objective);
            if (o == QStringLiteral("cost"))
                *objective = optimize::Objective::Cost;
            else if (o == QStringLiteral("net"))
                *objective = optimize::Objective::Net;
            else {
                io.err << "clusterplan-cli optimize: --objective: '" << o << "' is not cost or net\n";
                return ExitUsage;
            }
        }
        const auto number = [&](const QCommandLineOption &option, double low, double high, double *out) {
            bool ok = false;
            const double v = parser.value(option).toDouble(&ok);
            if (!ok || !(v >= low && v <= high)) {
                io.err << "clusterplan-cli optimize: --" << option.names().constFirst() << ": '" << parser.value(option)
                       << "' must be a number from " << low << " to " << high << '\n';
                return false;
            }
            *out = v;
            return true;
        };
        if (parser.isSet(m_confidence) && !number(m_confidence, 1, 100, &goal->confidencePct))
            return ExitUsage;
        if ((parser.isSet(m_trials) || parser.isSet(m_seed)) && !parser.isSet(m_confidence)) {
            io.err << "clusterplan-cli optimize: --trials and --seed go with --confidence P\n";
            return ExitUsage;
        }
        double trials = goal->trials;
        if (parser.isSet(m_trials) && !number(m_trials, 1, 1'000'000, &trials))
            return ExitUsage;
        if (std::trunc(trials) != trials) {
            io.err << "clusterplan-cli optimize: --trials must be a whole number\n";
            return ExitUsage;
        }
        goal->trials = static_cast<int>(trials);
        if (parser.isSet(m_seed)) {
            bool ok = false;
            goal->seed = parser.value(m_seed).toULongLong(&ok);
            if (!ok) {
                io.err << "clusterplan-cli optimize: --seed: '" << parser.value(m_seed) << "' is not a whole number\n";
                return ExitUsage;
            }
        }
        if (parser.isSet(m_timeLimit) && !number(m_timeLimit, 0.001, 1e7, timeLimit))
            return ExitUsage;
        return ExitOk;
    }

    static int save(const QString &path, const Scenario &scenario, CliStreams &io)
    {
        Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace) {
            io.err << "clusterplan-cli: " << opened.error.message << '\n';
            return ExitFailure;
        }
        if (opened.workspace->findScenario(scenario.name)) {
            io.err << "clusterplan-cli optimize: workspace '" << path << "' already has a scenario named '"
                   << scenario.name << "'; choose another name with --save-as\n";
            return ExitFailure;
        }
        if (!opened.workspace->createScenario(scenario.name, io::writeScenarioJson(scenario))) {
            io.err << opened.workspace->lastError().message << '\n';
            return ExitFailure;
        }
        return ExitOk;
    }

    static QByteArray document(const optimize::Answer &a, const std::optional<optimize::Frontier> &frontier,
                               const std::optional<Scenario> &chosen)
    {
        ordered o = ordered::object();
        o["status"] = optimize::statusName(a.status);
        o["objective"] = optimize::objectiveName(a.objective);
        o["objectiveUsd"] = usd(a.objectiveUsd);
        o["fullPowerMonth"] = month(a.fullPowerMonth);
        o["earliestFullPowerMonth"] = month(a.earliestFullPowerMonth);
        if (a.status == optimize::Status::Limit) {
            o["boundUsd"] = usd(a.boundUsd);
            o["gapPct"] = usd(a.gapPct);
        }
        if (a.confidencePct)
            o["confidencePct"] = usd(a.confidencePct);
        ordered choices = ordered::array();
        for (const optimize::Choice &c : a.choices) {
            ordered item = ordered::object();
            item["site"] = c.siteName;
            item["item"] = c.itemName;
            item["kept"] = c.kept;
            item["orderMonth"] = c.kept ? month(c.orderMonth) : ordered(nullptr);
            item["retireMonth"] = c.kept && c.retireMonth != solver::kNever ? month(c.retireMonth) : ordered(nullptr);
            choices.push_back(std::move(item));
        }
        o["choices"] = std::move(choices);
        if (chosen) {
            const QByteArray text = io::writeScenarioJson(*chosen);
            o["scenario"] = ordered::parse(text.constBegin(), text.constEnd());
        } else {
            o["scenario"] = nullptr;
        }
        if (frontier) {
            ordered points = ordered::array();
            for (const optimize::FrontierPoint &p : frontier->points) {
                ordered point = ordered::object();
                point["fullPowerBy"] = month(p.month);
                point["status"] = optimize::statusName(p.status);
                point["objectiveUsd"] = usd(p.objectiveUsd);
                point["fullPowerMonth"] = month(p.fullPowerMonth);
                points.push_back(std::move(point));
            }
            o["frontier"] = std::move(points);
        }
        const std::string text = o.dump(2, ' ', false, ordered::error_handler_t::replace) + '\n';
        return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
    }

    static void printSummary(const Scenario &scenario, const optimize::Answer &a,
                             const std::optional<optimize::Frontier> &frontier, CliStreams &io)
    {
        QTextStream &out = io.out;
        const auto monthText = [](const std::optional<int> &m) {
            return m ? format::monthLabel(*m) : QStringLiteral("not within the plan");
        };
        const bool net = a.objective == optimize::Objective::Net;
        const QString value = net ? QStringLiteral("NPV of net cash flow") : QStringLiteral("NPV of costs");
        out << scenario.name << ": full power by " << format::monthLabel(a.goalMonth)
            << (net ? ", most NPV of net cash flow\n" : ", least NPV of costs\n");
        out << "  Status               " << optimize::statusName(a.status);
        if (a.status == optimize::Status::Limit && a.gapPct)
            out << " (gap " << format::percent(*a.gapPct, 2) << ", bound " << format::usd(*a.boundUsd) << ")";
        out << '\n';
        if (a.objectiveUsd)
            out << (net ? "  NPV of net cash flow " : "  NPV of costs         ") << format::usd(*a.objectiveUsd) << '\n';
        if (a.objectiveUsd)
            out << "  Full power           " << monthText(a.fullPowerMonth) << '\n';
        out << "  Earliest reachable   " << monthText(a.earliestFullPowerMonth) << '\n';
        if (a.confidencePct)
            out << "  Trials at full power " << format::percent(*a.confidencePct, 1) << '\n';
        if (!a.objectiveUsd && !a.message.empty())
            out << "  " << QString::fromStdString(a.message) << '\n';
        if (!a.choices.empty()) {
            out << "  Choices:\n";
            for (const optimize::Choice &c : a.choices) {
                out << "    " << QString::fromStdString(c.siteName) << " / " << QString::fromStdString(c.itemName) << ": ";
                if (!c.kept) {
                    out << "drop\n";
                    continue;
                }
                out << "order " << format::monthLabel(c.orderMonth) << ", "
                    << (c.retireMonth == solver::kNever ? QStringLiteral("keep to the end")
                                                        : QStringLiteral("retire ") + format::monthLabel(c.retireMonth))
                    << '\n';
            }
        }
        if (frontier) {
            out << "  Frontier (best " << value << " for each goal month):\n";
            const auto &points = frontier->points;
            for (std::size_t i = 0; i < points.size(); ++i) {
                const optimize::FrontierPoint &p = points[i];
                out << "    " << format::monthLabel(p.month).leftJustified(10) << ' ';
                if (!p.objectiveUsd) {
                    out << optimize::statusName(p.status) << '\n';
                    continue;
                }
                out << format::usd(*p.objectiveUsd).rightJustified(9);
                // What this month costs over the next one: "each month earlier costs $X" (net: how
                // much more or less it earns).
                if (i + 1 < points.size() && points[i + 1].objectiveUsd && *points[i + 1].objectiveUsd != *p.objectiveUsd) {
                    const double more = *p.objectiveUsd - *points[i + 1].objectiveUsd;
                    out << "   " << format::usd(std::abs(more)) << (more > 0 ? " more" : " less") << " than by "
                        << format::monthLabel(points[i + 1].month);
                }
                out << '\n';
            }
        }
        out << "  Searched             " << a.evaluations << " plans solved, " << a.nodes << " nodes, "
            << QString::number(a.seconds, 'f', 2) << " s\n";
    }

    ScenarioInput m_input;
    QCommandLineOption m_by{QStringLiteral("full-power-by"), QStringLiteral("The goal: full power in this month or before."), QStringLiteral("YYYY-MM")};
    QCommandLineOption m_objective{QStringLiteral("objective"), QStringLiteral("cost: least NPV of costs; net: most NPV of net cash flow (the plan must state returns). Default: net when the plan states a value of compute, else cost."), QStringLiteral("cost|net")};
    QCommandLineOption m_confidence{QStringLiteral("confidence"), QStringLiteral("Full power by the goal in at least P% of risk trials (default: in the plan as solved)."), QStringLiteral("P")};
    QCommandLineOption m_trials{QStringLiteral("trials"), QStringLiteral("Risk trials for --confidence (default 2000)."), QStringLiteral("N")};
    QCommandLineOption m_seed{QStringLiteral("seed"), QStringLiteral("Random seed for --confidence (default 1)."), QStringLiteral("S")};
    QCommandLineOption m_frontier{QStringLiteral("frontier"), QStringLiteral("Also the best objective for every goal month from the earliest reachable to the plan's end.")};
    QCommandLineOption m_timeLimit{QStringLiteral("time-limit"), QStringLiteral("Stop after this many seconds with the best plan found, a proven bound and the gap (status limit)."), QStringLiteral("SECONDS")};
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("Write the answer document to OUT; '-' is standard output."), QStringLiteral("OUT")};
    QCommandLineOption m_saveAs{QStringLiteral("save-as"), QStringLiteral("Store the chosen plan as a new scenario of the workspace (--workspace)."), QStringLiteral("NAME")};
};

} // namespace

std::unique_ptr<CliCommand> makeOptimizeCommand()
{
    return std::make_unique<OptimizeCommand>();
}

} // namespace cp::cli
