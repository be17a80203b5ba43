#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QToolBar;

namespace cp {
class Catalog;
class LiveSolver;
class ScenarioDocument;
class WorkspaceSession;
struct FieldPath;
struct SolvedScenario;
} // namespace cp

namespace cp::report {
class ExportActions;
}

namespace cp::views {
class CompareView;
class KpiPanel;
class RiskPanel;
class ScenarioChartsPanel;
class ReferenceDataWindow;
class ScenarioEditor;
class SitesOverviewPanel;
class WarningsPanel;
class WorkspacePanel;
class NewerRevisionBanner;
} // namespace cp::views

namespace cp::gui {

// The application window. It only wires: the workspace session and live solver (models/) to
// the panels, editor, charts, risk and compare views (views/), menus to their actions, and
// remembers its layout. Docks for the workspace, the KPIs and the warnings; tabs for the work:
// Plan, Timeline, Power, Accelerators, Spend, Risk and Compare (Ctrl+1 to Ctrl+7).
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The tabs, in their order.
    enum class Page { Plan, Timeline, Power, Accelerators, Spend, Risk, Compare, Sites };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Open a workspace (a missing file becomes a new one). On failure the open workspace stays
    // and the reason is shown; returns false.
    bool openWorkspace(const QString &path);
    // The most recent workspace that still exists, else the default one (made with the shipped
    // examples on first start).
    bool openStartupWorkspace();
    // Help > Quick Tour: the tabs, the methodology, the command line.
    [[nodiscard]] static QString quickTourText();

    void showPage(Page page);

    [[nodiscard]] WorkspaceSession &session() const { return *m_session; }
    [[nodiscard]] LiveSolver &liveSolver() const { return *m_liveSolver; }
    [[nodiscard]] views::ScenarioEditor *scenarioEditor() const { return m_editor; }
    [[nodiscard]] views::WorkspacePanel *workspacePanel() const { return m_workspacePanel; }
    [[nodiscard]] views::KpiPanel *kpiPanel() const { return m_kpiPanel; }
    [[nodiscard]] views::WarningsPanel *warningsPanel() const { return m_warningsPanel; }
    [[nodiscard]] views::ScenarioChartsPanel *chartsPanel() const { return m_charts; }
    [[nodiscard]] views::RiskPanel *riskPanel() const { return m_risk; }
    [[nodiscard]] views::CompareView *compareView() const { return m_compare; }
    [[nodiscard]] views::SitesOverviewPanel *sitesOverview() const { return m_sitesOverview; }
    [[nodiscard]] report::ExportActions *exportActions() const { return m_exports; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QLabel *readOnlyBanner() const { return m_readOnlyBanner; }
    [[nodiscard]] QAction *optimizeAction() const { return m_optimizeAction; }
    [[nodiscard]] QString solveStatus() const;

signals:
    // Every solve of the scenario being edited (nullptr when none is open).
    void solved(std::shared_ptr<const cp::SolvedScenario> solved);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void createPages();
    void restoreWindowState();
    void saveWindowState() const;

    void workspaceChanged();
    void documentChanged(ScenarioDocument *document);
    void compareWithNext(qint64 id); // id: a ScenarioId
    void showSolved(const std::shared_ptr<const SolvedScenario> &result);
    void showField(const FieldPath &path);
    void updateTitle();
    void updateRecentMenu();
    void rememberScenario();
    void showError(const QString &title, const QString &message, const QString &details = QString());

    void newWorkspace();
    void openWorkspaceDialog();
    void openTeamWorkspaceDialog();
    void offerReload(qint64 id, const QString &message); // a save refused by a conflict
    void saveCopyAs();
    void importScenario();
    void exportScenario();
    void showReferenceData();
    void showAbout();
    void showQuickTour();
    void showExported(const QString &what, const QString &path);
    void showMethodology();
    void showOptimize();

    const Catalog &m_catalog;
    WorkspaceSession *m_session;
    LiveSolver *m_liveSolver;

    QTabWidget *m_tabs;
    views::ScenarioEditor *m_editor;
    views::ScenarioChartsPanel *m_charts; // hidden: its pages are tabs of m_tabs
    views::RiskPanel *m_risk;
    views::CompareView *m_compare;
    views::SitesOverviewPanel *m_sitesOverview;
    report::ExportActions *m_exports;
    QLabel *m_readOnlyBanner;
    views::NewerRevisionBanner *m_newerRevisionBanner;
    views::WorkspacePanel *m_workspacePanel;
    views::KpiPanel *m_kpiPanel;
    views::WarningsPanel *m_warningsPanel;
    QDockWidget *m_workspaceDock = nullptr;
    QDockWidget *m_kpiDock = nullptr;
    QDockWidget *m_warningsDock = nullptr;
    views::ReferenceDataWindow *m_referenceData = nullptr;
    QLabel *m_solveLabel = nullptr;
    bool m_compareFollowsScenario = true; // until the user picks in the Compare tab
    QLabel *m_readOnlyBadge = nullptr;
    QLabel *m_exportNotice = nullptr; // where the last export went, with a link to its folder
    QToolBar *m_toolBar = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_scenarioMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_newWorkspaceAction = nullptr;
    QAction *m_openWorkspaceAction = nullptr;
    QAction *m_openTeamWorkspaceAction = nullptr;
    QAction *m_saveCopyAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_cutRowsAction = nullptr;
    QAction *m_copyRowsAction = nullptr;
    QAction *m_pasteRowsAction = nullptr;
    QAction *m_newScenarioAction = nullptr;
    QAction *m_duplicateScenarioAction = nullptr;
    QAction *m_renameScenarioAction = nullptr;
    QAction *m_deleteScenarioAction = nullptr;
    QAction *m_optimizeAction = nullptr;
    QAction *m_referenceDataAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quickTourAction = nullptr;
    QAction *m_methodologyAction = nullptr;
};

} // namespace cp::gui
