#include "analysis/riskrunner.h"

#include <QMetaObject>

#include <thread>

namespace cp {

// One run's shared state: the worker thread writes the progress counter; the UI thread reads it.
// Every thread is joined before the runner goes away, so a finished run can always post its
// result to the runner (Qt drops posted calls whose context object no longer exists).
struct RiskRunner::Run {
    std::atomic<bool> cancel{false};
    std::atomic<int> done{0};
    int trials = 0;
    std::thread thread;
};

RiskRunner::RiskRunner(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &RiskRunner::poll);
}

RiskRunner::~RiskRunner()
{
    if (m_run)
        m_retired.push_back(m_run);
    for (const auto &run : m_retired) {
        run->cancel = true;
        if (run->thread.joinable())
            run->thread.join();
    }
}

void RiskRunner::start(const solver::Plan &plan, const solver::RiskOptions &options)
{
    cancel();
    auto run = std::make_shared<Run>();
    run->trials = options.trials;
    m_run = run;
    m_running = true;
    solver::RiskOptions withProgress = options;
    withProgress.cancel = &run->cancel;
    withProgress.trialsDone = &run->done;
    run->thread = std::thread([this, run, plan, withProgress]() {
        auto result = std::make_shared<const solver::RiskResult>(solver::runRisk(plan, withProgress));
        // Hand the result to the UI thread; a superseded or cancelled run is dropped there.
        QMetaObject::invokeMethod(
            this,
            [this, run, result]() {
                if (run->thread.joinable())
                    run->thread.join();
                std::erase(m_retired, run);
                if (m_run != run)
                    return;
                m_run.reset();
                m_poll.stop();
                m_running = false;
                if (result->cancelled) {
                    emit cancelled();
                    return;
                }
                emit progress(run->trials, run->trials);
                emit finished(result);
            },
            Qt::QueuedConnection);
    });
    m_poll.start();
    emit progress(0, options.trials);
}

void RiskRunner::cancel()
{
    if (!m_run)
        return;
    m_run->cancel = true; // the thread stops at its next trial and is joined when it reports
    m_retired.push_back(m_run);
    m_run.reset();
    m_poll.stop();
    if (m_running) {
        m_running = false;
        emit cancelled();
    }
}

void RiskRunner::poll()
{
    if (m_run)
        emit progress(m_run->done.load(std::memory_order_relaxed), m_run->trials);
}

} // namespace cp
