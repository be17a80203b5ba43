#pragma once

#include "storage/workspace.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QPushButton;

namespace cp {
class WorkspaceListModel;
class WorkspaceSession;
} // namespace cp

namespace cp::views {

class InlineMessage;

// The scenarios of the open workspace: pick one to edit; New, Duplicate, Rename (F2 or a
// double-click) and Delete (confirmed: a deleted scenario cannot be brought back). Failures
// (a name already used, a read-only workspace) are named under the list.
class WorkspacePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit WorkspacePanel(WorkspaceSession &session, QWidget *parent = nullptr);

    [[nodiscard]] WorkspaceListModel *model() const { return m_model; }
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] std::optional<ScenarioId> currentScenario() const;
    // Selects the scenario (which makes it current in the session).
    void selectScenario(ScenarioId id);
    [[nodiscard]] QString message() const;

    void newScenario();
    // Makes the copy next to it and stays on the scenario being edited, so its undo history
    // stays at hand; notice() says where the copy is.
    void duplicateScenario();
    void renameScenario();
    // Asks first; `confirmed` skips the question (tests, scripted use).
    void deleteScenario(bool confirmed = false);

signals:
    // Something done that the window's status bar should say.
    void notice(const QString &text);

private:
    void workspaceChanged();
    void currentChanged();
    void updateButtons();
    void showError(const QString &message);

    WorkspaceSession &m_session;
    WorkspaceListModel *m_model;
    QLabel *m_file;
    QListView *m_view;
    QPushButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_rename;
    QPushButton *m_delete;
    InlineMessage *m_message;
};

} // namespace cp::views
