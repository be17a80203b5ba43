#include "mainwindow.h"

#include "analysis/livesolver.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "charts/scenariochartspanel.h"
#include "clusterplan/version.h"
#include "common/apptheme.h"
#include "compare/compareview.h"
#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "format/units.h"
#include "optimize/optimizedialog.h"
#include "recentworkspaces.h"
#include "report/exportactions.h"
#include "report/reportexport.h"
#include "risk/riskpanel.h"
#include "storage/defaultworkspace.h"
#include "team/newerrevisionbanner.h"
#include "team/teamworkspacedialog.h"
#include "widgets/itemtablepanel.h"
#include "widgets/kpipanel.h"
#include "widgets/referencedatawindow.h"
#include "widgets/scenarioeditor.h"
#include "widgets/sitesoverviewpanel.h"
#include "widgets/warningspanel.h"
#include "widgets/workspacepanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::gui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kWorkspaceFilter = QObject::tr("ClusterPlan workspaces (*.clusterplan)");
const QString kJsonFilter = QObject::tr("Scenario files (*.json)");

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(Catalog::builtIn())
    , m_session(new WorkspaceSession(m_catalog, this))
    , m_liveSolver(new LiveSolver(m_catalog, this))
    , m_tabs(new QTabWidget(this))
    , m_editor(new views::ScenarioEditor(m_catalog, this))
    , m_charts(new views::ScenarioChartsPanel(this))
    , m_risk(new views::RiskPanel(this))
    , m_compare(new views::CompareView(m_catalog, this))
    , m_sitesOverview(new views::SitesOverviewPanel(this))
    , m_exports(new report::ExportActions(this))
    , m_readOnlyBanner(new QLabel(this))
    , m_newerRevisionBanner(new views::NewerRevisionBanner(this))
    , m_workspacePanel(new views::WorkspacePanel(*m_session, this))
    , m_kpiPanel(new views::KpiPanel(this))
    , m_warningsPanel(new views::WarningsPanel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QString::fromLatin1(kAppName));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    // Central: a banner when the workspace cannot be saved to, then the tabs.
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setContentsMargins(12, 8, 12, 8);
    m_readOnlyBanner->setAutoFillBackground(true);
    QPalette banner = m_readOnlyBanner->palette();
    banner.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xc7));
    banner.setColor(QPalette::WindowText, QColor(0x5c, 0x40, 0x00));
    m_readOnlyBanner->setPalette(banner);
    m_readOnlyBanner->hide();
    layout->addWidget(m_readOnlyBanner);
    layout->addWidget(m_newerRevisionBanner);
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("workTabs"));
    layout->addWidget(m_tabs);
    setCentralWidget(central);

    createPages();

    createActions();
    createMenus();
    createDocks();
    createStatusBar();

    connect(m_session, &WorkspaceSession::workspaceChanged, this, &MainWindow::workspaceChanged);
    connect(m_session, &WorkspaceSession::currentDocumentChanged, this, &MainWindow::documentChanged);
    connect(m_session, &WorkspaceSession::saveFailed, this, [this](const QString &message) {
        showError(tr("The change was not saved"),
                  tr("ClusterPlan could not save the change to the workspace, so it was not made.\n\n%1").arg(message));
    });
    // Queued: the refused save is still on the stack, and reloading replaces its document.
    connect(m_session, &WorkspaceSession::saveConflict, this, &MainWindow::offerReload, Qt::QueuedConnection);
    // The banner speaks of the scenario shown; another open one is offered when it is shown again
    // (its next edit is refused as a conflict, which offers the reload too).
    connect(m_session, &WorkspaceSession::newerRevisionAvailable, m_newerRevisionBanner,
            [this](qint64 id, qint64 revision, const QString &by) {
                if (m_session->currentDocument() && m_session->currentDocument()->scenarioId() == id)
                    m_newerRevisionBanner->showNewer(id, revision, by);
            });
    connect(m_session, &WorkspaceSession::currentDocumentChanged, m_newerRevisionBanner, [this](ScenarioDocument *shown) {
        if (!shown || shown->scenarioId() != m_newerRevisionBanner->scenarioId())
            m_newerRevisionBanner->hide();
    });
    connect(m_session, &WorkspaceSession::scenarioReloaded, m_newerRevisionBanner, [this](qint64 id) {
        if (id == m_newerRevisionBanner->scenarioId())
            m_newerRevisionBanner->hide();
    });
    connect(m_newerRevisionBanner, &views::NewerRevisionBanner::reloadRequested, this, [this](qint64 id) {
        QString error;
        if (!m_session->reloadScenario(id, &error))
            showError(tr("Cannot reload the scenario"), error);
    });
    connect(m_liveSolver, &LiveSolver::solved, this, &MainWindow::showSolved);
    connect(m_compare, &views::CompareView::comparisonChanged, this,
            [this] { m_exports->setComparison(m_compare->comparison().ownSolved()); });
    connect(m_compare, &views::CompareView::pickedByUser, this, [this] { m_compareFollowsScenario = false; });
    connect(m_warningsPanel, &views::WarningsPanel::fieldRequested, this, &MainWindow::showField);
    connect(m_warningsPanel, &views::WarningsPanel::countChanged, this, [this](int count) {
        m_warningsDock->setWindowTitle(count > 0 ? tr("Warnings (%1)").arg(count) : tr("Warnings"));
    });
    restoreWindowState();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The solver and the editor follow documents the session owns: let go of them first.
    m_session->disconnect(this);
    m_liveSolver->disconnect(this);
    m_liveSolver->setDocument(nullptr);
    m_editor->setDocument(nullptr);
}

