#pragma once

#include "optimize/optimizer.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace cp {

// What one optimizer run is asked: the problem, the goal and objective, and whether to add the
// frontier (every goal month from the earliest reachable to the plan's end).
struct OptimizeRequest {
    optimize::Problem problem;
    optimize::Goal goal;
    optimize::Objective objective = optimize::Objective::Cost;
    bool frontier = false;
};

// What it gave: the answer for the goal, and the frontier when asked for and not cancelled
// before it started. A cancelled run still gives its best plan (status Limit, bound and gap).
struct OptimizeOutcome {
    optimize::Answer answer;
    std::optional<optimize::Frontier> frontier;
    bool cancelled = false;
};

// Runs the optimizer off the UI thread (the Optimize dialog): progress while it runs
// (nodes, plans solved, the best objective so far, frontier goals done), Cancel, and the outcome.
// Unlike a risk run, a cancelled run still reports: the optimizer stops at once with the best
// plan it has, which is worth showing.
class OptimizeRunner final : public QObject
{
    Q_OBJECT

public:
    // What the run is doing when progress is reported.
    enum class Phase { Goal, Frontier };

    explicit OptimizeRunner(QObject *parent = nullptr);
    ~OptimizeRunner() override; // cancels and waits for the run in flight

    // Starts a run; one in flight is cancelled first and never reports.
    void start(OptimizeRequest request);
    void cancel();
    [[nodiscard]] bool isRunning() const { return static_cast<bool>(m_run); }

signals:
    void progress(cp::OptimizeRunner::Phase phase, const cp::optimize::Progress &progress);
    void finished(std::shared_ptr<const cp::OptimizeOutcome> outcome);

private:
    struct Run;
    void poll();

    std::shared_ptr<Run> m_run;
    std::vector<std::shared_ptr<Run>> m_retired; // superseded runs still stopping
    QTimer m_poll;
};

} // namespace cp
