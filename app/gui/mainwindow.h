#pragma once

#include <QMainWindow>

class QAction;
class QMenu;
class QTabWidget;

namespace cp::gui {

// The application window: menus, tabs for the work, docks for workspace, KPIs and warnings.
// It composes views; it owns no plan data of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreWindowState();
    void saveWindowState() const;
    void showAbout();

    QTabWidget *m_tabs = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace cp::gui
