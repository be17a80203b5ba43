#include "analysis/optimizerunner.h"

#include <QMetaObject>

#include <atomic>
#include <mutex>
#include <thread>

namespace cp {

// One run's shared state: the worker writes the latest progress under the mutex; the UI thread
// polls it. Every thread is joined before the runner goes away, so a finished run can always
// post its outcome to the runner.
struct OptimizeRunner::Run {
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    optimize::Progress latest;
    Phase phase = Phase::Goal;
    std::thread thread;
};

OptimizeRunner::OptimizeRunner(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &OptimizeRunner::poll);
}

OptimizeRunner::~OptimizeRunner()
{
    if (m_run)
        m_retired.push_back(m_run);
    for (const auto &run : m_retired) {
        run->cancel = true;
        if (run->thread.joinable())
            run->thread.join();
    }
}

void OptimizeRunner::start(OptimizeRequest request)
{
    if (m_run) {
        // Superseded: stop it and drop what it reports.
        m_run->cancel = true;
        m_retired.push_back(m_run);
        m_run.reset();
    }
    auto run = std::make_shared<Run>();
    m_run = run;
    run->thread = std::thread([this, run, request = std::move(request)]() {
        optimize::Options options;
        options.cancel = &run->cancel;
        Run *shared = run.get();
        options.progress = [shared](const optimize::Progress &p) {
            const std::lock_guard lock(shared->mutex);
            shared->latest = p;
        };
        auto outcome = std::make_shared<OptimizeOutcome>();
        outcome->answer = optimize::optimize(request.problem, request.goal, request.objective, options);
        // The frontier only when the goal's answer was not cut short: a cancel means stop now.
        if (request.frontier && !run->cancel.load()) {
            {
                const std::lock_guard lock(run->mutex);
                run->phase = Phase::Frontier;
                run->latest = {};
            }
            outcome->frontier = optimize::frontier(request.problem, request.goal, request.objective, options);
        }
        outcome->cancelled = run->cancel.load();
        std::shared_ptr<const OptimizeOutcome> done = std::move(outcome);
        QMetaObject::invokeMethod(
            this,
            [this, run, done]() {
                if (run->thread.joinable())
                    run->thread.join();
                std::erase(m_retired, run);
                if (m_run != run)
                    return; // superseded
                m_run.reset();
                m_poll.stop();
                emit finished(done);
            },
            Qt::QueuedConnection);
    });
    m_poll.start();
    emit progress(Phase::Goal, optimize::Progress{});
}

void OptimizeRunner::cancel()
{
    if (m_run)
        m_run->cancel = true; // it stops at its next check and reports its best plan
}

void OptimizeRunner::poll()
{
    if (!m_run)
        return;
    optimize::Progress p;
    Phase phase = Phase::Goal;
    {
        const std::lock_guard lock(m_run->mutex);
        p = m_run->latest;
        phase = m_run->phase;
    }
    emit progress(phase, p);
}

} // namespace cp
