#pragma once

#include "domain/problem.h"
#include "storage/workspace.h"

#include <QObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QUndoGroup;

namespace cp {

class Catalog;
class ScenarioDocument;
struct Scenario;

// The open workspace and the scenarios open from it: what the main window shows, without any
// widget. A document is loaded the first time it is shown and kept while the workspace is
// open, so each scenario keeps its own undo history when the user switches between them. The
// undo group's active stack is the current document's.
class WorkspaceSession final : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceSession(const Catalog &catalog, QObject *parent = nullptr);
    ~WorkspaceSession() override;

    // Opens `path` for editing, or read-only when another program edits it or the file is
    // read-only (see Workspace::readOnlyReason()); a missing file becomes a new, empty workspace.
    // On failure the workspace open before stays open and the error says why.
    WorkspaceError open(const QString &path);
    // A team workspace (a libpq URI) with the password the user typed: passed to the connection in
    // memory only (empty: libpq's ~/.pgpass or PGPASSWORD). The session then listens for other
    // users' changes (see changedElsewhere handling below).
    WorkspaceError openServer(const QString &uri, const QString &password);
    // The default workspace (cp::defaultWorkspacePath()), made with the shipped examples on first start.
    WorkspaceError openDefault();

    [[nodiscard]] Workspace *workspace() const { return m_workspace.get(); }
    [[nodiscard]] const Catalog &catalog() const { return m_catalog; }
    [[nodiscard]] QUndoGroup *undoGroup() const { return m_undoGroup; }

    [[nodiscard]] ScenarioDocument *currentDocument() const { return m_current; }
    // Shows `id` (nullopt: none). False with the reason when its stored document cannot be read.
    bool setCurrentScenario(std::optional<ScenarioId> id, QString *error = nullptr);
    // The scenario's document, loaded on first use; nullptr with the reason when it cannot be read.
    ScenarioDocument *document(ScenarioId id, QString *error = nullptr);

    // Workspace list edits. Names are made unique ("Name (2)") where the user did not type them.
    std::optional<ScenarioId> createScenario(const QString &name, QString *error = nullptr);
    std::optional<ScenarioId> duplicateScenario(ScenarioId id, QString *error = nullptr);
    bool renameScenario(ScenarioId id, const QString &name, QString *error = nullptr);
    bool removeScenario(ScenarioId id, QString *error = nullptr);
    // Adds `scenario` under its name (made unique) as one step of `from`'s undo history, so Undo
    // in that scenario takes it out again (the optimizer's "Save as new scenario"). A scenario
    // edited since it was added stays on Undo: taking it out would lose that work.
    std::optional<ScenarioId> addScenarioUndoable(const Scenario &scenario, ScenarioDocument *from,
                                                  QString *error = nullptr);

    // Adds the scenario of a JSON file (docs/scenario-format.md). Nothing is added when the file
    // has any problem: every one goes to *problems (file, JSON path, reason).
    std::optional<ScenarioId> importScenario(const QString &file, std::vector<Problem> *problems,
                                             QString *error = nullptr);
    // Writes the scenario with every value resolved (docs/scenario-format.md, section 3),
    // atomically.
    bool exportScenario(ScenarioId id, const QString &file, QString *error = nullptr);
    bool saveCopyAs(const QString &path, QString *error = nullptr);

    // Replaces the open document of `id` with the workspace's stored one (after a conflict, or
    // another user's save). Its undo history is cleared: undoing into the stale revision would
    // save it over the newer one. Nothing changes when the stored one cannot be read (false, why).
    bool reloadScenario(ScenarioId id, QString *error = nullptr);
    // True when the user has edits of `id` in its undo history (reloading would drop them).
    [[nodiscard]] bool hasLocalEdits(ScenarioId id) const;

signals:
    // A workspace was opened in place of the one before (whose documents are closed).
    void workspaceChanged(cp::Workspace *workspace);
    void currentDocumentChanged(cp::ScenarioDocument *document);
    // A document could not save an edit (it stayed as it was).
    void saveFailed(const QString &message);
    // A save was refused because someone else saved `id` since it was loaded; nothing was
    // overwritten. The window offers to reload.
    void saveConflict(qint64 id, const QString &message);
    // Another user saved `id` (revision `revision`) while this session has edits of it in its undo
    // history, so it was not reloaded by itself: the window offers to.
    void newerRevisionAvailable(qint64 id, qint64 revision, const QString &by);
    // The open document of `id` was replaced by the stored one (reloadScenario).
    void scenarioReloaded(qint64 id);

private:
    friend class AddScenarioCommand;
    WorkspaceError adopt(Workspace::OpenResult opened);
    void closeDocuments();
    void onScenarioChanged(int row, qint64 id);
    void onScenarioRemoved(int row, qint64 id);
    void onChangedElsewhere(qint64 id, qint64 revision, const QString &action, const QString &by);
    // A new document object for `id`, read from the workspace (not yet in m_documents).
    ScenarioDocument *loadDocumentObject(ScenarioId id, QString *error);
    bool fail(const QString &message, QString *error) const;
    QString uniqueScenarioName(const QString &base) const;

    const Catalog &m_catalog;
    std::unique_ptr<Workspace> m_workspace;
    QUndoGroup *m_undoGroup;
    std::map<ScenarioId, ScenarioDocument *> m_documents;
    ScenarioDocument *m_current = nullptr;
};

} // namespace cp
