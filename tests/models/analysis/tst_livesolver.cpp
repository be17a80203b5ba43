#include "../document/scenariotestutil.h"
#include "analysis/livesolver.h"
#include "document/scenariodocument.h"

#include <QSignalSpy>
#include <QUndoStack>

using cp::LiveSolver;
using cp::ScenarioDocument;
using cp::SolvedScenario;
using namespace scenariotest;

using Solved = std::shared_ptr<const SolvedScenario>;

namespace {

const cp::FieldPath kFirstCount = cp::FieldPath::item(0, cp::ItemList::Compute, 0, QStringLiteral("count"));

Solved solvedAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(0).value<Solved>();
}

double computeCapex(const Solved &solved)
{
    return solved->result.kpis.capexByCategory[static_cast<std::size_t>(cp::solver::CapexCategory::Compute)];
}

} // namespace

// Results follow the document: every edit is solved off the UI thread and only the newest
// result reaches the screen.
class TestLiveSolver : public QObject
{
    Q_OBJECT

private slots:
    void solvesTheDocumentAndEachEdit()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        LiveSolver live(cp::Catalog::builtIn());
        QSignalSpy solved(&live, &LiveSolver::solved);
        live.setDocument(&document);
        QVERIFY(solved.wait());
        const Solved first = solvedAt(solved, 0);
        QVERIFY(first && first->ok());
        QCOMPARE(first->result.kpis.totalCapexUsd,
                 cp::solveScenario(memphis(), cp::Catalog::builtIn(), cp::currentMonth())->result.kpis.totalCapexUsd);
        QCOMPARE(live.latest(), first);

        QVERIFY(document.setValue(kFirstCount, 60000.0));
        QVERIFY(solved.wait());
        const Solved second = solvedAt(solved, 1);
        QCOMPARE(second->scenario.sites[0].compute[0].count, 60000);
        // 10,000 more H100 at the catalog's unit price (memphis states none), paid on delivery
        // in Jul 2024, inside the horizon: compute capex grows by exactly 10,000 x price.
        const double price = cp::Catalog::builtIn().accelerator(u"h100_sxm")->unitCapexUsd->value;
        QCOMPARE(computeCapex(second) - computeCapex(first), 10000 * price);

        document.undoStack()->undo();
        QVERIFY(solved.wait());
        QCOMPARE(computeCapex(solvedAt(solved, 2)), computeCapex(first));
    }

    // A plan that solved fast (memphis: well under a millisecond) shows an edit's result without
    // the pause: with the debounce at a minute, the result still comes.
    void fastPlanEditSolvesAtOnce()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        LiveSolver live(cp::Catalog::builtIn());
        live.setDebounceMilliseconds(60'000);
        QSignalSpy solved(&live, &LiveSolver::solved);
        live.setDocument(&document);
        QVERIFY(solved.wait());
        QVERIFY(live.lastSolveMilliseconds() >= 0.0);
        QCOMPARE(live.immediateBelowMilliseconds(), 8.0);
        live.setImmediateBelowMilliseconds(1e9); // fast, whatever this machine's load
        solved.clear();

        QVERIFY(document.setValue(kFirstCount, 60000.0));
        QVERIFY(solved.wait());
        QCOMPARE(solvedAt(solved, 0)->scenario.sites[0].compute[0].count, 60000);

        // A burst: the solve started by the first edit is followed by one of the last; the
        // last result shown is the last edit's, and nothing after it.
        solved.clear();
        for (int count = 51000; count <= 55000; count += 1000)
            QVERIFY(document.setValue(kFirstCount, double(count)));
        QTRY_VERIFY(!solved.isEmpty() && solvedAt(solved, solved.count() - 1)->scenario.sites[0].compute[0].count == 55000);
        QTest::qWait(100); // room for any further (wrong) result to arrive
        QCOMPARE(solvedAt(solved, solved.count() - 1)->scenario.sites[0].compute[0].count, 55000);
        QCOMPARE(live.latest(), solvedAt(solved, solved.count() - 1));
    }

    // A plan whose last solve was slow waits for the pause, so a burst of edits makes one solve.
    void slowPlanEditsCoalesce()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        LiveSolver live(cp::Catalog::builtIn());
        live.setImmediateBelowMilliseconds(0.0); // every solve counts as slow
        live.setDocument(&document);
        QSignalSpy solved(&live, &LiveSolver::solved);
        QVERIFY(solved.wait());
        solved.clear();
        for (int count = 51000; count <= 55000; count += 1000)
            QVERIFY(document.setValue(kFirstCount, double(count)));
        QVERIFY(solved.wait());
        QTest::qWait(100); // room for any further (wrong) result to arrive
        QCOMPARE(solved.count(), 1);
        QCOMPARE(solvedAt(solved, 0)->scenario.sites[0].compute[0].count, 55000);

        // And it does wait for the pause: with the debounce at a minute, no result comes.
        live.setDebounceMilliseconds(60'000);
        solved.clear();
        QVERIFY(document.setValue(kFirstCount, 56000.0));
        QVERIFY(!solved.wait(300));
        QVERIFY(solved.isEmpty());
    }

    void aResultOvertakenByAnEditIsDropped()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        LiveSolver live(cp::Catalog::builtIn());
        QSignalSpy solved(&live, &LiveSolver::solved);
        live.setDocument(&document); // starts solving at once, on another thread
        QVERIFY(document.setValue(kFirstCount, 60000.0)); // before that solve can be delivered
        QVERIFY(solved.wait());
        QCOMPARE(solvedAt(solved, 0)->scenario.sites[0].compute[0].count, 60000);
    }

    void switchingDocumentsDropsTheOldResult()
    {
        ScenarioDocument memphisDocument(memphis(), cp::Catalog::builtIn());
        ScenarioDocument other(loadExample("greenfield-grid-wait.json"), cp::Catalog::builtIn());
        LiveSolver live(cp::Catalog::builtIn());
        QSignalSpy solved(&live, &LiveSolver::solved);
        live.setDocument(&memphisDocument);
        live.setDocument(&other);
        QVERIFY(solved.wait());
        QTest::qWait(100);
        QCOMPARE(solved.count(), 1);
        QCOMPARE(solvedAt(solved, 0)->scenario.name, other.scenario().name);

        live.setDocument(nullptr);
        QCOMPARE(solved.count(), 2);
        QVERIFY(!solvedAt(solved, 1));
        QVERIFY(!live.latest());
    }
};

QTEST_GUILESS_MAIN(TestLiveSolver)
#include "tst_livesolver.moc"
