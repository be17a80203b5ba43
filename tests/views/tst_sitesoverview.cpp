#include "../models/document/scenariotestutil.h"
#include "analysis/solvedscenario.h"
#include "document/scenariodocument.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/siteoverviewmodel.h"
#include "widgets/sitesoverviewpanel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>

using cp::SiteOverviewModel;
using cp::views::SitesOverviewPanel;
using namespace scenariotest;

namespace {

// Memphis and two copies: Beta in Malaysia with its orders 6 months later, Gamma as Memphis.
cp::Scenario threeSites()
{
    cp::Scenario scenario = memphis();
    cp::Site beta = scenario.sites[0];
    beta.name = QStringLiteral("Beta");
    beta.country = QStringLiteral("MY");
    for (auto &t : beta.compute)
        t.orderMonth = t.orderMonth.plusMonths(6);
    cp::Site gamma = scenario.sites[0];
    gamma.name = QStringLiteral("Gamma");
    scenario.sites.push_back(beta);
    scenario.sites.push_back(gamma);
    return scenario;
}

QString cell(const SitesOverviewPanel &panel, int proxyRow, int column)
{
    return panel.proxy()->index(proxyRow, column).data().toString();
}

} // namespace

// The Sites tab as a planner uses it: read a row, sort, filter, open a site, move the orders of
// several sites as one undo step.
class TestSitesOverview : public QObject
{
    Q_OBJECT

private:
    struct Fixture {
        cp::ScenarioDocument document{threeSites(), cp::Catalog::builtIn()};
        SitesOverviewPanel panel;
        Fixture()
        {
            panel.setDocument(&document);
            resolve();
            panel.resize(1400, 500);
            panel.show();
        }
        void resolve() { panel.setSolved(cp::solveScenario(document.scenario(), cp::Catalog::builtIn(), cp::currentMonth())); }
        int proxyRowOf(const QString &site) const
        {
            for (int r = 0; r < panel.proxy()->rowCount(); ++r)
                if (cell(panel, r, SiteOverviewModel::Name) == site)
                    return r;
            return -1;
        }
    };

private slots:
    void rowsShowEachSite()
    {
        Fixture f;
        QCOMPARE(f.panel.proxy()->rowCount(), 3);
        const int memphisRow = f.proxyRowOf(memphis().sites[0].name);
        QVERIFY(memphisRow >= 0);
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::Country), QStringLiteral("US"));
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::Ownership), QStringLiteral("Own"));
        // Two tranches of 50,000 H100 (the example's 100k).
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::Accelerators), cp::format::count(100000));
        const auto solved = cp::solveScenario(memphis(), cp::Catalog::builtIn(), cp::currentMonth());
        const cp::solver::Kpis &k = solved->result.sites[0].kpis;
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::FullPower), cp::format::monthLabel(*k.fullPowerMonth));
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::CapexUsd), cp::format::usd(k.totalCapexUsd));
        // Memphis states a value of compute: the NPV column is net, and says so.
        QVERIFY(k.returnsStated);
        QCOMPARE(cell(f.panel, memphisRow, SiteOverviewModel::NpvUsd), cp::format::usd(k.npvNetUsd));
        QCOMPARE(f.panel.proxy()->headerData(SiteOverviewModel::NpvUsd, Qt::Horizontal).toString(), QStringLiteral("NPV, net (USD)"));
        QVERIFY(!cell(f.panel, memphisRow, SiteOverviewModel::GatedBy).isEmpty());
        // Every number column names its unit.
        for (int c = SiteOverviewModel::Ready; c < SiteOverviewModel::ColumnCount; ++c)
            QVERIFY2(f.panel.proxy()->headerData(c, Qt::Horizontal).toString().contains(QLatin1Char('(')), qPrintable(QString::number(c)));
    }

    void sortsAndFilters()
    {
        Fixture f;
        // Full power, latest first (the default): the sites that gate the portfolio on top.
        const auto fullPower = [&](int row) {
            return f.panel.proxy()->index(row, SiteOverviewModel::FullPower).data(cp::roles::NumberRole).toDouble();
        };
        QVERIFY(fullPower(0) >= fullPower(1) && fullPower(1) >= fullPower(2));
        // A click on the Site header sorts by name.
        QHeaderView *header = f.panel.table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(SiteOverviewModel::Name) + 5, header->height() / 2));
        QCOMPARE(f.panel.table()->horizontalHeader()->sortIndicatorSection(), int(SiteOverviewModel::Name));
        const bool ascending = f.panel.table()->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        QCOMPARE(cell(f.panel, ascending ? 0 : 2, SiteOverviewModel::Name), QStringLiteral("Beta"));
        QCOMPARE(cell(f.panel, 1, SiteOverviewModel::Name), QStringLiteral("Gamma"));
        // Typing in the filter keeps the rows with the text anywhere in them.
        QTest::keyClicks(f.panel.filter(), QStringLiteral("my"));
        QCOMPARE(f.panel.proxy()->rowCount(), 1);
        QCOMPARE(cell(f.panel, 0, SiteOverviewModel::Name), QStringLiteral("Beta"));
        f.panel.filter()->clear();
        QCOMPARE(f.panel.proxy()->rowCount(), 3);
    }

    void doubleClickOpensTheSite()
    {
        Fixture f;
        QSignalSpy activated(&f.panel, &SitesOverviewPanel::siteActivated);
        const int row = f.proxyRowOf(QStringLiteral("Gamma"));
        const QRect rect = f.panel.table()->visualRect(f.panel.proxy()->index(row, SiteOverviewModel::Name));
        QTest::mouseClick(f.panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(f.panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 2); // Gamma is the scenario's third site
    }

    void movesOrdersOfSelectedSitesAsOneStep()
    {
        Fixture f;
        const cp::Scenario before = f.document.scenario();
        QVERIFY(!f.panel.shiftButton()->isEnabled()); // nothing selected
        QItemSelectionModel *selection = f.panel.table()->selectionModel();
        for (const char *site : {"Beta", "Gamma"})
            selection->select(f.panel.proxy()->index(f.proxyRowOf(QString::fromLatin1(site)), 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(f.panel.shiftButton()->isEnabled());
        f.panel.shiftMonths()->setValue(2);
        const int steps = f.document.undoStack()->count();
        QTest::mouseClick(f.panel.shiftButton(), Qt::LeftButton);
        QCOMPARE(f.document.undoStack()->count(), steps + 1);
        const cp::Scenario &after = f.document.scenario();
        QCOMPARE(after.sites[0], before.sites[0]); // Memphis was not selected
        for (std::size_t s : {std::size_t(1), std::size_t(2)}) {
            for (std::size_t i = 0; i < after.sites[s].compute.size(); ++i)
                QCOMPARE(after.sites[s].compute[i].orderMonth, before.sites[s].compute[i].orderMonth.plusMonths(2));
            for (std::size_t i = 0; i < after.sites[s].power.size(); ++i)
                QCOMPARE(after.sites[s].power[i].orderMonth, before.sites[s].power[i].orderMonth.plusMonths(2));
            for (std::size_t i = 0; i < after.sites[s].cooling.size(); ++i)
                QCOMPARE(after.sites[s].cooling[i].orderMonth, before.sites[s].cooling[i].orderMonth.plusMonths(2));
        }
        QVERIFY(f.document.undoStack()->text(steps).contains(QStringLiteral("2 sites")));
        // The next solve keeps the selection (same sites: cells change in place).
        f.resolve();
        QCOMPARE(f.panel.selectedSites(), (std::vector<int>{1, 2}));
        f.document.undoStack()->undo();
        QCOMPARE(f.document.scenario(), before);
    }
};

QTEST_MAIN(TestSitesOverview)
#include "tst_sitesoverview.moc"
