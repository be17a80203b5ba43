#include "../document/scenariotestutil.h"
#include "analysis/solvedscenario.h"
#include "document/scenariodocument.h"
#include "itemmodels/catalogmodel.h"
#include "itemmodels/itemtablemodel.h"
#include "itemmodels/kpilistmodel.h"
#include "itemmodels/sitelistmodel.h"
#include "itemmodels/siteoverviewmodel.h"
#include "itemmodels/warninglistmodel.h"
#include "itemmodels/workspacelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUndoStack>

using cp::ItemList;
using cp::ScenarioDocument;
using namespace scenariotest;

// QAbstractItemModelTester watches every model through the changes the editor makes: inserts,
// scattered removals, moves, edits, resets, undo and redo. Any inconsistency fails the test.
class TestModelTester : public QObject
{
    Q_OBJECT

private:
    static void exercise(ScenarioDocument &document, ItemList list)
    {
        QVERIFY(document.addItem(0, list));
        QVERIFY(document.addItem(0, list, 0));
        QVERIFY(document.duplicateItems(0, list, {0, 1}));
        QVERIFY(document.moveItem(0, list, 0, 2));
        QVERIFY(document.moveItem(0, list, 3, 1));
        QVERIFY(document.setValue(cp::FieldPath::item(0, list, 1, QStringLiteral("name")), QStringLiteral("Renamed")));
        QVERIFY(document.removeItems(0, list, {0, 2, 3}));
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        while (document.undoStack()->canRedo())
            document.undoStack()->redo();
        QVERIFY(document.addSite(0)); // the table's site moves to 1, back to 0, and stays
        QVERIFY(document.moveSite(0, 1));
        QVERIFY(document.removeSite(1));
    }

private slots:
    void itemTables_data()
    {
        QTest::addColumn<int>("list");
        QTest::newRow("compute") << int(ItemList::Compute);
        QTest::newRow("power") << int(ItemList::Power);
        QTest::newRow("cooling") << int(ItemList::Cooling);
    }

    void itemTables()
    {
        QFETCH(int, list);
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        cp::ItemTableModel model(static_cast<ItemList>(list));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSite(&document, 0);
        exercise(document, static_cast<ItemList>(list));
        QVERIFY(model.pasteTsv(QStringLiteral("Pasted A\nPasted B\n"), 1).ok);
        QVERIFY(document.removeSite(0)); // the table's own site goes: it empties
        QCOMPARE(model.rowCount(), 0);
    }

    void siteList()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        cp::SiteListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QVERIFY(document.addSite());
        QVERIFY(document.duplicateSite(0));
        QVERIFY(model.setData(model.index(1), QStringLiteral("Renamed site")));
        QVERIFY(!model.setData(model.index(1), document.scenario().sites[0].name)); // a name used twice
        QVERIFY(document.moveSite(2, 0));
        QVERIFY(document.moveSite(0, 2));
        QVERIFY(document.removeSite(1));
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(model.rowCount(), 1);
        model.setDocument(nullptr);
    }

    void workspaceList()
    {
        TempWorkspace ws;
        QVERIFY(ws.open());
        cp::WorkspaceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(ws.workspace.get());
        const auto a = ws.add(memphis());
        QVERIFY(a);
        const auto b = ws.workspace->duplicateScenario(*a);
        QVERIFY(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Memphis retrofit, 100k H100 (copy)"));
        QVERIFY(model.setData(model.index(1), QStringLiteral("Colossus")));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Colossus"));
        QVERIFY(!model.setData(model.index(1), QStringLiteral("Memphis retrofit, 100k H100")));
        QVERIFY(ws.workspace->removeScenario(*a));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), *b);
        ws.workspace.reset(); // the workspace closes under the model
        QCOMPARE(model.rowCount(), 0);
    }

    // A row whose name no longer matches its checksum (one bit flipped by another program) is
    // shown as damaged, with what to do in its tooltip; the other rows are shown as they are.
    void workspaceListShowsDamagedRows()
    {
        TempWorkspace ws;
        QVERIFY(ws.open());
        QVERIFY(ws.workspace->createScenario(QStringLiteral("Memphis"), QByteArray("{}")));
        QVERIFY(ws.workspace->createScenario(QStringLiteral("Dallas"), QByteArray("{}")));
        ws.workspace.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("flip"));
            db.setDatabaseName(ws.path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            // 'M' (0x4D) with its lowest bit flipped is 'L'.
            QVERIFY(query.exec(QStringLiteral("UPDATE scenario SET name = 'Lemphis' WHERE name = 'Memphis'")));
            QCOMPARE(query.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("flip"));
        QVERIFY(ws.open());
        cp::WorkspaceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(ws.workspace.get());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Lemphis (damaged)"));
        QCOMPARE(model.index(0).data(Qt::EditRole).toString(), QStringLiteral("Lemphis"));
        const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("damaged")) && tip.contains(QStringLiteral("backup")), qPrintable(tip));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Dallas"));
        // Renaming gives it a name the user chose: no longer damaged.
        QVERIFY(model.setData(model.index(0), QStringLiteral("Memphis")));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Memphis"));
    }

    void catalog()
    {
        cp::CatalogModel model(cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(cp::Catalog::builtIn().entries().size()));
        QVERIFY(model.rowCount() > 50);
    }

    void warningsAndKpis()
    {
        cp::WarningListModel warnings;
        cp::KpiListModel kpis;
        QAbstractItemModelTester warningTester(&warnings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester kpiTester(&kpis, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char *example : {"memphis-retrofit-100k-h100.json", "meta-2gw-gas-campus.json",
                                    "greenfield-grid-wait.json", "anthropic-400k-trainium2-cloud.json"}) {
            const auto solved
                = cp::solveScenario(loadExample(example), cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
            warnings.setSolved(solved);
            kpis.setSolved(solved);
        }
        warnings.setSolved(nullptr);
        kpis.setSolved(nullptr);
        QCOMPARE(warnings.rowCount(), 0);
        // Without a solve only the figures every plan has (no returns figures).
        QCOMPARE(kpis.rowCount(), int(cp::KpiListModel::KpiCount) - int(cp::KpiListModel::TotalCapex));
    }

    // The sites overview over solves of one site, of three (a reset), of the same three again
    // (cells change in place), of a plan that does not solve, and of none.
    void siteOverview()
    {
        const cp::Catalog &catalog = cp::Catalog::builtIn();
        cp::SiteOverviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSolved(cp::solveScenario(memphis(), catalog, cp::currentMonth()));
        QCOMPARE(model.rowCount(), 1);
        cp::Scenario three = memphis();
        for (const char *name : {"Beta", "Gamma"}) {
            cp::Site site = three.sites[0];
            site.name = QString::fromLatin1(name);
            three.sites.push_back(site);
        }
        model.setSolved(cp::solveScenario(three, catalog, cp::currentMonth()));
        QCOMPARE(model.rowCount(), 3);
        three.sites[1].compute[0].count = 1000;
        model.setSolved(cp::solveScenario(three, catalog, cp::currentMonth()));
        QCOMPARE(model.rowCount(), 3);
        three.sites[2].facility.itCapacityMw = -1; // invalid: the rows stay, without results
        model.setSolved(cp::solveScenario(three, catalog, cp::currentMonth()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, cp::SiteOverviewModel::CapexUsd).data().toString(), QStringLiteral("\u2014"));
        model.setSolved(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModelTester)
#include "tst_modeltester.moc"
