#include "analysis/livesolver.h"

#include "document/scenariodocument.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cp {

namespace {
// For slow plans: long enough to fold the keystrokes of one edit into one solve, short enough
// to feel instant.
constexpr int kDebounceMilliseconds = 30;
} // namespace

LiveSolver::LiveSolver(const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_today(currentMonth())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (!m_running)
            start(); // else finished() starts the next solve
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LiveSolver::finished);
}

LiveSolver::~LiveSolver()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void LiveSolver::setDocument(ScenarioDocument *document)
{
    disconnect(m_connection);
    m_document = document;
    ++m_generation;
    m_latest.reset();
    if (!document) {
        m_debounce.stop();
        emit solved(nullptr);
        return;
    }
    m_connection = connect(document, &ScenarioDocument::changed, this, &LiveSolver::request);
    m_debounce.stop();
    if (!m_running)
        start(); // a newly opened scenario shows its results without the pause
}

void LiveSolver::request()
{
    ++m_generation;
    const bool lastWasFast = m_lastSolveMilliseconds >= 0.0 && m_lastSolveMilliseconds < m_immediateBelowMilliseconds;
    if (!lastWasFast) {
        m_debounce.start();
        return;
    }
    // Fast: no pause. A solve running now is followed by one more when it ends (finished()).
    m_debounce.stop();
    if (!m_running)
        start();
}

void LiveSolver::start()
{
    if (!m_document)
        return;
    m_running = true;
    m_runningGeneration = m_generation;
    m_solveTimer.start();
    // The solve works on its own copy of the scenario; the catalog is immutable and outlives it.
    m_watcher.setFuture(QtConcurrent::run([scenario = m_document->scenario(), &catalog = m_catalog, today = m_today] {
        return solveScenario(scenario, catalog, today);
    }));
}

void LiveSolver::finished()
{
    m_running = false;
    m_lastSolveMilliseconds = double(m_solveTimer.nsecsElapsed()) / 1e6;
    if (m_runningGeneration == m_generation) {
        m_latest = m_watcher.result();
        emit solved(m_latest);
    } else if (!m_debounce.isActive()) {
        start(); // the document changed while this solve ran: solve what it is now
    }
}

} // namespace cp
