#include "../document/scenariotestutil.h"
#include "document/scenariodocument.h"
#include "fields/scenariofields.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/itemtablemodel.h"

#include <QFont>
#include <QSignalSpy>
#include <QUndoStack>

#include <cmath>

using cp::ItemList;
using cp::ItemTableModel;
using cp::ScenarioDocument;
using namespace scenariotest;

// A site's compute, power or cooling list as an editable table.
class TestItemTableModel : public QObject
{
    Q_OBJECT

private:
    static QModelIndex cell(const ItemTableModel &model, int row, const char *key)
    {
        return model.index(row, model.columnOf(QLatin1String(key)));
    }

private slots:
    void headersCarryUnits()
    {
        ItemTableModel compute(ItemList::Compute);
        ItemTableModel power(ItemList::Power);
        QCOMPARE(compute.headerData(compute.columnOf(QStringLiteral("leadTimeMonths")), Qt::Horizontal).toString(),
                 QStringLiteral("Lead time (months)"));
        QCOMPARE(compute.headerData(compute.columnOf(QStringLiteral("unitCapexUsd")), Qt::Horizontal).toString(),
                 QStringLiteral("Unit price ($)"));
        QCOMPARE(power.headerData(power.columnOf(QStringLiteral("capacityMw")), Qt::Horizontal).toString(),
                 QStringLiteral("Capacity (MW)"));
    }

