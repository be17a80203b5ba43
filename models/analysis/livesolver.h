#pragma once

#include "analysis/solvedscenario.h"
#include "document/scenariodocument.h"
#include "domain/month.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace cp {

class Catalog;
class ScenarioDocument;

// Keeps the results of the open scenario current while the planner edits: every change of
// the document starts a solve after a short pause (edits that come quicker than that make one
// solve), off the UI thread. A result that is no longer the latest request (the document
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
    // The month results are looked at from (stale-catalog warnings); the current month by default.
    void setToday(Month today) { m_today = today; }

    [[nodiscard]] std::shared_ptr<const SolvedScenario> latest() const { return m_latest; }

    // Solves the document again after the pause (what every change of the document does).
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
    QFutureWatcher<std::shared_ptr<const SolvedScenario>> m_watcher;
    Month m_today;
    quint64 m_generation = 0; // bumped by every request
    quint64 m_runningGeneration = 0; // the request the running solve answers
    bool m_running = false;
    std::shared_ptr<const SolvedScenario> m_latest;
};

} // namespace cp
