#include "../models/document/scenariotestutil.h"
#include "analysis/comparison.h"
#include "analysis/livesolver.h"
#include "charts/chartwidget.h"
#include "charts/scenariochartspanel.h"
#include "compare/compareview.h"
#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "editors/unitspinbox.h"
#include "format/units.h"
#include "itemmodels/itemtablemodel.h"
#include "itemmodels/kpilistmodel.h"
#include "itemmodels/workspacelistmodel.h"
#include "report/exportactions.h"
#include "mainwindow.h"
#include "itemmodels/siteoverviewmodel.h"
#include "widgets/sitesoverviewpanel.h"
#include "optimize/optimizedialog.h"
#include "widgets/itemtablepanel.h"
#include "widgets/kpipanel.h"
#include "widgets/scenarioeditor.h"
#include "widgets/workspacepanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUrl>

using cp::gui::MainWindow;
using Solved = std::shared_ptr<const cp::SolvedScenario>;
using namespace scenariotest;

namespace {

QAction *menuAction(const MainWindow &window, const QString &menu, const QString &text)
{
    for (QAction *top : window.menuBar()->actions()) {
        if (top->text().remove(QLatin1Char('&')) != menu)
            continue;
        for (QAction *action : top->menu()->actions())
            if (action->text().remove(QLatin1Char('&')).startsWith(text))
                return action;
    }
    return nullptr;
}

// A workspace file holding the Memphis and the greenfield examples.
QString makeWorkspace(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    cp::Workspace::OpenResult opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
    for (const cp::Scenario &scenario : {memphis(), loadExample("greenfield-grid-wait.json")})
        opened.workspace->createScenario(scenario.name, cp::io::writeScenarioJson(scenario));
    return path;
}

// Waits for the solve that follows what the test just did.
Solved nextSolve(MainWindow &window)
{
    QSignalSpy spy(&window, &MainWindow::solved);
    if (!spy.wait(5000))
        return nullptr;
    return spy.last().at(0).value<Solved>();
}

// Opens `workspace` on the Memphis example, shows the window and returns its solve (nullptr
// when anything on the way fails).
Solved showMemphis(MainWindow &window, const QString &workspace)
{
    if (!window.openWorkspace(workspace))
        return nullptr;
    window.workspacePanel()->selectScenario(*window.session().workspace()->findScenario(memphis().name));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    if (Solved solved = window.liveSolver().latest())
        return solved;
    return nextSolve(window);
}

} // namespace