    void showsValuesAsPlannersReadThem()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, "count").data().toString(), QStringLiteral("50,000"));
        QCOMPARE(cell(model, 0, "leadTimeMonths").data().toString(), QStringLiteral("5 (4\u20137)"));
        QCOMPARE(cell(model, 0, "orderMonth").data().toString(), QStringLiteral("Feb 2024"));
        QCOMPARE(cell(model, 0, "accelerator").data().toString(),
                 cp::Catalog::builtIn().accelerator(u"h100_sxm")->displayName);
        QCOMPARE(cell(model, 0, "count").data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    }

    // A tranche ordered two months after its facility is ready (a linked date): its order month
    // follows the facility, so the cell is not editable (a typed month would be overwritten) and
    // says why; moving the construction moves the order month with it.
    void linkedOrderMonthFollowsTheFacility()
    {
        cp::Scenario scenario = memphis();
        scenario.sites[0].compute[0].orderAfterFacilityReadyMonths = 2;
        ScenarioDocument document(scenario, cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        const QModelIndex order = cell(model, 0, "orderMonth");
        QVERIFY(!(model.flags(order) & Qt::ItemIsEditable));
        QVERIFY(model.flags(cell(model, 1, "orderMonth")) & Qt::ItemIsEditable); // not linked
        QCOMPARE(order.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Linked: ordered 2 months after the facility is ready, so it moves with the facility's dates."));

        // Construction starts two years later: ready = new start + build months (likely), which
        // is now later than the permit's end; the order month is two months after that.
        const cp::Facility &f = document.scenario().sites[0].facility;
        const cp::Month start = f.constructionStartMonth.plusMonths(24);
        const int build = static_cast<int>(std::lround(f.buildMonths.mode));
        QVERIFY(start.plusMonths(build) > f.permitStartMonth.plusMonths(static_cast<int>(std::lround(f.permitMonths.mode))));
        QVERIFY(document.setValue(cp::FieldPath::facility(0, QStringLiteral("constructionStartMonth")), QVariant::fromValue(start)));
        QCOMPARE(document.scenario().sites[0].compute[0].orderMonth, start.plusMonths(build + 2));
        QCOMPARE(cell(model, 0, "orderMonth").data(Qt::EditRole).value<cp::Month>(), start.plusMonths(build + 2));
    }

    void catalogDefaultsShowWithTheirSource()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        const QModelIndex price = cell(model, 0, "unitCapexUsd");
        const cp::CatalogValue &catalogPrice = *cp::Catalog::builtIn().accelerator(u"h100_sxm")->unitCapexUsd;
        QVERIFY(price.data(cp::roles::IsDefaultRole).toBool());
        QVERIFY(price.data(Qt::FontRole).value<QFont>().italic());
        QCOMPARE(price.data().toString(),
                 cp::groupedNumber(catalogPrice.value, 0) + QStringLiteral(" (")
                     + cp::groupedNumber(catalogPrice.low, 0) + QStringLiteral("\u2013")
                     + cp::groupedNumber(catalogPrice.high, 0) + QLatin1Char(')'));
        const QString tip = price.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(catalogPrice.source.toHtmlEscaped()) && tip.contains(catalogPrice.asOf), qPrintable(tip));

        // A value the user wrote is no default.
        QVERIFY(!cell(model, 0, "count").data(cp::roles::IsDefaultRole).toBool());
    }

    void editsGoThroughTheDocumentAndUndo()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex count = cell(model, 0, "count");
        QVERIFY(model.setData(count, QStringLiteral("60,000")));
        QCOMPARE(document.scenario().sites[0].compute[0].count, 60000);
        QCOMPARE(count.data().toString(), QStringLiteral("60,000"));
        QCOMPARE(changed.count(), 1);
        document.undoStack()->undo();
        QCOMPARE(count.data().toString(), QStringLiteral("50,000"));
    }

    void invalidInputIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("count 0") << QStringLiteral("count") << QStringLiteral("0")
                                 << QStringLiteral("Count must be a whole number from 1 to 10,000,000 (found 0)");
        QTest::newRow("not a number") << QStringLiteral("count") << QStringLiteral("many")
                                      << QStringLiteral("\"many\" is not a number");
        QTest::newRow("not a month") << QStringLiteral("orderMonth") << QStringLiteral("someday")
                                     << QStringLiteral("write it as 2025-03 or Mar 2025");
        QTest::newRow("three-point order")
            << QStringLiteral("leadTimeMonths") << QStringLiteral("8; 5; 9") << QStringLiteral("Lead time: low 8 is above likely (mode) 5");
        QTest::newRow("price above 1e6") << QStringLiteral("unitCapexUsd") << QStringLiteral("2,000,000")
                                         << QStringLiteral("Unit price must be from $0 to $1,000,000 (found 2000000)");
        QTest::newRow("unknown chip") << QStringLiteral("accelerator") << QStringLiteral("h900")
                                      << QStringLiteral("\"h900\" is not one of");
    }

    void invalidInputIsRefusedWithTheReason()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, reasonPart);
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        QSignalSpy refused(&model, &ItemTableModel::editRefused);
        const QModelIndex index = model.index(0, model.columnOf(key));
        const QString before = index.data().toString();
        QVERIFY(!model.setData(index, text));
        QCOMPARE(refused.count(), 1);
        const QString reason = refused.first().at(1).toString();
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        QCOMPARE(index.data().toString(), before);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void clearingReturnsToTheDefault()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Power);
        model.setSite(&document, 0);
        const QModelIndex capex = cell(model, 2, "capexUsd"); // the TVA interconnect states its capex
        QVERIFY(!capex.data(cp::roles::IsDefaultRole).toBool());
        QVERIFY(model.setData(capex, QString()));
        QVERIFY(!document.scenario().sites[0].power[2].capexUsd);
        // Its per-kW rate now shows the catalog's grid rate as a default.
        QVERIFY(cell(model, 2, "capexUsdPerKw").data(cp::roles::IsDefaultRole).toBool());
        // A required field cannot be cleared.
        QVERIFY(!model.setData(cell(model, 2, "orderMonth"), QString()));
    }

    void confirmingADefaultKeepsItADefault()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        const QModelIndex kw = cell(model, 0, "itKwPerAccelerator");
        QVERIFY(model.setData(kw, kw.data(Qt::EditRole)));
        QVERIFY(!document.scenario().sites[0].compute[0].itKwPerAccelerator);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void fieldsThatDoNotApplyAreNotEditable()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Power);
        model.setSite(&document, 0);
        const QModelIndex gridHeatRate = cell(model, 2, "heatRateBtuPerKwh");
        QCOMPARE(gridHeatRate.data().toString(), QStringLiteral("\u2014"));
        QVERIFY(!(model.flags(gridHeatRate) & Qt::ItemIsEditable));
        QVERIFY(!(model.flags(cell(model, 3, "capacityMw")) & Qt::ItemIsEditable)); // a battery has powerMw
        QVERIFY(model.flags(cell(model, 3, "powerMw")) & Qt::ItemIsEditable);
    }

    void followsRowsAndSitesOfTheDocument()
    {
        cp::Scenario scenario = memphis();
        scenario.sites.insert(scenario.sites.begin(), cp::newSite(scenario.startMonth, QStringLiteral("First")));
        ScenarioDocument document(scenario, cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Power);
        model.setSite(&document, 1);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(document.addItem(1, ItemList::Power));
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(document.addItem(0, ItemList::Power)); // another site: not this table
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(document.removeSite(0));
        QCOMPARE(model.site(), 0);
        QCOMPARE(model.index(4, 0).data().toString(), QStringLiteral("Power 5"));
        QVERIFY(document.removeSite(0));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.site(), -1);
    }

    void pastesSpreadsheetRowsAsOneStep()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Power);
        model.setSite(&document, 0);
        // As LibreOffice copies a range with a header row: columns named, in another order.
        const QString text = QStringLiteral("Name\tCapacity (MW)\tKind\tOrdered\tLead time (months)\r\n"
                                            "Gas peakers\t1,200\tGas simple cycle\tMar 2025\t18; 24; 36\r\n"
                                            "Grid upgrade\t300\tgrid\t2025-06\t30\r\n");
        const ItemTableModel::PasteResult result = model.pasteTsv(text, 1);
        QVERIFY2(result.ok, qPrintable(result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(result.firstRow, 1);
        QCOMPARE(result.rowCount, 2);
        QCOMPARE(model.rowCount(), 6);
        const cp::PowerSource &gas = document.scenario().sites[0].power[1];
        QCOMPARE(gas.name, QStringLiteral("Gas peakers"));
        QCOMPARE(gas.kind, cp::PowerKind::GasSimpleCycle);
        QCOMPARE(gas.capacityMw, 1200.0);
        QCOMPARE(gas.orderMonth, cp::Month::fromYearMonth(2025, 3));
        QCOMPARE(gas.leadTimeMonths, (cp::ThreePoint{18, 24, 36}));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Paste 2 rows"));
        document.undoStack()->undo();
        QCOMPARE(model.rowCount(), 4);
    }

    void pasteNamesEveryBadValueAndPastesNothing()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Compute);
        model.setSite(&document, 0);
        // No header: cells go to the columns in order (name, accelerator, count, ordered, lead time).
        const QString text = QStringLiteral("Good\th100_sxm\t100\t2025-01\t3\n"
                                            "Bad count\th100_sxm\tlots\t2025-01\t3\n"
                                            "Bad month\tb200_hgx\t100\tsoon\t3\n"
                                            "Zero count\th100_sxm\t0\t2025-01\t3\n");
        const ItemTableModel::PasteResult result = model.pasteTsv(text, 0);
        QVERIFY(!result.ok);
        QCOMPARE(result.problems.size(), 2);
        QVERIFY2(result.problems[0].startsWith(QStringLiteral("Line 2, Count: \"lots\" is not a number")),
                 qPrintable(result.problems[0]));
        QVERIFY2(result.problems[1].startsWith(QStringLiteral("Line 3, Ordered:")), qPrintable(result.problems[1]));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(document.undoStack()->count(), 0);

        // Once every cell reads, the scenario's rules judge the rows: line 1 (count 0) here.
        const ItemTableModel::PasteResult ranges = model.pasteTsv(QStringLiteral("Zero\th100_sxm\t0\t2025-01\t3\n"), 0);
        QVERIFY(!ranges.ok);
        QCOMPARE(ranges.problems,
                 QStringList{QStringLiteral("Line 1: Count must be a whole number from 1 to 10,000,000 (found 0)")});
        QCOMPARE(model.rowCount(), 2);
    }

    void copiedRowsPasteBack()
    {
        ScenarioDocument document(memphis(), cp::Catalog::builtIn());
        ItemTableModel model(ItemList::Power);
        model.setSite(&document, 0);
        const QString copied = model.rowsAsTsv({2, 3});
        QVERIFY(copied.startsWith(QStringLiteral("Name\tKind\tOrdered\tLead time (months)\tCapacity (MW)\t")));
        QVERIFY(copied.contains(QStringLiteral("\t15000000; 30000000; 60000000\t"))); // TVA's capex, low; mode; high
        const ItemTableModel::PasteResult result = model.pasteTsv(copied, 4);
        QVERIFY2(result.ok, qPrintable(result.problems.join(QLatin1Char('\n'))));
        const auto &power = document.scenario().sites[0].power;
        QCOMPARE(power[4].name, QStringLiteral("TVA interconnect (150 MW substation) (2)"));
        cp::PowerSource copy = power[4];
        copy.name = power[2].name;
        QVERIFY(copy == power[2]); // every field, defaults left as defaults
        QCOMPARE(power[5].kind, cp::PowerKind::Bess);
        QCOMPARE(power[5].energyMwh, 300.0);
    }
};

QTEST_MAIN(TestItemTableModel)
#include "tst_itemtablemodel.moc"