void MainWindow::createPages()
{
    m_tabs->addTab(m_editor, tr("Plan"));
    // The chart pages live in the window's tabs; the panel that drives them stays hidden.
    m_charts->hide();
    using Chart = views::ScenarioChartsPanel;
    for (const Chart::Page page : {Chart::TimelinePage, Chart::PowerPage, Chart::AcceleratorsPage, Chart::SpendPage})
        m_tabs->addTab(m_charts->page(page), Chart::pageTitle(page));
    m_tabs->addTab(m_risk, tr("Risk"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->setTabToolTip(static_cast<int>(Page::Risk),
                          tr("What could slip: P10/P50/P90 dates and costs from the three-point estimates"));
    m_tabs->setTabToolTip(static_cast<int>(Page::Compare), tr("Two to four scenarios of the workspace side by side"));
    m_tabs->addTab(m_sitesOverview, tr("Sites"));
    m_tabs->setTabToolTip(static_cast<int>(Page::Sites),
                          tr("Every site of the portfolio in one table: sort, filter, open one, move orders of many"));
    connect(m_sitesOverview, &views::SitesOverviewPanel::siteActivated, this, [this](int site) {
        m_tabs->setCurrentWidget(m_editor);
        m_editor->setCurrentSite(site);
    });
}

void MainWindow::showPage(Page page)
{
    m_tabs->setCurrentIndex(static_cast<int>(page));
}

void MainWindow::createActions()
{
    m_newWorkspaceAction = new QAction(tr("&New Workspace\u2026"), this);
    m_newWorkspaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newWorkspaceAction, &QAction::triggered, this, &MainWindow::newWorkspace);
    m_openWorkspaceAction = new QAction(tr("&Open Workspace\u2026"), this);
    m_openWorkspaceAction->setShortcut(QKeySequence::Open);
    connect(m_openWorkspaceAction, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);
    m_openTeamWorkspaceAction = new QAction(tr("Open &Team Workspace\u2026"), this);
    m_openTeamWorkspaceAction->setObjectName(QStringLiteral("openTeamWorkspaceAction"));
    connect(m_openTeamWorkspaceAction, &QAction::triggered, this, &MainWindow::openTeamWorkspaceDialog);
    m_saveCopyAction = new QAction(tr("Save a &Copy As\u2026"), this);
    m_saveCopyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveCopyAction, &QAction::triggered, this, &MainWindow::saveCopyAs);
    m_importAction = new QAction(tr("&Import Scenario (JSON)\u2026"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importScenario);
    m_exportAction = new QAction(tr("&Export Scenario (JSON)\u2026"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportScenario);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_session->undoGroup()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_session->undoGroup()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    // Row clipboard: the table last used. The tables take these keys themselves when focused;
    // the menu items make them findable and work from anywhere in the window.
    const auto rows = [this](void (views::ItemTablePanel::*action)()) {
        return [this, action] {
            if (views::ItemTablePanel *panel = m_editor->activePanel())
                (panel->*action)();
            else
                statusBar()->showMessage(tr("Click a compute, power or cooling table first."), 4000);
        };
    };
    m_cutRowsAction = new QAction(tr("Cu&t Rows"), this);
    m_copyRowsAction = new QAction(tr("&Copy Rows"), this);
    m_pasteRowsAction = new QAction(tr("&Paste Rows"), this);
    m_cutRowsAction->setStatusTip(
        tr("Copy the selected rows as tab-separated text and remove them (Ctrl+X in a table)"));
    m_copyRowsAction->setStatusTip(
        tr("Copy the selected rows as tab-separated text, for any spreadsheet (Ctrl+C in a table)"));
    m_pasteRowsAction->setStatusTip(
        tr("Insert rows copied from a spreadsheet after the selection (Ctrl+V in a table)"));
    connect(m_cutRowsAction, &QAction::triggered, this, rows(&views::ItemTablePanel::cutRows));
    connect(m_copyRowsAction, &QAction::triggered, this, [this] {
        if (views::ItemTablePanel *panel = m_editor->activePanel())
            panel->copyRows();
    });
    connect(m_pasteRowsAction, &QAction::triggered, this, rows(&views::ItemTablePanel::pasteRows));

    m_newScenarioAction = new QAction(tr("&New Scenario"), this);
    m_newScenarioAction->setShortcut(QKeySequence::New);
    connect(m_newScenarioAction, &QAction::triggered, m_workspacePanel, &views::WorkspacePanel::newScenario);
    m_duplicateScenarioAction = new QAction(tr("&Duplicate Scenario"), this);
    connect(m_duplicateScenarioAction, &QAction::triggered, m_workspacePanel,
            &views::WorkspacePanel::duplicateScenario);
    m_renameScenarioAction = new QAction(tr("&Rename Scenario\u2026"), this);
    connect(m_renameScenarioAction, &QAction::triggered, m_workspacePanel, &views::WorkspacePanel::renameScenario);
    connect(m_workspacePanel, &views::WorkspacePanel::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_deleteScenarioAction = new QAction(tr("De&lete Scenario\u2026"), this);
    connect(m_deleteScenarioAction, &QAction::triggered, m_workspacePanel,
            [this] { m_workspacePanel->deleteScenario(); });

    m_optimizeAction = new QAction(tr("&Optimize\u2026"), this);
    m_optimizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_optimizeAction->setStatusTip(
        tr("Which optional items to keep and when to order and retire them, to reach full power by a month at the best NPV"));
    m_optimizeAction->setEnabled(false);
    connect(m_optimizeAction, &QAction::triggered, this, &MainWindow::showOptimize);

    m_referenceDataAction = new QAction(tr("&Reference Data\u2026"), this);
    m_referenceDataAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_referenceDataAction, &QAction::triggered, this, &MainWindow::showReferenceData);

    m_quickTourAction = new QAction(tr("&Quick Tour"), this);
    m_quickTourAction->setShortcut(QKeySequence::HelpContents);
    connect(m_quickTourAction, &QAction::triggered, this, &MainWindow::showQuickTour);
    m_methodologyAction = new QAction(tr("&Methodology"), this);
    connect(m_methodologyAction, &QAction::triggered, this, &MainWindow::showMethodology);
    m_aboutAction = new QAction(tr("&About ClusterPlan"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(m_newWorkspaceAction);
    m_fileMenu->addAction(m_openWorkspaceAction);
    m_fileMenu->addAction(m_openTeamWorkspaceAction);
    m_recentMenu = m_fileMenu->addMenu(tr("Recent &Workspaces"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_fileMenu->addAction(m_saveCopyAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_exports->exportReportAction());
    m_fileMenu->addAction(m_exports->exportResultsAction());
    m_fileMenu->addAction(m_exports->exportComparisonAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_cutRowsAction);
    m_editMenu->addAction(m_copyRowsAction);
    m_editMenu->addAction(m_pasteRowsAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    m_scenarioMenu = menuBar()->addMenu(tr("&Scenario"));
    m_scenarioMenu->addAction(m_newScenarioAction);
    m_scenarioMenu->addAction(m_duplicateScenarioAction);
    m_scenarioMenu->addAction(m_renameScenarioAction);
    m_scenarioMenu->addAction(m_deleteScenarioAction);
    m_scenarioMenu->addSeparator();
    m_scenarioMenu->addAction(m_optimizeAction);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(m_quickTourAction);
    m_helpMenu->addAction(m_methodologyAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_newScenarioAction);
    m_toolBar->addAction(m_referenceDataAction);
}

void MainWindow::createDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *content, Qt::DockWidgetArea area) {
        auto *widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        widget->setWidget(content);
        widget->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                            | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, widget);
        return widget;
    };
    m_workspaceDock = dock(tr("Workspace"), QStringLiteral("workspaceDock"), m_workspacePanel, Qt::LeftDockWidgetArea);
    m_kpiDock = dock(tr("Key figures"), QStringLiteral("kpiDock"), m_kpiPanel, Qt::RightDockWidgetArea);
    m_warningsDock = dock(tr("Warnings"), QStringLiteral("warningsDock"), m_warningsPanel, Qt::BottomDockWidgetArea);
    // The side docks run the full height; the warnings sit under the work only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_workspaceDock, m_kpiDock}, {230, 230}, Qt::Horizontal);
    resizeDocks({m_warningsDock}, {130}, Qt::Vertical);

    for (QDockWidget *widget : {m_workspaceDock, m_kpiDock, m_warningsDock})
        m_viewMenu->addAction(widget->toggleViewAction());
    m_viewMenu->addSeparator();
    for (int index = 0; index < m_tabs->count(); ++index) {
        QAction *action = m_viewMenu->addAction(m_tabs->tabText(index));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        connect(action, &QAction::triggered, this, [this, index] { showPage(static_cast<Page>(index)); });
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_referenceDataAction);
}

void MainWindow::createStatusBar()
{
    m_readOnlyBadge = new QLabel(tr(" READ-ONLY "), this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setAutoFillBackground(true);
    QPalette badge = m_readOnlyBadge->palette();
    badge.setColor(QPalette::Window, QColor(0xb4, 0x53, 0x09));
    badge.setColor(QPalette::WindowText, Qt::white);
    m_readOnlyBadge->setPalette(badge);
    m_readOnlyBadge->hide();
    m_solveLabel = new QLabel(this);
    m_solveLabel->setObjectName(QStringLiteral("solveStatus"));
    m_solveLabel->setMinimumWidth(150);
    m_solveLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_exportNotice = new QLabel(this);
    m_exportNotice->setObjectName(QStringLiteral("exportNotice"));
    m_exportNotice->setTextFormat(Qt::RichText);
    m_exportNotice->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_exportNotice->setOpenExternalLinks(true); // the folder opens in the desktop's file manager
    m_exportNotice->hide();
    statusBar()->addWidget(m_exportNotice, 1);
    connect(m_exports, &report::ExportActions::exported, this, &MainWindow::showExported);
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    statusBar()->addPermanentWidget(m_solveLabel);
}

bool MainWindow::openWorkspace(const QString &path)
{
    const WorkspaceError error = m_session->open(path);
    if (error.isError()) {
        showError(tr("Cannot open the workspace"), error.message);
        return false;
    }
    recent::addWorkspace(m_session->workspace()->path());
    return true;
}

bool MainWindow::openStartupWorkspace()
{
    const QStringList recentPaths = recent::workspaces();
    if (!recentPaths.isEmpty() && !m_session->open(recentPaths.constFirst()).isError()) {
        recent::addWorkspace(m_session->workspace()->path());
        return true;
    }
    const WorkspaceError error = m_session->openDefault();
    if (error.isError()) {
        showError(tr("Cannot open the default workspace"), error.message);
        return false;
    }
    recent::addWorkspace(m_session->workspace()->path());
    return true;
}

void MainWindow::workspaceChanged()
{
    Workspace *workspace = m_session->workspace();
    const bool readOnly = workspace && workspace->isReadOnly();
    m_readOnlyBanner->setVisible(readOnly);
    m_readOnlyBadge->setVisible(readOnly);
    if (readOnly) {
        m_readOnlyBanner->setText(tr("Read-only: %1. You can look and export, but changes cannot be saved. Use File > "
                                     "Save a Copy As to work on a copy.")
                                      .arg(workspace->readOnlyReason()));
        m_readOnlyBadge->setToolTip(workspace->readOnlyReason());
    }
    m_saveCopyAction->setEnabled(workspace);
    m_importAction->setEnabled(workspace && !readOnly);
    for (QAction *action :
         {m_newScenarioAction, m_duplicateScenarioAction, m_renameScenarioAction, m_deleteScenarioAction})
        action->setEnabled(workspace && !readOnly);

    updateTitle();
    m_exports->setWorkspacePath(workspace ? workspace->path() : QString());
    m_compare->setWorkspace(workspace);

    // Show the scenario last shown in this workspace, else the first.
    if (!workspace)
        return;
    const auto scenarios = workspace->scenarios();
    if (scenarios.empty())
        return;
    ScenarioId id = scenarios.front().id;
    if (const auto last = workspace->findScenario(recent::lastScenario(workspace->path())))
        id = *last;
    else if (const auto featured = workspace->findScenario(featuredExampleName()))
        id = *featured; // a first start: the example that shows the product best
    m_compareFollowsScenario = true;
    m_workspacePanel->selectScenario(id);
}

// Until the user picks in the Compare tab, it shows the scenario being edited against the one
// after it, so the tab has something to say at once and it is about what the user looks at.
void MainWindow::compareWithNext(ScenarioId id)
{
    Workspace *workspace = m_session->workspace();
    if (!m_compareFollowsScenario || !workspace)
        return;
    const auto scenarios = workspace->scenarios();
    if (scenarios.size() < 2)
        return;
    const auto shown =
        std::find_if(scenarios.begin(), scenarios.end(), [id](const ScenarioInfo &info) { return info.id == id; });
    const std::size_t at = shown == scenarios.end() ? 0 : static_cast<std::size_t>(shown - scenarios.begin());
    m_compare->setSelection({scenarios[at].name, scenarios[(at + 1) % scenarios.size()].name});
}

void MainWindow::documentChanged(ScenarioDocument *document)
{
    m_editor->setDocument(document);
    m_sitesOverview->setDocument(document);
    m_liveSolver->setDocument(document);
    m_exportAction->setEnabled(document);
    m_optimizeAction->setEnabled(document);
    if (document) {
        connect(document, &ScenarioDocument::changed, this, &MainWindow::updateTitle, Qt::UniqueConnection);
        compareWithNext(document->scenarioId());
    }
    rememberScenario();
    updateTitle();
}

void MainWindow::showSolved(const std::shared_ptr<const SolvedScenario> &result)
{
    m_kpiPanel->setSolved(result);
    m_warningsPanel->setSolved(result);
    m_charts->setSolved(result);
    m_risk->setSolved(result);
    m_sitesOverview->setSolved(result);
    m_exports->setSolved(result);
    if (!result)
        m_solveLabel->clear();
    else if (!result->ok())
        m_solveLabel->setText(tr("not solved: %1")
                                  .arg(format::nounCount(static_cast<long long>(result->problems.size()), tr("problem"),
                                                         tr("problems"))));
    else
        m_solveLabel->setText(
            tr("solved in %1 ms").arg(result->solveMilliseconds, 0, 'f', result->solveMilliseconds < 10 ? 2 : 0));
    emit solved(result);
}

QString MainWindow::solveStatus() const
{
    return m_solveLabel->text();
}

void MainWindow::showField(const FieldPath &path)
{
    m_tabs->setCurrentWidget(m_editor);
    m_editor->showField(path);
}

void MainWindow::updateTitle()
{
    QString title;
    if (ScenarioDocument *document = m_session->currentDocument())
        title = document->scenario().name + QStringLiteral(" \u2014 ");
    if (Workspace *workspace = m_session->workspace()) {
        title += QFileInfo(workspace->path()).fileName();
        if (workspace->isReadOnly())
            title += tr(" [read-only]");
    }
    setWindowTitle(title.isEmpty() ? QString::fromLatin1(kAppName) : title);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = recent::workspaces();
    for (const QString &path : paths) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear the List"), this, [] { recent::clearWorkspaces(); });
}

void MainWindow::rememberScenario()
{
    Workspace *workspace = m_session->workspace();
    ScenarioDocument *document = m_session->currentDocument();
    if (workspace && document)
        recent::setLastScenario(workspace->path(), document->scenario().name);
}

void MainWindow::showError(const QString &title, const QString &message, const QString &details)
{
    statusBar()->showMessage(title, 8000);
    // Window-modal and not blocking: the window stays responsive (and testable) behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorBox"));
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->open();
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), documentsFolder(), kWorkspaceFilter, nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".clusterplan")))
        path += QStringLiteral(".clusterplan");
    if (QFileInfo::exists(path)) {
        showError(tr("Cannot make the workspace"),
                  tr("%1 already exists. Open it with File > Open Workspace, or choose another name.").arg(path));
        return;
    }
    if (openWorkspace(path))
        statusBar()->showMessage(tr("New workspace %1. Add a scenario with New or File > Import.").arg(path), 8000);
}

void MainWindow::openWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), documentsFolder(), kWorkspaceFilter);
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::openTeamWorkspaceDialog()
{
    views::TeamWorkspaceDialog dialog(this);
    if (Workspace *workspace = m_session->workspace(); workspace && workspace->isServer())
        dialog.setUri(workspace->path());
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The password goes to the connection only; the recent list keeps the URI (which has none).
    const WorkspaceError error = m_session->openServer(dialog.uri(), dialog.password());
    if (error.isError()) {
        showError(tr("Cannot open the team workspace"), error.message);
        return;
    }
    recent::addWorkspace(m_session->workspace()->path());
}