// The window as a planner uses it: pick a scenario, change a number, see the key figures move,
// undo, switch scenarios, open another workspace.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ClusterPlanTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithStandardMenus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text().remove(QLatin1Char('&'));
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                              QStringLiteral("Scenario"), QStringLiteral("Help")}));
        QCOMPARE(menuAction(window, QStringLiteral("Edit"), QStringLiteral("Undo"))->shortcut(),
                 QKeySequence(QKeySequence::Undo));
        QVERIFY(menuAction(window, QStringLiteral("Edit"), QStringLiteral("Redo"))
                    ->shortcuts()
                    .contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        for (const char *item : {"New Workspace", "Open Workspace", "Recent Workspaces", "Save a Copy As",
                                 "Import Scenario (JSON)", "Export Scenario (JSON)", "Quit"})
            QVERIFY2(menuAction(window, QStringLiteral("File"), QLatin1String(item)), item);
        QVERIFY(menuAction(window, QStringLiteral("View"), QStringLiteral("Reference Data")));
        QVERIFY(window.close());
    }

    // Every tab fits a 1280 x 720 screen with the workspace and key-figure docks open.
    // The first hour: a way in (Help), the export says where the file went,
    // duplicating keeps the history at hand, a new scenario says what to add next.
    void helpMenuHasAQuickTour()
    {
        MainWindow window;
        QVERIFY(menuAction(window, QStringLiteral("Help"), QStringLiteral("Quick Tour")));
        QVERIFY(menuAction(window, QStringLiteral("Help"), QStringLiteral("Methodology")));
        const QString tour = MainWindow::quickTourText();
        for (const char *tab : {"Plan", "Timeline", "Power", "Accelerators", "Spend", "Risk", "Compare"})
            QVERIFY2(tour.contains(QStringLiteral("<b>%1</b>").arg(QLatin1String(tab))), tab);
        QVERIFY(tour.contains(QStringLiteral("low / likely / high")));
        QVERIFY(tour.contains(QStringLiteral("clusterplan-cli validate")));
    }

    void anExportSaysWhereTheFileWent()
    {
        MainWindow window;
        QVERIFY(showMemphis(window, makeWorkspace(m_dir, QStringLiteral("export.clusterplan"))));
        const QString csv = m_dir.filePath(QStringLiteral("memphis.csv"));
        QVERIFY(window.exportActions()->exportResultsTo(csv));
        auto *notice = window.findChild<QLabel *>(QStringLiteral("exportNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY2(notice->text().contains(QFileInfo(csv).absoluteFilePath()), qPrintable(notice->text()));
        QVERIFY(notice->text().contains(QUrl::fromLocalFile(m_dir.path()).toString(QUrl::FullyEncoded)));
        QVERIFY(notice->text().contains(QStringLiteral("Open folder")));
    }

    void duplicatingKeepsTheUndoHistoryOfTheScenarioEdited()
    {
        MainWindow window;
        QVERIFY(showMemphis(window, makeWorkspace(m_dir, QStringLiteral("duplicate.clusterplan"))));
        cp::ScenarioDocument *document = window.session().currentDocument();
        QVERIFY(document->setValue(*cp::FieldPath::fromJsonPath(QStringLiteral("sites[0].compute[0].count")), 60000.0));
        QVERIFY(menuAction(window, QStringLiteral("Edit"), QStringLiteral("Undo"))->isEnabled());
        menuAction(window, QStringLiteral("Scenario"), QStringLiteral("Duplicate"))->trigger();
        QCOMPARE(window.session().workspace()->scenarios().size(), std::size_t(3));
        QCOMPARE(window.session().currentDocument(), document); // still the one being edited
        QAction *undo = menuAction(window, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo Change count"));
        QVERIFY(window.session().workspace()->findScenario(memphis().name + QStringLiteral(" (copy)")));
    }

    // Scenario > Optimize (Ctrl+Shift+O) on the scenario shown; its "Save as New Scenario" is a
    // step of that scenario's history: Edit > Undo in the window takes the saved plan out.
    void optimizeSavesAPlanThatEditUndoTakesOut()
    {
        const QString path = m_dir.filePath(QStringLiteral("optimize.clusterplan"));
        {
            cp::Workspace::OpenResult opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
            const cp::Scenario options = loadExample("greenfield-bridge-options.json");
            opened.workspace->createScenario(options.name, cp::io::writeScenarioJson(options));
        }
        MainWindow window;
        QVERIFY(window.openWorkspace(path));
        window.workspacePanel()->selectScenario(window.session().workspace()->scenarios().front().id);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *optimize = menuAction(window, QStringLiteral("Scenario"), QStringLiteral("Optimize"));
        QVERIFY(optimize && optimize->isEnabled());
        QCOMPARE(optimize->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        optimize->trigger();
        auto *dialog = window.findChild<cp::views::OptimizeDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->hasDecisions());
        QSignalSpy finished(dialog, &cp::views::OptimizeDialog::runFinished);
        dialog->run();
        QVERIFY(finished.wait(60000));
        QVERIFY(dialog->saveAsNewScenario());
        QCOMPARE(window.session().workspace()->scenarios().size(), std::size_t(2));
        dialog->close();
        QAction *undo = menuAction(window, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->text().contains(QStringLiteral("Add scenario")), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(window.session().workspace()->scenarios().size(), std::size_t(1));
    }

    void aNewScenarioSaysWhatToAddNext()
    {
        MainWindow window;
        QVERIFY(showMemphis(window, makeWorkspace(m_dir, QStringLiteral("new.clusterplan"))));
        const auto id = window.session().createScenario(QStringLiteral("Fresh"));
        QVERIFY(id);
        window.workspacePanel()->selectScenario(*id);
        const Solved solved = nextSolve(window);
        QVERIFY(solved && solved->ok());
        QCOMPARE(window.kpiPanel()->valueText(cp::KpiListModel::FirstCompute), QStringLiteral("not yet"));
        auto *status = window.kpiPanel()->findChild<QLabel *>(QStringLiteral("kpiStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("Add compute to Site 1")), qPrintable(status->text()));
    }

    void fitsALaptopScreen()
    {
        MainWindow window;
        QVERIFY(window.minimumSizeHint().width() <= 1280);
        QVERIFY(window.minimumSizeHint().height() <= 720);
    }

    void remembersGeometryAndDocks()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1200, 700);
            window.findChild<QDockWidget *>(QStringLiteral("warningsDock"))->hide();
            QVERIFY(window.close());
        }
        MainWindow reopened;
        QCOMPARE(reopened.size(), QSize(1200, 700));
        QVERIFY(reopened.findChild<QDockWidget *>(QStringLiteral("warningsDock"))->isHidden());
    }

    void editACountSeeTheKpiChangeUndoAndSeeItReturn()
    {
        MainWindow window;
        const Solved before = showMemphis(window, makeWorkspace(m_dir, QStringLiteral("edit.clusterplan")));
        QVERIFY(before && before->ok());
        const QString capexBefore = window.kpiPanel()->valueText(cp::KpiListModel::TotalCapex);
        QCOMPARE(capexBefore, cp::format::usd(before->result.kpis.totalCapexUsd));
        QVERIFY(window.solveStatus().startsWith(QStringLiteral("solved in ")));

        // Type 60,000 over the first tranche's 50,000 in the Plan tab's compute table.
        cp::views::ItemTablePanel *compute = window.scenarioEditor()->panel(cp::ItemList::Compute);
        QTableView *view = compute->view();
        const QModelIndex count = compute->model()->index(0, compute->model()->columnOf(QStringLiteral("count")));
        view->setFocus();
        view->setCurrentIndex(count);
        view->edit(count);
        auto *line = view->viewport()->findChild<cp::views::UnitSpinBox *>()->findChild<QLineEdit *>();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("60000"));
        QTest::keyClick(line, Qt::Key_Return);
        const Solved after = nextSolve(window);
        QVERIFY(after);
        QCOMPARE(after->scenario.sites[0].compute[0].count, 60000);
        // 10,000 more H100 at the catalog's price, all paid within the horizon.
        const double price = cp::Catalog::builtIn().accelerator(u"h100_sxm")->unitCapexUsd->value;
        QCOMPARE(after->result.kpis.totalCapexUsd, before->result.kpis.totalCapexUsd + 10000 * price);
        QCOMPARE(window.kpiPanel()->valueText(cp::KpiListModel::TotalCapex),
                 cp::format::usd(after->result.kpis.totalCapexUsd));
        QVERIFY(window.kpiPanel()->valueText(cp::KpiListModel::TotalCapex) != capexBefore);

        QAction *undo = menuAction(window, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Change count"));
        undo->trigger();
        const Solved undone = nextSolve(window);
        QCOMPARE(undone->scenario.sites[0].compute[0].count, 50000);
        QCOMPARE(window.kpiPanel()->valueText(cp::KpiListModel::TotalCapex), capexBefore);
        // The workspace holds what the window shows.
        const auto stored
            = window.session().workspace()->loadDocument(window.session().currentDocument()->scenarioId());
        QVERIFY(
            cp::io::parseScenarioJson(*stored, cp::Catalog::builtIn(), QString()).scenario->sites[0].compute[0].count
            == 50000);

        menuAction(window, QStringLiteral("Edit"), QStringLiteral("Redo"))->trigger();
        QCOMPARE(nextSolve(window)->scenario.sites[0].compute[0].count, 60000);
    }

    void switchingScenarios()
    {
        MainWindow window;
        QVERIFY(window.openWorkspace(makeWorkspace(m_dir, QStringLiteral("switch.clusterplan"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView *list = window.workspacePanel()->view();
        const cp::Scenario greenfield = loadExample("greenfield-grid-wait.json");
        const QString memphisName = memphis().name;
        const auto click = [&](const QString &name) {
            const int row = window.workspacePanel()->model()->rowOf(*window.session().workspace()->findScenario(name));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(row, 0)).center());
        };
        QCOMPARE(window.compareView()->selection(), (QStringList{memphisName, greenfield.name}));
        click(greenfield.name);
        QCOMPARE(window.session().currentDocument()->scenario().name, greenfield.name);
        // Compare follows the scenario being looked at, against the next one (wrapping round)...
        QCOMPARE(window.compareView()->selection(), (QStringList{greenfield.name, memphisName}));
        QVERIFY(window.windowTitle().startsWith(greenfield.name + QStringLiteral(" \u2014 switch.clusterplan")));
        Solved solved = window.liveSolver().latest();
        if (!solved || solved->scenario.name != greenfield.name)
            solved = nextSolve(window);
        QCOMPARE(solved->scenario.name, greenfield.name);
        QCOMPARE(window.kpiPanel()->valueText(cp::KpiListModel::TotalCapex),
                 cp::format::usd(solved->result.kpis.totalCapexUsd));
        QCOMPARE(window.scenarioEditor()->panel(cp::ItemList::Compute)->model()->rowCount(),
                 int(greenfield.sites[0].compute.size()));

        // ...until the user picks there: then it keeps what they picked.
        auto *compareWith = window.compareView()->findChild<QComboBox *>(QStringLiteral("scenarioPicker1"));
        QVERIFY(compareWith);
        compareWith->setFocus();
        QTest::keyClick(compareWith, Qt::Key_Up); // from Memphis to "(none)"
        const QStringList picked = window.compareView()->selection();
        QCOMPARE(picked, QStringList{greenfield.name});
        click(memphisName);
        QCOMPARE(window.session().currentDocument()->scenario().name, memphisName);
        QCOMPARE(window.compareView()->selection(), picked);
    }

    void openingASecondWorkspace()
    {
        MainWindow window;
        const QString first = makeWorkspace(m_dir, QStringLiteral("first.clusterplan"));
        QVERIFY(window.openWorkspace(first));
        QCOMPARE(window.workspacePanel()->model()->rowCount(), 2);
        const QString second = m_dir.filePath(QStringLiteral("second.clusterplan"));
        QVERIFY(window.openWorkspace(second)); // a new, empty workspace
        QCOMPARE(window.workspacePanel()->model()->rowCount(), 0);
        QCOMPARE(window.session().currentDocument(), nullptr);
        QCOMPARE(window.windowTitle(), QStringLiteral("second.clusterplan"));
        window.workspacePanel()->newScenario();
        QCOMPARE(window.workspacePanel()->model()->rowCount(), 1);
        QVERIFY(window.session().currentDocument());
        // The first workspace is free again and listed as recent.
        QVERIFY(cp::Workspace::open(first, cp::Workspace::OpenMode::ReadWrite).workspace);
        QSettings settings;
        QVERIFY(settings.value(QStringLiteral("recentWorkspaces"))
                    .toStringList()
                    .contains(QFileInfo(first).canonicalFilePath()));
    }

    void aRefusedFileIsExplainedAndTheWorkspaceKept()
    {
        MainWindow window;
        const QString good = makeWorkspace(m_dir, QStringLiteral("kept.clusterplan"));
        QVERIFY(window.openWorkspace(good));
        const QString junk = m_dir.filePath(QStringLiteral("junk.clusterplan"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a workspace at all");
        file.close();
        QVERIFY(!window.openWorkspace(junk));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("junk.clusterplan")), qPrintable(box->text()));
        QCOMPARE(window.session().workspace()->path(), good);
        box->close();
    }

    void aWorkspaceInUseOpensReadOnlyAndSaysSo()
    {
        const QString path = makeWorkspace(m_dir, QStringLiteral("busy.clusterplan"));
        cp::Workspace::OpenResult other
            = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite); // "another instance"
        QVERIFY(other.workspace);
        MainWindow window;
        QVERIFY(window.openWorkspace(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.session().workspace()->isReadOnly());
        QVERIFY(window.readOnlyBanner()->isVisible());
        QVERIFY2(window.readOnlyBanner()->text().startsWith(QStringLiteral("Read-only: ")),
                 qPrintable(window.readOnlyBanner()->text()));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("readOnlyBadge"))->isVisible());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[read-only]")));
        // Nothing can be edited: the table cells are not editable and the document refuses.
        cp::views::ItemTablePanel *compute = window.scenarioEditor()->panel(cp::ItemList::Compute);
        QVERIFY(!(compute->model()->flags(compute->model()->index(0, 0)) & Qt::ItemIsEditable));
        QString reason;
        QVERIFY(!window.session().currentDocument()->setValue(
            cp::FieldPath::item(0, cp::ItemList::Compute, 0, QStringLiteral("count")), 1.0, &reason));
        QVERIFY(reason.contains(QStringLiteral("read-only")));
        QVERIFY(!menuAction(window, QStringLiteral("Scenario"), QStringLiteral("New Scenario"))->isEnabled());
    }

    // The result tabs follow the scenario being edited; the exports and Compare are wired.
    void resultTabsFollowTheEditedScenario()
    {
        MainWindow window;
        const Solved solved = showMemphis(window, makeWorkspace(m_dir, QStringLiteral("tabs.clusterplan")));
        QVERIFY(solved && solved->ok());

        QStringList tabs;
        for (int i = 0; i < window.tabs()->count(); ++i)
            tabs << window.tabs()->tabText(i);
        QCOMPARE(tabs, (QStringList{QStringLiteral("Plan"), QStringLiteral("Timeline"), QStringLiteral("Power"),
                                    QStringLiteral("Accelerators"), QStringLiteral("Spend"), QStringLiteral("Risk"),
                                    QStringLiteral("Compare"), QStringLiteral("Sites")}));
        QCOMPARE(window.chartsPanel()->solved(), solved);
        // The Sites tab lists the solved sites; opening one shows it on the Plan tab.
        QCOMPARE(window.sitesOverview()->model()->rowCount(), 1);
        window.showPage(MainWindow::Page::Sites);
        emit window.sitesOverview()->siteActivated(0);
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::Page::Plan));

        // The energized line of the Accelerators chart is the solver's portfolio series.
        window.showPage(MainWindow::Page::Accelerators);
        QCOMPARE(window.tabs()->currentIndex(), 3);
        cp::views::ChartWidget *accelerators
            = window.chartsPanel()->chart(cp::views::ScenarioChartsPanel::Chart::Accelerators);
        QVERIFY(accelerators->isVisible());
        QVERIFY(!accelerators->seriesNames().isEmpty());

        // Edit a count: the charts follow the new solve.
        QVERIFY(window.session().currentDocument()->setValue(
            cp::FieldPath::item(0, cp::ItemList::Compute, 0, QStringLiteral("count")), 60'000.0));
        const Solved edited = nextSolve(window);
        QVERIFY(edited && edited->ok());
        QCOMPARE(window.chartsPanel()->solved(), edited);

        // File > Export Report and Results are enabled once solved.
        QVERIFY(menuAction(window, QStringLiteral("File"), QStringLiteral("Export Report (PDF)"))->isEnabled());
        QVERIFY(menuAction(window, QStringLiteral("File"), QStringLiteral("Export Results (CSV)"))->isEnabled());

        // Compare starts on the workspace's first two scenarios, so its export is ready too.
        QCOMPARE(window.compareView()->selection().size(), 2);
        QCOMPARE(window.compareView()->comparison().scenarios.size(), std::size_t{2});
        QVERIFY(menuAction(window, QStringLiteral("File"), QStringLiteral("Export Comparison (PDF)"))->isEnabled());

        // Ctrl+7 shows Compare; Ctrl+1 the plan again.
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.compareView()));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.scenarioEditor()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
