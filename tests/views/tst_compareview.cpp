#include "catalog/catalog.h"
#include "charts/comparisonchart.h"
#include "compare/compareview.h"
#include "compare/waterfallchart.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "solvedfixture.h"
#include "storage/workspace.h"

#include <QComboBox>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace cp;
using namespace cp::views;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int rowOf(const char *key)
{
    const auto &kpis = comparisonKpis();
    for (std::size_t i = 0; i < kpis.size(); ++i)
        if (!kpis[i].group && QByteArray(kpis[i].key) == key)
            return static_cast<int>(i);
    return -1;
}

QStringList treeTexts(const QTreeWidget *tree)
{
    QStringList texts;
    std::function<void(const QTreeWidgetItem *, int)> walk = [&](const QTreeWidgetItem *item, int depth) {
        texts << QString(depth * 2, QLatin1Char(' ')) + item->text(0) + QStringLiteral(" | ") + item->text(1)
                + QStringLiteral(" | ") + item->text(2);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i), 0);
    return texts;
}

} // namespace

// The compare view on a real workspace, driven through its combo boxes.
class TestCompareView : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto opened = Workspace::open(m_dir->filePath(QStringLiteral("w.clusterplan")), Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        m_workspace = std::move(opened.workspace);
        QVERIFY(m_workspace->createScenario(QStringLiteral("A"), readAll(test::chartFixturePath(QStringLiteral("hand-checked.json")))));
        QVERIFY(m_workspace->createScenario(QStringLiteral("B"), readAll(test::chartFixturePath(QStringLiteral("hand-checked-b.json")))));
        QVERIFY(m_workspace->createScenario(QStringLiteral("Memphis"),
                                            readAll(test::examplePath(QStringLiteral("memphis-retrofit-100k-h100.json")))));
    }
    void cleanup()
    {
        m_workspace.reset();
        m_dir.reset();
    }

    void pickTwoThenThree()
    {
        CompareView view(Catalog::builtIn());
        view.setToday(Month::fromYearMonth(2025, 1));
        view.setWorkspace(m_workspace.get());
        view.resize(1100, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.comparison().empty());
        QVERIFY(view.status().contains(QStringLiteral("Pick a baseline")));

        auto *baseline = view.findChild<QComboBox *>(QStringLiteral("scenarioPicker0"));
        auto *second = view.findChild<QComboBox *>(QStringLiteral("scenarioPicker1"));
        auto *third = view.findChild<QComboBox *>(QStringLiteral("scenarioPicker2"));
        QVERIFY(baseline && second && third);
        QCOMPARE(baseline->count(), 4); // "(pick a scenario)", A, B, Memphis
        baseline->setCurrentIndex(baseline->findText(QStringLiteral("A")));
        QVERIFY(view.comparison().scenarios.size() == 1);
        second->setCurrentIndex(second->findText(QStringLiteral("B")));
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(2));
        QCOMPARE(view.selection(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));

        // The KPI table: B costs $20M more (+10%) and is at full power two months sooner.
        const ResultComparisonModel *model = view.kpiModel();
        auto *table = view.findChild<QTableView *>();
        QVERIFY(table && table->model() == model);
        QCOMPARE(model->data(model->index(rowOf("totalCapexUsd"), 3)).toString(), QStringLiteral("+$20.0M (+10.0%)"));
        QCOMPARE(model->data(model->index(rowOf("fullPowerMonth"), 3)).toString(), QStringLiteral("-2 months"));
        QCOMPARE(model->data(model->index(rowOf("fullPowerMonth"), 3), ResultComparisonModel::VerdictRole).toInt(),
                 int(KpiVerdict::Better));

        // The overlaid charts: a line per scenario, the baseline first.
        ComparisonChart *energized = view.chart(ResultOverlayModel::Energized);
        QCOMPARE(energized->seriesNames(), (QStringList{QStringLiteral("A (baseline)"), QStringLiteral("B")}));
        const auto b = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json")));
        QCOMPARE(energized->seriesPoints(QStringLiteral("B")).at(5).y(), b->result.monthly.energized[5]);
        QVERIFY(energized->hoverText(5).contains(QStringLiteral("B: 4,800")));
        // Energized accelerators and facility power are monthly quantities, drawn as steps (flat
        // across each month, the change between months); the running total of spend is a line.
        for (const auto metric : {ResultOverlayModel::Energized, ResultOverlayModel::FacilityMw}) {
            const QList<QPointF> drawn = view.chart(metric)->drawnPoints(QStringLiteral("B"));
            QVERIFY(drawn.size() > view.chart(metric)->seriesPoints(QStringLiteral("B")).size());
            for (qsizetype i = 1; i < drawn.size(); ++i)
                QVERIFY(drawn[i].y() == drawn[i - 1].y() || drawn[i].x() == drawn[i - 1].x());
        }
        QCOMPARE(view.chart(ResultOverlayModel::CumulativeCostUsd)->drawnPoints(QStringLiteral("B")),
                 view.chart(ResultOverlayModel::CumulativeCostUsd)->seriesPoints(QStringLiteral("B")));

        // What changed in the inputs, site by site.
        const QStringList changes = treeTexts(view.findChild<QTreeWidget *>());
        QVERIFY2(changes.contains(QStringLiteral("    T2 \u2022 unitCapexUsd | 25000 | 30000")), qPrintable(changes.join(u'\n')));
        QVERIFY(changes.contains(QStringLiteral("    Engine \u2022 leadTimeMonths | 8 | 6")));
        QVERIFY(changes.contains(QStringLiteral("    power source Temp turbine removed | mobile_turbine, 2 MW | ")));
        QVERIFY(changes.contains(QStringLiteral("  Site Alpha |  | ")));

        // A third scenario: one more value column and delta column, one more line.
        third->setCurrentIndex(third->findText(QStringLiteral("Memphis")));
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(3));
        QCOMPARE(model->columnCount(), 6);
        QCOMPARE(energized->seriesNames().size(), 3);
        QVERIFY(treeTexts(view.findChild<QTreeWidget *>()).join(u'\n').contains(QStringLiteral("Memphis against A")));
        // The calendar widens to cover Memphis (2024-01 .. 2028-12) and A (2025).
        QCOMPARE(energized->visibleLast() - energized->visibleFirst(), 60.0);
        // The table's totals cover the first 12 months of each (A's whole horizon), and the status says so.
        QVERIFY2(view.status().contains(QStringLiteral("Compared over the first 12 months of each plan; "
                                                       "'Memphis' runs 60 months on its own (Jan 2024 to Dec 2028).")),
                 qPrintable(view.status()));
        QCOMPARE(view.comparison().scenarios[2].solved->result.horizonMonths, 12);

        // Dropping the baseline's partner leaves too little to compare.
        second->setCurrentIndex(0);
        third->setCurrentIndex(0);
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(1));
        QVERIFY(view.status().contains(QStringLiteral("Pick a baseline")));
    }

    // The view follows the workspace: a saved edit re-solves, a removal drops the scenario.
    void followsTheWorkspace()
    {
        CompareView view(Catalog::builtIn());
        view.setToday(Month::fromYearMonth(2025, 1));
        view.setWorkspace(m_workspace.get());
        view.setSelection({QStringLiteral("A"), QStringLiteral("B")});
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(2));
        const int capexRow = rowOf("totalCapexUsd");

        // B's T2 back at $25k: the same capex as A.
        const ScenarioId idB = *m_workspace->findScenario(QStringLiteral("B"));
        QByteArray document = *m_workspace->loadDocument(idB);
        document.replace("\"unitCapexUsd\": 30000", "\"unitCapexUsd\": 25000");
        QVERIFY(m_workspace->saveDocument(idB, document));
        QCOMPARE(view.comparison().scenarios[1].kpis[static_cast<std::size_t>(capexRow)].delta.abs, std::optional<double>(0.0));

        // A rename keeps the pick: the picker and the table both show the new name.
        QVERIFY(m_workspace->renameScenario(idB, QStringLiteral("B, cheaper")));
        QCOMPARE(view.selection(), (QStringList{QStringLiteral("A"), QStringLiteral("B, cheaper")}));
        QCOMPARE(view.comparison().scenarios[1].name, QStringLiteral("B, cheaper"));
        // Renaming the baseline keeps it the baseline.
        const ScenarioId idA = *m_workspace->findScenario(QStringLiteral("A"));
        QVERIFY(m_workspace->renameScenario(idA, QStringLiteral("A, renamed")));
        QCOMPARE(view.selection(), (QStringList{QStringLiteral("A, renamed"), QStringLiteral("B, cheaper")}));
        QVERIFY(view.status().contains(QStringLiteral("'A, renamed'")));
        QVERIFY(m_workspace->renameScenario(idA, QStringLiteral("A")));
        QVERIFY(m_workspace->removeScenario(idB));
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(1));
    }

    // A scenario with a problem is left out, with the reason.
    // The Worth it? tab answers the seed's question on the shipped twins, and its bridge walks
    // from one NPV of net cash flow to the other.
    void worthItAnswersTheBridgeQuestion()
    {
        const auto wait = test::solveFile(test::examplePath(QStringLiteral("greenfield-grid-wait.json")));
        const auto bridged = test::solveFile(test::examplePath(QStringLiteral("greenfield-grid-wait-bridged.json")));
        QVERIFY(wait && bridged);
        CompareView view(Catalog::builtIn());
        view.compare({wait, bridged});
        QVERIFY2(view.worthText().contains(QStringLiteral("pays for itself")), qPrintable(view.worthText()));
        QVERIFY2(view.worthText().contains(QStringLiteral("earlier")), qPrintable(view.worthText()));
        const QList<QPointF> npv = view.waterfall()->seriesPoints(QStringLiteral("NPV"));
        QVERIFY(npv.size() >= 3); // the two totals and at least one step
        QCOMPARE(npv.first().y(), wait->result.kpis.npvNetUsd);
        QCOMPARE(npv.last().y(), bridged->result.kpis.npvNetUsd);
        // The step before the last total lands where the last total stands (within rounding).
        QVERIFY(std::abs(npv[npv.size() - 2].y() - npv.last().y()) < 1.0);

        // Swapped, the wait is the one that does not pay for itself.
        view.compare({bridged, wait});
        QVERIFY2(view.worthText().contains(QStringLiteral("does not pay for itself")), qPrintable(view.worthText()));
    }

    void invalidScenarioIsLeftOut()
    {
        QByteArray bad = readAll(test::chartFixturePath(QStringLiteral("hand-checked-b.json")));
        bad.replace("\"count\": 4000", "\"count\": -4000");
        QVERIFY(m_workspace->createScenario(QStringLiteral("Broken"), bad));
        CompareView view(Catalog::builtIn());
        view.setWorkspace(m_workspace.get());
        view.setSelection({QStringLiteral("A"), QStringLiteral("Broken")});
        QCOMPARE(view.comparison().scenarios.size(), std::size_t(1));
        QVERIFY2(view.status().contains(QStringLiteral("Broken")) && view.status().contains(QStringLiteral("count")),
                 qPrintable(view.status()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
