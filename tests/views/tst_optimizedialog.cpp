#include "analysis/optimization.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "editors/monthedit.h"
#include "format/units.h"
#include "io/scenariojson.h"
#include "optimize/frontierchart.h"
#include "optimize/optimizedialog.h"
#include "storage/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace cp;
using namespace cp::views;

// The Optimize dialog on the shipped bridge-options example: it finds what the
// optimizer engine finds for the same goal, shows it with units against the plan as written,
// stops when cancelled, and "Save as New Scenario" is one undo step.
namespace {

const Month kToday = Month::fromYearMonth(2026, 11);

QString cell(QTableWidget *table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

} // namespace

class TestOptimizeDialog : public QObject
{
    Q_OBJECT

private:
    // A fresh workspace holding `scenario`, opened as the current scenario.
    ScenarioDocument *open(const Scenario &scenario)
    {
        m_session.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_session = std::make_unique<WorkspaceSession>(Catalog::builtIn());
        if (m_session->open(m_dir->filePath(QStringLiteral("w.clusterplan"))).isError())
            return nullptr;
        const auto id = m_session->workspace()->createScenario(scenario.name, io::writeScenarioJson(scenario));
        if (!id || !m_session->setCurrentScenario(*id))
            return nullptr;
        return m_session->currentDocument();
    }

    // A fresh workspace holding one shipped example, opened as the current scenario.
    ScenarioDocument *open(const char *example)
    {
        m_session.reset(); // the last test's workspace closes before its folder goes
        m_dir = std::make_unique<QTemporaryDir>();
        m_session = std::make_unique<WorkspaceSession>(Catalog::builtIn());
        if (m_session->open(m_dir->filePath(QStringLiteral("w.clusterplan"))).isError())
            return nullptr;
        QString error;
        const auto id = m_session->importScenario(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/")
                                                      + QLatin1String(example),
                                                  nullptr, &error);
        if (!id || !m_session->setCurrentScenario(*id))
            return nullptr;
        return m_session->currentDocument();
    }

