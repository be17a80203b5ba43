#include "analysis/solvedscenario.h"
#include "document/scenariodocument.h"
#include "fields/scenariofields.h"
#include "scenariotestutil.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <cmath>
#include <functional>

using cp::FieldPath;
using cp::ItemList;
using cp::Scenario;
using cp::ScenarioChange;
using cp::ScenarioDocument;
using cp::Month;
using cp::OrderWindow;
using cp::RetireWindow;
using cp::ThreePoint;
using namespace scenariotest;

Q_DECLARE_METATYPE(cp::ScenarioChange)

namespace {

const FieldPath kFirstCount = FieldPath::item(0, ItemList::Compute, 0, QStringLiteral("count"));

const cp::Site &site0(const ScenarioDocument &document)
{
    return document.scenario().sites.at(0);
}

QStringList powerNames(const ScenarioDocument &document)
{
    QStringList names;
    for (const cp::PowerSource &p : site0(document).power)
        names << p.name;
    return names;
}

} // namespace

// The document of one scenario: every edit an undo command, checked before it is pushed,
// saved to the workspace after every step, and reported through one change signal.
class TestScenarioDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<cp::ScenarioChange>(); }

    void editUndoRedoSavesEachStep()
    {
        TempWorkspace ws;
        QVERIFY(ws.open());
        const Scenario original = memphis();
        const auto id = ws.add(original);
        QVERIFY(id);
        ScenarioDocument document(original, cp::Catalog::builtIn(), ws.workspace.get(), *id);

        QString reason;
        QVERIFY2(document.setValue(kFirstCount, 60000.0, &reason), qPrintable(reason));
        QCOMPARE(site0(document).compute[0].count, 60000);
        QCOMPARE(ws.stored(*id)->sites[0].compute[0].count, 60000);
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Change count"));

        document.undoStack()->undo();
        QCOMPARE(site0(document).compute[0].count, 50000); // the example's first tranche
        QVERIFY(*ws.stored(*id) == original);

        document.undoStack()->redo();
        QCOMPARE(site0(document).compute[0].count, 60000);
        QCOMPARE(ws.stored(*id)->sites[0].compute[0].count, 60000);
    }

    void consecutiveEditsOfOneFieldMerge()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QVERIFY(document.setValue(kFirstCount, 51000.0));
        QVERIFY(document.setValue(kFirstCount, 52000.0));
        QVERIFY(document.setValue(kFirstCount, 53000.0));
        QCOMPARE(document.undoStack()->count(), 1);

        const FieldPath lead = FieldPath::item(0, ItemList::Compute, 0, QStringLiteral("leadTimeMonths"));
        QVERIFY(document.setValue(lead, QVariant::fromValue(ThreePoint{4, 6, 7})));
        QCOMPARE(document.undoStack()->count(), 2); // another field: another step

        document.undoStack()->undo();
        QCOMPARE(site0(document).compute[0].leadTimeMonths, (ThreePoint{4, 5, 7}));
        document.undoStack()->undo();
        QCOMPARE(site0(document).compute[0].count, 50000);
    }

    void editBackToTheStartLeavesNoStep()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QVERIFY(document.setValue(kFirstCount, 51000.0));
        QVERIFY(document.setValue(kFirstCount, 50000.0));
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(site0(document).compute[0].count, 50000);
    }

    void sameValueIsNoStep()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QSignalSpy changes(&document, &ScenarioDocument::changed);
        QVERIFY(document.setValue(kFirstCount, 50000.0));
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(changes.count(), 0);
    }

    void invalidValuesAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("count 0") << QStringLiteral("sites[0].compute[0].count") << QVariant(0.0)
                                 << QStringLiteral("Count must be a whole number from 1 to 10,000,000 (found 0)");
        QTest::newRow("count 2.5") << QStringLiteral("sites[0].compute[0].count") << QVariant(2.5)
                                   << QStringLiteral("must be a whole number (found 2.5)");
        QTest::newRow("text for a number") << QStringLiteral("sites[0].power[0].capacityMw")
                                           << QVariant(QStringLiteral("lots")) << QStringLiteral("enter a number");
        QTest::newRow("percent above 100") << QStringLiteral("sites[0].power[0].availabilityPct") << QVariant(120.0)
                                           << QStringLiteral("Availability must be from 0 to 100% (found 120)");
        QTest::newRow("negative MW") << QStringLiteral("sites[0].facility.itCapacityMw") << QVariant(-5.0)
                                     << QStringLiteral("IT capacity must be from 0 to 50,000 MW (found -5)");
        QTest::newRow("pue 4") << QStringLiteral("sites[0].pue") << QVariant(4.0)
                               << QStringLiteral("must be from 1 to 3");
        QTest::newRow("three-point out of order")
            << QStringLiteral("sites[0].power[2].leadTimeMonths") << QVariant::fromValue(ThreePoint{9, 5, 24})
            << QStringLiteral("Lead time: low 9 is above likely (mode) 5");
        QTest::newRow("name used twice") << QStringLiteral("sites[0].power[0].name")
                                         << QVariant(QStringLiteral("H100, first 50k"))
                                         << QStringLiteral("the name \"H100, first 50k\" is already used");
        QTest::newRow("empty name") << QStringLiteral("sites[0].cooling[0].name") << QVariant(QStringLiteral("  "))
                                    << QStringLiteral("the cooling plant needs a name");
        QTest::newRow("required field emptied")
            << QStringLiteral("sites[0].compute[0].orderMonth") << QVariant() << QStringLiteral("Ordered is required");
        QTest::newRow("unknown accelerator")
            << QStringLiteral("sites[0].compute[0].accelerator") << QVariant(QStringLiteral("h900"))
            << QStringLiteral("unknown accelerator");
        QTest::newRow("horizon 601") << QStringLiteral("horizonMonths") << QVariant(601.0)
                                     << QStringLiteral("from 1 to 600");
        QTest::newRow("scenario name") << QStringLiteral("name") << QVariant(QStringLiteral("Other"))
                                       << QStringLiteral("Workspace panel");
    }

    void invalidValuesAreRefusedWithTheReason()
    {
        QFETCH(QString, json);
        QFETCH(QVariant, value);
        QFETCH(QString, reasonPart);
        const Scenario original = memphis();
        ScenarioDocument document(original, cp::Catalog::builtIn());
        QSignalSpy changes(&document, &ScenarioDocument::changed);
        const auto path = FieldPath::fromJsonPath(json);
        QVERIFY(path);
        QString reason;
        QVERIFY(!document.setValue(*path, value, &reason));
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        QCOMPARE(document.checkValue(*path, value), reason);
        QVERIFY(document.scenario() == original);
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(changes.count(), 0);
    }

    void optionalFieldClearsToItsDefault()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        const FieldPath capex = FieldPath::item(0, ItemList::Power, 2, QStringLiteral("capexUsd"));
        QVERIFY(document.value(capex).isValid());
        QVERIFY(document.setValue(capex, QVariant()));
        QVERIFY(!site0(document).power[2].capexUsd);
        // The resolved scenario takes the catalog's grid rate instead (> 0 $/kW).
        QVERIFY(document.resolved().sites[0].power[2].capexUsdPerKw->mode > 0);
        document.undoStack()->undo();
        QCOMPARE(*site0(document).power[2].capexUsd, (ThreePoint{15e6, 30e6, 60e6}));
    }

    // The returns inputs that the file format had and the window lacked: the share
    // of each category's book value counted at the horizon, and an item's salvage at retirement.
    // Set through the document they move the solved residual value as docs/methodology.md
    // ("Returns") says, measured against the solver's own book value: half the share, half the
    // value. Each is one undo step, and out of bounds they are refused with the field's name.
    void residualSharesAndSalvageAreFields()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn()); // states residual value "book"
        const auto residual = [&document] {
            const auto solved = cp::solveScenario(document.scenario(), cp::Catalog::builtIn(), Month::fromYearMonth(2026, 11));
            return solved->ok() ? solved->result.kpis.residualValueUsd : std::nan("");
        };
        const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); };
        const double whole = residual(); // every category at 100% of its book value
        QVERIFY(whole > 0);

        // The compute share alone: at 0 the accelerators' book value drops out; at 50 half of it is back.
        const FieldPath computeShare = FieldPath::assumptions(QStringLiteral("residualPctOfBook.compute"));
        QVERIFY(!document.value(computeShare).isValid()); // the example states none: 100%
        QVERIFY(document.setValue(computeShare, 0.0));
        const double withoutCompute = residual();
        const double computeBook = whole - withoutCompute;
        QVERIFY(computeBook > 0);
        QVERIFY(document.setValue(computeShare, 50.0));
        QVERIFY2(near(residual(), whole - computeBook / 2), qPrintable(QString::number(residual(), 'f', 2)));
        QCOMPARE(document.scenario().assumptions.residualPctOfBook, (cp::ResidualPctOfBook{50, 100, 100, 100}));

        // Every category at 50%: half the residual value at 100%.
        for (const char *category : {"facility", "power", "cooling"})
            QVERIFY(document.setValue(FieldPath::assumptions(QStringLiteral("residualPctOfBook.") + QLatin1String(category)), 50.0));
        QVERIFY2(near(residual(), whole / 2), qPrintable(QString::number(residual(), 'f', 2)));
        QCOMPARE(document.undoStack()->count(), 4); // one step a field (compute's two edits merged)

        // Out of bounds: refused with the field's name, nothing changes.
        QString reason;
        QVERIFY(!document.setValue(computeShare, 101.0, &reason));
        QVERIFY2(reason.contains(QLatin1String("Residual share, compute must be from 0 to 100% (found 101)")), qPrintable(reason));
        QCOMPARE(document.undoStack()->count(), 4);

        // Undone, the plan is the example again: no residualPctOfBook written, the same value.
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QVERIFY(!document.scenario().assumptions.residualPctOfBook);
        QCOMPARE(document.scenario(), memphis());
        QVERIFY(near(residual(), whole));

        // Salvage: the first tranche retires in Jan 2027; the value it fetches then is its share
        // of its book value, so 40% salvage brings 40% of what 100% brings.
        const auto tranche = [](const QString &key) { return FieldPath::item(0, ItemList::Compute, 0, key); };
        QVERIFY(document.setValue(tranche(QStringLiteral("retireMonth")), QVariant::fromValue(Month::fromYearMonth(2027, 1))));
        const double noSalvage = residual();
        QVERIFY(document.setValue(tranche(QStringLiteral("salvagePctOfBook")), 100.0));
        const double fullSalvage = residual() - noSalvage;
        QVERIFY(fullSalvage > 0);
        QVERIFY(document.setValue(tranche(QStringLiteral("salvagePctOfBook")), 40.0));
        QVERIFY2(near(residual() - noSalvage, 0.4 * fullSalvage), qPrintable(QString::number(residual(), 'f', 2)));
        QCOMPARE(site0(document).compute[0].salvagePctOfBook, std::optional(40.0));
        QVERIFY(!document.setValue(tranche(QStringLiteral("salvagePctOfBook")), -1.0, &reason));
        QVERIFY2(reason.contains(QLatin1String("Salvage must be from 0 to 100% (found -1)")), qPrintable(reason));
        document.undoStack()->undo(); // the salvage (100 then 40: one step)
        QVERIFY(!site0(document).compute[0].salvagePctOfBook);
        QVERIFY(near(residual(), noSalvage));

        // An owned source (the Megapacks) retired in the plan fetches its salvage; a rented one
        // (the temporary turbines, which retire in Jul 2025) has no book value and fetches nothing.
        const auto power = [](int row, const QString &key) { return FieldPath::item(0, ItemList::Power, row, key); };
        QVERIFY(document.setValue(power(1, QStringLiteral("salvagePctOfBook")), 100.0));
        QVERIFY(near(residual(), noSalvage));
        QVERIFY(document.setValue(power(3, QStringLiteral("retireMonth")), QVariant::fromValue(Month::fromYearMonth(2027, 6))));
        const double batteriesRetired = residual();
        QVERIFY(document.setValue(power(3, QStringLiteral("salvagePctOfBook")), 100.0));
        const double batterySalvage = residual() - batteriesRetired;
        QVERIFY(batterySalvage > 0);
        QVERIFY(document.setValue(power(3, QStringLiteral("salvagePctOfBook")), 25.0));
        QVERIFY(near(residual() - batteriesRetired, 0.25 * batterySalvage));

        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(document.scenario(), memphis());
    }

    // The optimizer's inputs are fields like any other: undoable, checked, saved.
    void optimizerInputsAreFields()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        const auto power = [](const QString &key) { return FieldPath::item(0, ItemList::Power, 1, key); };
        QCOMPARE(document.value(power(QStringLiteral("optional"))).toString(), QStringLiteral("false"));
        QVERIFY(!document.value(power(QStringLiteral("orderWindow.earliest"))).isValid());

        QVERIFY(document.setValue(power(QStringLiteral("optional")), QStringLiteral("true")));
        QVERIFY(site0(document).power[1].optional);
        // The first month given makes a one-month window; the other end then widens it.
        const Month from = Month::fromYearMonth(2024, 1), to = Month::fromYearMonth(2024, 6);
        QVERIFY(document.setValue(power(QStringLiteral("orderWindow.earliest")), QVariant::fromValue(from)));
        QCOMPARE(site0(document).power[1].orderWindow, (OrderWindow{from, from}));
        QVERIFY(document.setValue(power(QStringLiteral("orderWindow.latest")), QVariant::fromValue(to)));
        QCOMPARE(site0(document).power[1].orderWindow, (OrderWindow{from, to}));
        // A window that ends before it starts is refused with the format's reason.
        QString reason;
        QVERIFY(!document.setValue(power(QStringLiteral("orderWindow.earliest")),
                                   QVariant::fromValue(Month::fromYearMonth(2025, 1)), &reason));
        QVERIFY2(reason.contains(QLatin1String("earliest")), qPrintable(reason));
        // "May stay" needs the retire window's months first.
        QVERIFY(!document.setValue(power(QStringLiteral("retireWindow.none")), QStringLiteral("true"), &reason));
        QVERIFY(document.setValue(power(QStringLiteral("retireWindow.earliest")), QVariant::fromValue(to)));
        QVERIFY(document.setValue(power(QStringLiteral("retireWindow.none")), QStringLiteral("true")));
        QCOMPARE(site0(document).power[1].retireWindow, (RetireWindow{to, to, true}));
        // Clearing either month removes the window.
        QVERIFY(document.setValue(power(QStringLiteral("retireWindow.latest")), QVariant()));
        QVERIFY(!site0(document).power[1].retireWindow);

        // Each was one undo step: back to the plan as written.
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(document.scenario(), memphis());
    }

    void addAndRemoveAPowerSource()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QSignalSpy changes(&document, &ScenarioDocument::changed);
        const auto row = document.addItem(0, ItemList::Power);
        QVERIFY(row);
        QCOMPARE(*row, 4); // after the example's four sources
        QCOMPARE(powerNames(document).last(), QStringLiteral("Power 5"));
        QCOMPARE(changes.count(), 1);
        const auto added = changes.takeFirst().at(0).value<ScenarioChange>();
        QCOMPARE(added.kind, ScenarioChange::Kind::ItemsInserted);
        QCOMPARE(added.path.toJsonPath(), QStringLiteral("sites[0].power[4]"));

        QVERIFY(document.removeItems(0, ItemList::Power, {4}));
        QCOMPARE(powerNames(document).size(), 4);
        QCOMPARE(changes.takeFirst().at(0).value<ScenarioChange>().kind, ScenarioChange::Kind::ItemsRemoved);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Remove power source \u201cPower 5\u201d"));
    }

    void removingScatteredRowsComesBackInPlace()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        const QStringList before = powerNames(document);
        QSignalSpy changes(&document, &ScenarioDocument::changed);
        QVERIFY(document.removeItems(0, ItemList::Power, {3, 0, 1}));
        QCOMPARE(powerNames(document), QStringList{before[2]});
        // Two runs, the later one first so each names rows as they are when it arrives.
        QCOMPARE(changes.count(), 2);
        QCOMPARE(changes[0].at(0).value<ScenarioChange>().path.row, 3);
        QCOMPARE(changes[1].at(0).value<ScenarioChange>().path.row, 0);
        QCOMPARE(changes[1].at(0).value<ScenarioChange>().count, 2);

        document.undoStack()->undo();
        QCOMPARE(powerNames(document), before);
    }

    void duplicatesGetFreeNames()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QVERIFY(document.duplicateItems(0, ItemList::Power, {0, 2}));
        const QStringList names = powerNames(document);
        QCOMPARE(names.size(), 6);
        // The copies go right after the last row copied (row 2), ahead of the battery.
        QCOMPARE(names[3], QStringLiteral("Permitted turbines (15 x SMT-130) (2)"));
        QCOMPARE(names[4], QStringLiteral("TVA interconnect (150 MW substation) (2)"));
        QCOMPARE(names[5], QStringLiteral("Tesla Megapacks"));
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void pasteIsOneStepAndRefusedWhole()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        const auto month = cp::Month::fromYearMonth(2025, 1);
        std::vector<cp::ScenarioItem> rows{cp::newItem(ItemList::Cooling, month, QStringLiteral("A")),
                                           cp::newItem(ItemList::Cooling, month, QStringLiteral("B"))};
        QVERIFY(document.insertItems(0, 1, rows, QStringLiteral("Paste 2 rows")));
        QCOMPARE(site0(document).cooling.size(), std::size_t(3));
        QCOMPARE(document.undoStack()->count(), 1);
        document.undoStack()->undo();
        QCOMPARE(site0(document).cooling.size(), std::size_t(1));

        auto bad = std::get<cp::CoolingPlant>(rows[1]);
        bad.capacityMw = -1;
        rows[1] = bad;
        QString reason;
        std::vector<cp::Problem> problems;
        QVERIFY(!document.insertItems(0, 1, rows, QStringLiteral("Paste"), &reason, &problems));
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].path, QStringLiteral("sites[0].cooling[2].capacityMw"));
        QCOMPARE(site0(document).cooling.size(), std::size_t(1));
    }

    // Every command: do, undo (back to the start, saved), redo (the edit again, saved).
    void undoRedoOfEveryCommand_data()
    {
        QTest::addColumn<int>("operation");
        const char *names[]
            = {"change field", "clear optional", "add item",       "duplicate items", "remove items", "move item",
               "paste items",  "add site",       "duplicate site", "remove site",     "move site"};
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }

    void undoRedoOfEveryCommand()
    {
        QFETCH(int, operation);
        TempWorkspace ws;
        QVERIFY(ws.open());
        Scenario original = memphis();
        original.sites.push_back(cp::newSite(original.startMonth, QStringLiteral("Second site")));
        const auto id = ws.add(original);
        ScenarioDocument document(original, cp::Catalog::builtIn(), ws.workspace.get(), *id);
        const auto month = original.startMonth;

        const std::vector<std::function<bool()>> operations{
            [&] { return document.setValue(FieldPath::facility(0, QStringLiteral("itCapacityMw")), 200.0); },
            [&] { return document.setValue(FieldPath::ofSite(0, QStringLiteral("pue")), QVariant()) || true; },
            [&] { return document.addItem(0, ItemList::Compute).has_value(); },
            [&] {
                return document.duplicateItems(0, ItemList::Power, {1, 3});
            },
            [&] {
                return document.removeItems(0, ItemList::Power, {0, 2});
            },
            [&] { return document.moveItem(0, ItemList::Power, 0, 3); },
            [&] {
                return document.insertItems(0, 0,
                                            {cp::newItem(ItemList::Compute, month, QStringLiteral("P1")),
                                             cp::newItem(ItemList::Compute, month, QStringLiteral("P2"))},
                                            QStringLiteral("Paste"));
            },
            [&] { return document.addSite().has_value(); },
            [&] { return document.duplicateSite(0).has_value(); },
            [&] { return document.removeSite(0); },
            [&] { return document.moveSite(1, 0); },
        };
        QVERIFY(operations[std::size_t(operation)]());
        const Scenario after = document.scenario();
        if (operation != 1) // memphis states no pue: clearing it is no edit
            QVERIFY(after != original);
        QVERIFY(*ws.stored(*id) == after);

        document.undoStack()->undo();
        QVERIFY(document.scenario() == original);
        QVERIFY(*ws.stored(*id) == original);
        document.undoStack()->redo();
        QVERIFY(document.scenario() == after);
        QVERIFY(*ws.stored(*id) == after);
    }

    void movesReportWhereTheRowWent()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        QSignalSpy changes(&document, &ScenarioDocument::changed);
        QVERIFY(document.moveItem(0, ItemList::Power, 3, 1));
        QCOMPARE(powerNames(document)[1], QStringLiteral("Tesla Megapacks"));
        const auto moved = changes.takeFirst().at(0).value<ScenarioChange>();
        QCOMPARE(moved.kind, ScenarioChange::Kind::ItemMoved);
        QCOMPARE(moved.path.row, 3);
        QCOMPARE(moved.to, 1);
        QString reason;
        QVERIFY(!document.moveItem(0, ItemList::Power, 3, 4, &reason));
        QVERIFY(!reason.isEmpty());
    }

    // The save fails (the scenario was deleted from the workspace behind the document's back):
    // the edit is refused with the workspace's message and the document stays as it was.
    void failedSaveLeavesTheDocumentUnchanged()
    {
        TempWorkspace ws;
        QVERIFY(ws.open());
        const Scenario original = memphis();
        const auto id = ws.add(original);
        ScenarioDocument document(original, cp::Catalog::builtIn(), ws.workspace.get(), *id);
        QSignalSpy failures(&document, &ScenarioDocument::saveFailed);
        QSignalSpy changes(&document, &ScenarioDocument::changed);

        QVERIFY(document.setValue(kFirstCount, 60000.0));
        QVERIFY(ws.workspace->removeScenario(*id));

        QString reason;
        QVERIFY(!document.setValue(kFirstCount, 70000.0, &reason));
        QVERIFY(!reason.isEmpty());
        QCOMPARE(reason, document.lastSaveError());
        QCOMPARE(failures.count(), 1);
        QCOMPARE(site0(document).compute[0].count, 60000);
        QCOMPARE(document.undoStack()->count(), 1); // the merge never happened either
        QCOMPARE(document.undoStack()->index(), 1);

        QVERIFY(!document.addItem(0, ItemList::Power));
        QCOMPARE(site0(document).power.size(), std::size_t(4));
        QCOMPARE(document.undoStack()->count(), 1);

        // Undo cannot save either: the document and the stack stay where they were.
        changes.clear();
        document.undoStack()->undo();
        QCOMPARE(site0(document).compute[0].count, 60000);
        QCOMPARE(document.undoStack()->index(), 1);
        QVERIFY(document.undoStack()->canUndo());
        QCOMPARE(changes.count(), 0);
        QCOMPARE(failures.count(), 3);
    }

    void readOnlyWorkspaceRefusesEdits()
    {
        TempWorkspace ws;
        QVERIFY(ws.open());
        const auto id = ws.add(memphis());
        ws.workspace.reset();
        cp::Workspace::OpenResult readOnly = cp::Workspace::open(ws.path(), cp::Workspace::OpenMode::ReadOnly);
        QVERIFY(readOnly.workspace);
        ScenarioDocument document(memphis(), cp::Catalog::builtIn(), readOnly.workspace.get(), *id);
        QVERIFY(document.isReadOnly());
        QString reason;
        QVERIFY(!document.setValue(kFirstCount, 1.0, &reason));
        QVERIFY2(reason.contains(QStringLiteral("read-only")), qPrintable(reason));
        QVERIFY(!document.addSite(-1, &reason));
        QCOMPARE(document.undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScenarioDocument)
#include "tst_scenariodocument.moc"
