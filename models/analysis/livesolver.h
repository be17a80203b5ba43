#pragma once

#include "analysis/solvedscenario.h"
#include "document/scenariodocument.h"
#include "domain/month.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace cp {

class Catalog;
class ScenarioDocument;

// Keeps the results of the open scenario current while the planner edits, off the UI thread.
// When the last solve was fast (under immediateBelowMilliseconds(), 8 ms: half a frame), a
// change starts the next solve at once, so an edit reaches the key figures within a frame;
// edits that come while it runs make one more solve when it ends. When the last solve was
// slow, a change starts a solve only after a short pause (the debounce), so a burst of edits
// makes one solve. A result that is no longer the latest request (the document
// changed meanwhile, or another document was opened) is dropped; solved() only ever carries
// the newest one.
class LiveSolver final : public QObject
{
    Q_OBJECT

public:
    explicit LiveSolver(const Catalog &catalog, QObject *parent = nullptr);
    ~LiveSolver() override; // waits for a solve still running

    // Follows `document` (nullptr: none; solved(nullptr) clears the results) and solves it.
    void setDocument(ScenarioDocument *document);
    [[nodiscard]] ScenarioDocument *document() const { return m_document; }
    void setDebounceMilliseconds(int milliseconds) { m_debounce.setInterval(milliseconds); }
    // A solve that took less than this (validation, resolve and solve, as the UI thread waited
    // for it) lets the next edit solve at once; 0 debounces every edit.
    void setImmediateBelowMilliseconds(double milliseconds) { m_immediateBelowMilliseconds = milliseconds; }
    [[nodiscard]] double immediateBelowMilliseconds() const { return m_immediateBelowMilliseconds; }
    // How long the last finished solve took, start to result on the UI thread (-1: none yet).
    [[nodiscard]] double lastSolveMilliseconds() const { return m_lastSolveMilliseconds; }
    // The month results are looked at from (stale-catalog warnings); the current month by default.
    void setToday(Month today) { m_today = today; }

    [[nodiscard]] std::shared_ptr<const SolvedScenario> latest() const { return m_latest; }

    // Solves the document again, at once or after the pause (what every change of the document does).
    void request();

signals:
    void solved(std::shared_ptr<const cp::SolvedScenario> solved);

private:
    void start();
    void finished();

    const Catalog &m_catalog;
    QPointer<ScenarioDocument> m_document;
    QMetaObject::Connection m_connection;
    QTimer m_debounce;
    QElapsedTimer m_solveTimer; // since start()
    double m_immediateBelowMilliseconds = 8.0;
    double m_lastSolveMilliseconds = -1.0;
    QFutureWatcher<std::shared_ptr<const SolvedScenario>> m_watcher;
    Month m_today;
    quint64 m_generation = 0; // bumped by every request
    quint64 m_runningGeneration = 0; // the request the running solve answers
    bool m_running = false;
    std::shared_ptr<const SolvedScenario> m_latest;
};

} // namespace cp