    static std::shared_ptr<const SolvedScenario> solved(const ScenarioDocument &document)
    {
        return solveScenario(document.scenario(), Catalog::builtIn(), kToday);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceSession> m_session;

private slots:
    void saysWhenThereIsNothingToDecide()
    {
        ScenarioDocument *document = open("greenfield-grid-wait.json");
        QVERIFY(document);
        QVERIFY(!hasOptimizerInputs(document->scenario()));
        OptimizeDialog dialog(*m_session, solved(*document));
        dialog.show();
        QVERIFY(!dialog.hasDecisions());
        QVERIFY(dialog.nothingToDecideLabel()->isVisible());
        // It says how to mark items, with the names the editor uses.
        const QString text = dialog.nothingToDecideLabel()->text();
        QVERIFY2(text.contains(QLatin1String("Optional")) && text.contains(QLatin1String("Order window"))
                     && text.contains(QLatin1String("Retire window")),
                 qPrintable(text));
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void defaultsToThePlansOwnFullPowerMonthAndCost()
    {
        ScenarioDocument *document = open("greenfield-bridge-options.json");
        QVERIFY(document);
        const auto s = solved(*document);
        QVERIFY(s->ok());
        OptimizeDialog dialog(*m_session, s);
        QVERIFY(dialog.hasDecisions());
        QVERIFY(!dialog.nothingToDecideLabel()->isVisibleTo(&dialog));
        QVERIFY(s->result.kpis.fullPowerMonth);
        QCOMPARE(dialog.goalEdit()->month()->index(), *s->result.kpis.fullPowerMonth);
        // The example states no price of compute: the objective is the NPV of costs, and net,
        // which would mean nothing, cannot be chosen.
        QVERIFY(!document->scenario().assumptions.computePriceUsdPerAcceleratorHour);
        QCOMPARE(dialog.defaultObjective(), optimize::Objective::Cost);
        QCOMPARE(dialog.objectiveBox()->currentIndex(), 0);
        auto *objectives = qobject_cast<QStandardItemModel *>(dialog.objectiveBox()->model());
        QVERIFY(objectives && !objectives->item(1)->isEnabled());
        QVERIFY(objectives->item(1)->toolTip().contains(QLatin1String("value of compute")));
    }

    // With a value of compute the dialog asks for the most NPV of net cash flow, as the CLI
    // does, and finds what the engine finds for it.
    void netWhenThePlanStatesAValueOfCompute()
    {
        io::ParseResult parsed = io::readScenarioFile(
            QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/greenfield-bridge-options.json"), Catalog::builtIn());
        QVERIFY(parsed.ok());
        Scenario priced = *parsed.scenario;
        priced.assumptions.computePriceUsdPerAcceleratorHour = ThreePoint::fixed(2.0);
        ScenarioDocument *document = open(priced);
        QVERIFY(document);
        const auto s = solved(*document);
        QVERIFY(s->ok() && s->result.kpis.returnsStated);
        OptimizeDialog dialog(*m_session, s);
        dialog.show();
        QCOMPARE(dialog.defaultObjective(), optimize::Objective::Net);
        QCOMPARE(dialog.objectiveBox()->currentIndex(), 1);
        const Month goal = Month::fromYearMonth(2026, 12);
        dialog.goalEdit()->setMonth(goal);
        dialog.frontierBox()->setChecked(false);
        QSignalSpy finished(&dialog, &OptimizeDialog::runFinished);
        dialog.run();
        QVERIFY(finished.count() == 1 || finished.wait(60000));
        optimize::Goal g;
        g.fullPowerBy = goal.index();
        const optimize::Answer engine
            = optimize::optimize(optimizeProblem(s->scenario, s->resolved.plan), g, optimize::Objective::Net);
        QCOMPARE(engine.status, optimize::Status::Optimal);
        QVERIFY(dialog.outcome());
        QCOMPARE(dialog.outcome()->answer.objective, optimize::Objective::Net);
        QCOMPARE(*dialog.outcome()->answer.objectiveUsd, *engine.objectiveUsd);
        const QString status = dialog.statusLabel()->text();
        QVERIFY2(status.contains(QLatin1String("NPV of net cash flow")) && status.contains(format::usd(*engine.objectiveUsd)),
                 qPrintable(status));
    }

    void findsWhatTheEngineFinds()
    {
        ScenarioDocument *document = open("greenfield-bridge-options.json");
        QVERIFY(document);
        const auto s = solved(*document);
        OptimizeDialog dialog(*m_session, s);
        dialog.show();
        const Month goal = Month::fromYearMonth(2026, 12);
        dialog.goalEdit()->setMonth(goal);
        dialog.frontierBox()->setChecked(false);
        QSignalSpy finished(&dialog, &OptimizeDialog::runFinished);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(60000));

        // The engine on the same problem and goal (what `clusterplan-cli optimize` runs).
        optimize::Goal g;
        g.fullPowerBy = goal.index();
        const optimize::Answer engine
            = optimize::optimize(optimizeProblem(s->scenario, s->resolved.plan), g, optimize::Objective::Cost);
        QCOMPARE(engine.status, optimize::Status::Optimal);
        const OptimizeOutcome *outcome = dialog.outcome();
        QVERIFY(outcome);
        QCOMPARE(outcome->answer.status, optimize::Status::Optimal);
        QVERIFY(outcome->answer.objectiveUsd);
        QCOMPARE(*outcome->answer.objectiveUsd, *engine.objectiveUsd);
        QVERIFY(!outcome->frontier);

        // A planner reads the status, the objective with its unit, and the goal.
        const QString status = dialog.statusLabel()->text();
        QVERIFY2(status.contains(QLatin1String("Optimal")), qPrintable(status));
        QVERIFY2(status.contains(format::usd(*engine.objectiveUsd)), qPrintable(status));
        QVERIFY2(status.contains(QLatin1String("Dec 2026")), qPrintable(status));

        // One row per decided item, each against the plan as written.
        QTableWidget *table = dialog.choicesTable();
        QCOMPARE(table->rowCount(), static_cast<int>(engine.choices.size()));
        for (int row = 0; row < table->rowCount(); ++row) {
            const optimize::Choice &c = engine.choices[static_cast<std::size_t>(row)];
            QCOMPARE(cell(table, row, 1), QString::fromStdString(c.itemName));
            QCOMPARE(cell(table, row, 3).startsWith(QLatin1String("dropped")), !c.kept);
            if (c.kept)
                QVERIFY2(cell(table, row, 4).contains(format::monthLabel(c.orderMonth)), qPrintable(cell(table, row, 4)));
        }

        // The chosen plan, solved again, reaches the goal at that NPV.
        const auto again = solveScenario(chosenScenario(s->scenario, outcome->answer.choices), Catalog::builtIn(), kToday);
        QVERIFY(again->ok());
        QCOMPARE(again->result.kpis.npvCostUsd, *engine.objectiveUsd);
        QVERIFY(*again->result.kpis.fullPowerMonth <= goal.index());
    }

    void drawsTheFrontierWithTheCurrentPlan()
    {
        ScenarioDocument *document = open("greenfield-bridge-options.json");
        QVERIFY(document);
        const auto s = solved(*document);
        OptimizeDialog dialog(*m_session, s);
        dialog.goalEdit()->setMonth(Month::fromYearMonth(2026, 12));
        dialog.frontierBox()->setChecked(true);
        QSignalSpy finished(&dialog, &OptimizeDialog::runFinished);
        dialog.run();
        QVERIFY(finished.wait(120000));
        const OptimizeOutcome *outcome = dialog.outcome();
        QVERIFY(outcome && outcome->frontier);
        const optimize::Frontier &f = *outcome->frontier;
        QVERIFY(!f.points.empty());

        // Goal month on x, best objective on y: every frontier point, from the earliest reachable.
        const QList<QPointF> best = dialog.frontierChart()->seriesPoints(FrontierChart::bestSeriesName());
        QCOMPARE(best.size(), static_cast<qsizetype>(f.points.size()));
        QCOMPARE(static_cast<int>(best.first().x()), *f.earliestFullPowerMonth);
        QCOMPARE(best.first().y(), *f.points.front().objectiveUsd);
        // A later goal never costs more: the plan for an earlier goal also meets the later one.
        for (qsizetype i = 1; i < best.size(); ++i)
            QVERIFY(best[i].y() <= best[i - 1].y());
        // The goal's point on the frontier is the answer shown above it.
        const auto goalPoint = std::find_if(best.begin(), best.end(), [](const QPointF &p) {
            return static_cast<int>(p.x()) == Month::fromYearMonth(2026, 12).index();
        });
        QVERIFY(goalPoint != best.end());
        QCOMPARE(goalPoint->y(), *outcome->answer.objectiveUsd);
        // The current plan, at its own full-power month and NPV of costs.
        const QList<QPointF> current = dialog.frontierChart()->seriesPoints(FrontierChart::currentSeriesName());
        QCOMPARE(current.size(), 1);
        QCOMPARE(static_cast<int>(current.first().x()), *s->result.kpis.fullPowerMonth);
        QCOMPARE(current.first().y(), s->result.kpis.npvCostUsd);
        // "Each month earlier costs $X": the line under the title says it in dollars.
        QVERIFY2(dialog.frontierChart()->summary().contains(QLatin1Char('$')), qPrintable(dialog.frontierChart()->summary()));
    }

    void cancelStopsTheSearch()
    {
        ScenarioDocument *document = open("greenfield-bridge-options.json");
        QVERIFY(document);
        OptimizeDialog dialog(*m_session, solved(*document));
        dialog.show();
        // A confidence goal with many trials and the frontier: far longer than the test waits.
        dialog.goalEdit()->setMonth(Month::fromYearMonth(2026, 12));
        dialog.confidenceBox()->setValue(80);
        dialog.trialsBox()->setValue(100'000);
        dialog.frontierBox()->setChecked(true);
        QSignalSpy finished(&dialog, &OptimizeDialog::runFinished);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(dialog.cancelButton()->isEnabled());
        QVERIFY(!dialog.runButton()->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY2(clock.elapsed() < 20000, "the search stops soon after Cancel");
        const OptimizeOutcome *outcome = dialog.outcome();
        QVERIFY(outcome);
        QVERIFY(outcome->cancelled);
        QVERIFY(!outcome->frontier); // cancelled before the frontier began
        QVERIFY(outcome->answer.status == optimize::Status::Limit);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY2(dialog.statusLabel()->text().contains(QLatin1String("cancelled")), qPrintable(dialog.statusLabel()->text()));
    }

    void saveAsIsOneUndoStep()
    {
        ScenarioDocument *document = open("greenfield-bridge-options.json");
        QVERIFY(document);
        const auto s = solved(*document);
        OptimizeDialog dialog(*m_session, s);
        dialog.show();
        QVERIFY(!dialog.saveButton()->isEnabled()); // nothing chosen yet
        dialog.goalEdit()->setMonth(Month::fromYearMonth(2026, 12));
        dialog.frontierBox()->setChecked(false);
        QSignalSpy finished(&dialog, &OptimizeDialog::runFinished);
        dialog.run();
        QVERIFY(finished.wait(60000));
        QVERIFY(dialog.saveButton()->isEnabled());

        Workspace *workspace = m_session->workspace();
        const std::size_t before = workspace->scenarios().size();
        const int undoBefore = document->undoStack()->count();
        dialog.nameEdit()->setText(QStringLiteral("Cheapest bridges for Dec 2026"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(workspace->scenarios().size(), before + 1);
        const auto id = workspace->findScenario(QStringLiteral("Cheapest bridges for Dec 2026"));
        QVERIFY(id);
        QCOMPARE(dialog.savedScenario(), id);
        QCOMPARE(document->undoStack()->count(), undoBefore + 1);
        QVERIFY(!dialog.saveButton()->isEnabled()); // once per answer

        // The stored scenario is the chosen plan: nothing left to decide, and its NPV the answer's.
        ScenarioDocument *saved = m_session->document(*id);
        QVERIFY(saved);
        QVERIFY(!hasOptimizerInputs(saved->scenario()));
        const auto resolved = solveScenario(saved->scenario(), Catalog::builtIn(), kToday);
        QCOMPARE(resolved->result.kpis.npvCostUsd, *dialog.outcome()->answer.objectiveUsd);
        // The scenario optimized is untouched.
        QCOMPARE(document->scenario(), s->scenario);

        // Undo in the optimized scenario takes it out; redo brings it back.
        document->undoStack()->undo();
        QCOMPARE(workspace->scenarios().size(), before);
        QVERIFY(!workspace->findScenario(QStringLiteral("Cheapest bridges for Dec 2026")));
        document->undoStack()->redo();
        QCOMPARE(workspace->scenarios().size(), before + 1);
        QVERIFY(workspace->findScenario(QStringLiteral("Cheapest bridges for Dec 2026")));
    }
};

QTEST_MAIN(TestOptimizeDialog)
#include "tst_optimizedialog.moc"
