#include "../models/document/scenariotestutil.h"
#include "analysis/solvedscenario.h"
#include "document/scenariofields.h"
#include "editors/threepointedit.h"
#include "editors/unitspinbox.h"
#include "format/units.h"
#include "itemmodels/kpilistmodel.h"
#include "widgets/kpipanel.h"
#include "widgets/referencedatawindow.h"
#include "widgets/warningspanel.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>

using namespace scenariotest;

Q_DECLARE_METATYPE(cp::FieldPath)

// The side panels and the small editors, each on its own.
class TestPanels : public QObject
{
    Q_OBJECT

private slots:
    void kpisShowFormattedNumbers()
    {
        const auto solved = cp::solveScenario(memphis(), cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
        cp::views::KpiPanel panel;
        panel.setSolved(solved);
        const cp::solver::Kpis &k = solved->result.kpis;
        QCOMPARE(panel.valueText(cp::KpiListModel::TotalCapex), cp::format::usd(k.totalCapexUsd));
        QCOMPARE(panel.valueText(cp::KpiListModel::PeakItLoad), cp::format::megawatts(k.peakItMw));
        QCOMPARE(panel.valueText(cp::KpiListModel::FirstCompute), cp::format::monthLabel(*k.firstComputeMonth));
        panel.setSolved(nullptr);
        QCOMPARE(panel.valueText(cp::KpiListModel::TotalCapex), QStringLiteral("\u2014"));
    }

    // The shipped Memphis example states a value of compute: the net figures lead the panel, as
    // the returns issue asks; a plan without one shows the v1 figures only.
    void netFiguresLeadWhenAValueOfComputeIsStated()
    {
        const auto solved = cp::solveScenario(memphis(), cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
        const cp::solver::Kpis &k = solved->result.kpis;
        QVERIFY(k.returnsStated);
        cp::views::KpiPanel panel;
        panel.setSolved(solved);
        QCOMPARE(panel.model()->kpiAt(0), cp::KpiListModel::NpvNet);
        QCOMPARE(panel.model()->index(0, cp::KpiListModel::Label).data().toString(), QStringLiteral("NPV of net cash flow"));
        QCOMPARE(panel.valueText(cp::KpiListModel::NpvNet), cp::format::usd(k.npvNetUsd));
        QCOMPARE(panel.valueText(cp::KpiListModel::Irr), cp::format::percent(*k.irrPct));
        QCOMPARE(panel.valueText(cp::KpiListModel::Payback), cp::format::monthLabel(*k.paybackMonth));
        QCOMPARE(panel.valueText(cp::KpiListModel::TotalCapex), cp::format::usd(k.totalCapexUsd));

        cp::Scenario costsOnly = memphis();
        costsOnly.assumptions.computePriceUsdPerAcceleratorHour.reset();
        costsOnly.assumptions.residualValue.reset();
        const auto plain = cp::solveScenario(costsOnly, cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
        QVERIFY(!plain->result.kpis.returnsStated);
        panel.setSolved(plain);
        QCOMPARE(panel.model()->rowCount(), static_cast<int>(cp::KpiListModel::KpiCount) - 4);
        QCOMPARE(panel.model()->rowOf(cp::KpiListModel::NpvNet), -1);
        QCOMPARE(panel.model()->kpiAt(0), cp::KpiListModel::TotalCapex);
        QCOMPARE(panel.valueText(cp::KpiListModel::TotalCapex), cp::format::usd(plain->result.kpis.totalCapexUsd));
    }

    void clickingAWarningAsksForItsField()
    {
        // Memphis's batteries (150 MW) cover its training swing; drop them to make the check fire.
        cp::Scenario scenario = memphis();
        scenario.sites[0].power[3].powerMw = 10;
        const auto solved = cp::solveScenario(scenario, cp::Catalog::builtIn(), cp::Month::fromYearMonth(2025, 6));
        cp::views::WarningsPanel panel;
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy counts(&panel, &cp::views::WarningsPanel::countChanged);
        QSignalSpy requests(&panel, &cp::views::WarningsPanel::fieldRequested);
        panel.setSolved(solved);
        QVERIFY(counts.count() == 1 && counts.first().at(0).toInt() > 0);
        int swingRow = -1;
        for (int row = 0; row < panel.count(); ++row)
            if (panel.view()->model()->index(row, 1).data().toString().contains(QStringLiteral("swing")))
                swingRow = row;
        QVERIFY(swingRow >= 0);
        const QModelIndex index = panel.view()->model()->index(swingRow, 1);
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(index).center());
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.first().at(0).value<cp::FieldPath>().toJsonPath(),
                 QStringLiteral("sites[0].power[3].powerMw"));
    }

    void referenceDataIsSearchable()
    {
        cp::views::ReferenceDataWindow window(cp::Catalog::builtIn());
        const int all = window.visibleRows();
        QCOMPARE(all, int(cp::Catalog::builtIn().entries().size()));
        auto *search = window.findChild<QLineEdit *>();
        QTest::keyClicks(search, QStringLiteral("H100"));
        QVERIFY(window.visibleRows() > 0);
        QVERIFY(window.visibleRows() < all);
        for (int row = 0; row < window.visibleRows(); ++row) {
            QString line;
            for (int column = 0; column < window.view()->model()->columnCount(); ++column)
                line += window.view()->model()->index(row, column).data().toString();
            QVERIFY2(line.contains(QStringLiteral("H100"), Qt::CaseInsensitive), qPrintable(line));
        }
    }

    void unitSpinBoxShowsUnitsAndDoesNotClamp()
    {
        cp::views::UnitSpinBox box;
        cp::FieldInfo info;
        info.unit = QStringLiteral("MW");
        info.minimum = 0;
        info.maximum = 100;
        info.decimals = 1;
        box.setField(info);
        box.setValue(150000);
        QCOMPARE(box.text(), QStringLiteral("150,000 MW")); // typed values are not clamped to the steps
        box.setValue(99.5);
        box.stepBy(1);
        QCOMPARE(box.value(), 100.0); // the arrows stop at the range
        box.setValue(2.5);
        QCOMPARE(box.text(), QStringLiteral("2.5 MW"));
    }

    void aFixedEstimateStaysFixed()
    {
        cp::views::ThreePointEdit edit;
        cp::FieldInfo info;
        info.unit = QStringLiteral("months");
        info.maximum = 600;
        edit.setField(info);
        edit.setValue(cp::ThreePoint::fixed(6));
        QSignalSpy edited(&edit, &cp::views::ThreePointEdit::edited);
        edit.modeBox()->setValue(8);
        QCOMPARE(edit.value(), cp::ThreePoint::fixed(8));
        edit.highBox()->setValue(12);
        QCOMPARE(edit.value(), (cp::ThreePoint{8, 8, 12}));
        edit.modeBox()->setValue(9); // a range now: low and high stay
        QCOMPARE(edit.value(), (cp::ThreePoint{8, 9, 12}));
        QCOMPARE(edited.count(), 3);
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