void MainWindow::offerReload(qint64 id, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Someone else saved this scenario"), message, QMessageBox::NoButton, this);
    QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::AcceptRole);
    box.addButton(tr("Keep Looking"), QMessageBox::RejectRole);
    box.setInformativeText(tr("Reload replaces this scenario with the saved one and clears its undo history; your "
                              "refused change is not in it."));
    box.exec();
    if (box.clickedButton() != reload)
        return;
    QString error;
    if (!m_session->reloadScenario(id, &error))
        showError(tr("Cannot reload the scenario"), error);
}

void MainWindow::saveCopyAs()
{
    if (!m_session->workspace())
        return;
    QString path
        = QFileDialog::getSaveFileName(this, tr("Save a Copy of the Workspace"), documentsFolder(), kWorkspaceFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".clusterplan")))
        path += QStringLiteral(".clusterplan");
    const bool readOnly = m_session->workspace()->isReadOnly();
    QString error;
    if (!m_session->saveCopyAs(path, &error)) {
        showError(tr("Cannot save a copy"), error);
        return;
    }
    // From a read-only workspace the copy is where the work goes on.
    if (readOnly)
        openWorkspace(path);
    else
        statusBar()->showMessage(tr("Saved a copy as %1").arg(path), 8000);
}

void MainWindow::importScenario()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Scenario"), documentsFolder(), kJsonFilter);
    if (file.isEmpty())
        return;
    std::vector<Problem> problems;
    QString error;
    const auto id = m_session->importScenario(file, &problems, &error);
    if (!id) {
        QStringList lines;
        for (const Problem &problem : problems)
            lines << problem.toString();
        showError(tr("Nothing was imported"),
                  problems.empty() ? error : tr("%1\n\n%2").arg(error, lines.mid(0, 5).join(QLatin1Char('\n'))),
                  lines.size() > 5 ? lines.join(QLatin1Char('\n')) : QString());
        return;
    }
    m_workspacePanel->selectScenario(*id);
    statusBar()->showMessage(tr("Imported %1").arg(QFileInfo(file).fileName()), 6000);
}

