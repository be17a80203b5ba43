#pragma once

#include "solver/plan.h"
#include "solver/risk.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace cp {

// Runs a risk analysis off the UI thread: progress while it runs, Cancel, and the result as a
// shared snapshot. Starting a new run cancels the one in flight; a cancelled or superseded run
// never reports a result.
class RiskRunner final : public QObject
{
    Q_OBJECT

public:
    explicit RiskRunner(QObject *parent = nullptr);
    ~RiskRunner() override; // cancels and waits for the run in flight

    void start(const solver::Plan &plan, const solver::RiskOptions &options);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

signals:
    void progress(int trialsDone, int trials);
    void finished(std::shared_ptr<const solver::RiskResult> result);
    void cancelled();

private:
    struct Run;
    void poll();

    std::shared_ptr<Run> m_run;
    std::vector<std::shared_ptr<Run>> m_retired; // cancelled runs still finishing their last trial
    QTimer m_poll;
    bool m_running = false;
};

} // namespace cp