void MainWindow::exportScenario()
{
    ScenarioDocument *document = m_session->currentDocument();
    if (!document)
        return;
    QString suggested = document->scenario().name;
    suggested.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Scenario"), documentsFolder() + QLatin1Char('/') + suggested + QStringLiteral(".json"),
        kJsonFilter);
    if (file.isEmpty())
        return;
    QString error;
    if (!m_session->exportScenario(document->scenarioId(), file, &error))
        showError(tr("Cannot export the scenario"), error);
    else
        showExported(tr("Scenario (JSON, every value resolved)"), file);
}

void MainWindow::showExported(const QString &what, const QString &path)
{
    // Where it went, with the way to it: the notice stays until the next export or message.
    const QFileInfo file(path);
    m_exportNotice->setText(tr("%1 saved to %2 — <a href=\"%3\">Open folder</a>")
                                .arg(what.toHtmlEscaped(), file.absoluteFilePath().toHtmlEscaped(),
                                     QUrl::fromLocalFile(file.absolutePath()).toString(QUrl::FullyEncoded)));
    m_exportNotice->setToolTip(file.absoluteFilePath());
    m_exportNotice->show();
    statusBar()->clearMessage();
}

void MainWindow::showReferenceData()
{
    if (!m_referenceData)
        m_referenceData = new views::ReferenceDataWindow(m_catalog, this);
    m_referenceData->show();
    m_referenceData->raise();
    m_referenceData->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About ClusterPlan"),
                       tr("<h3>%1</h3><p>Plan AI GPU clusters: when accelerators can be powered and cooled, "
                          "what it costs and when the money goes out.</p>")
                           .arg(QString::fromLatin1(kVersionLine)));
}

QString MainWindow::quickTourText()
{
    return tr(
        "<h3>Start here</h3>"
        "<p>A <b>scenario</b> is one plan: sites, each with a facility, compute tranches, power sources and "
        "cooling plants, each ordered in a month with a lead time. ClusterPlan works out when each accelerator "
        "can actually be powered and cooled, what it costs and when the money goes out. The workspace on the "
        "left holds your scenarios; every edit is saved as you go and can be undone (Ctrl+Z).</p>"
        "<h4>The tabs</h4><ul>"
        "<li><b>Plan</b>: the inputs. Empty fields take the catalog's value (in italics; hover for its source). "
        "Three-point fields take low / likely / high: the plan uses likely, risk runs the range.</li>"
        "<li><b>Timeline</b>: when the facility is ready and each item arrives; what holds the plan back.</li>"
        "<li><b>Power</b>: demand against firm supply, month by month.</li>"
        "<li><b>Accelerators</b>: planned, energized and stranded accelerators and compute.</li>"
        "<li><b>Spend</b>: capex and opex by month and category, and by calendar or fiscal year.</li>"
        "<li><b>Risk</b>: samples every low / likely / high range; dates and costs as percentiles, and which "
        "inputs move them most.</li>"
        "<li><b>Compare</b>: scenarios side by side.</li></ul>"
        "<p>The KPIs on the right and the warnings below follow every edit; click a warning to go to its "
        "field.</p>"
        "<h4>The methodology</h4><p>Help &gt; Methodology explains how every number is computed; it is also the "
        "appendix of every PDF report (File &gt; Export Report).</p>"
        "<h4>The command line</h4><p><code>clusterplan-cli</code> does every job without the window: "
        "<code>clusterplan-cli validate plan.json</code> checks a plan (the same rules as the editor), "
        "<code>clusterplan-cli solve plan.json --json out.json --csv out.csv</code> writes the results, "
        "<code>clusterplan-cli report plan.json --pdf plan.pdf</code> the board report, and <code>risk</code>, <code>compare</code>, <code>import</code> and <code>export</code> the rest. "
        "<code>clusterplan-cli --help</code> lists them all.</p>");
}

void MainWindow::showQuickTour()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Quick Tour"));
    box.setTextFormat(Qt::RichText);
    box.setText(quickTourText());
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

void MainWindow::showMethodology()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Methodology"));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QTextBrowser(dialog);
    text->setMarkdown(report::methodologyMarkdown());
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(760, 640);
    dialog->show();
}

void MainWindow::showOptimize()
{
    ScenarioDocument *document = m_session->currentDocument();
    if (!document)
        return;
    // The last solve, unless an edit is still waiting for its solve: then solve it now.
    std::shared_ptr<const SolvedScenario> solved = m_liveSolver->latest();
    if (!solved || solved->scenario != document->scenario())
        solved = solveScenario(document->scenario(), m_catalog, currentMonth());
    auto *dialog = new views::OptimizeDialog(*m_session, solved, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal); // the scenario stays the one it optimizes
    connect(dialog, &views::OptimizeDialog::scenarioSaved, this, [this](qint64) {
        statusBar()->showMessage(tr("Added the optimized plan to the workspace; Edit > Undo takes it out."), 10000);
    });
    dialog->show();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1366, 768);
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    rememberScenario();
    saveWindowState();
    event->accept();
}

} // namespace cp::gui
