#pragma once

#include "fields/fieldpath.h"
#include "document/scenariochange.h"
#include "fields/scenarioitems.h"
#include "domain/scenario.h"
#include "domain/problem.h"
#include "storage/workspace.h"

#include <QObject>
#include <QVariant>

#include <functional>
#include <optional>
#include <vector>

class QUndoCommand;
class QUndoStack;

namespace cp {

class Catalog;

// One open scenario: its value, its undo stack and its place in a workspace.
//
// Every edit is an undo command (setValue, the row and site operations below), also edits that come
// through an item model's setData. A command is checked before it is pushed: an edit that would
// make the scenario break a rule of docs/scenario-format.md, section 7, is refused with the reason
// and never reaches the document. After every step (do, undo, redo) the document saves its
// canonical JSON to the workspace, one transaction; when that save fails the document stays as it
// was, the step is taken back (a new edit is dropped, an undo or redo is not made) and saveFailed()
// says why. Listeners follow one signal, changed(), sent after the change.
class ScenarioDocument final : public QObject
{
    Q_OBJECT

public:
    // `workspace` null: a document in memory only (nothing is saved). The scenario must be
    // valid (as parseScenarioJson returns it); its name is the workspace list's name.
    ScenarioDocument(Scenario scenario, const Catalog &catalog, Workspace *workspace = nullptr, ScenarioId id = 0,
                     QObject *parent = nullptr);
    ~ScenarioDocument() override;

    [[nodiscard]] const Scenario &scenario() const { return m_scenario; }
    // The scenario with every default filled from the format's rules (docs/scenario-format.md)
    // and the catalog (what the editor shows for an empty field).
    [[nodiscard]] const Scenario &resolved() const;
    [[nodiscard]] const Catalog &catalog() const { return m_catalog; }
    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }
    [[nodiscard]] Workspace *workspace() const { return m_workspace; }
    [[nodiscard]] ScenarioId scenarioId() const { return m_id; }
    [[nodiscard]] bool isReadOnly() const;
    // Why edits are refused when the workspace is read-only; empty otherwise.
    [[nodiscard]] QString readOnlyReason() const;

    [[nodiscard]] QVariant value(const FieldPath &path) const;
    // Why `value` cannot go into the field (kind, range, a name used twice, read-only), or
    // empty when it can.
    [[nodiscard]] QString checkValue(const FieldPath &path, const QVariant &value) const;
    // One undo command; consecutive changes of one field merge into one step. Returns false
    // with the reason when refused. Setting the value the field has is a success that pushes
    // nothing.
    bool setValue(const FieldPath &path, const QVariant &value, QString *reason = nullptr);

    // Inserts rows of one list at `row` of a site, as one command (a paste of many rows is one
    // undo step). Refused with every problem found (paths as after the insert) when any item
    // breaks a rule. Every item must belong to the same list.
    bool insertItems(int site, int row, const std::vector<ScenarioItem> &items, const QString &commandText,
                     QString *reason = nullptr, std::vector<Problem> *problems = nullptr);
    // A new row with a name the site does not use yet, at `row` (-1: at the end). Returns its row.
    std::optional<int> addItem(int site, ItemList list, int row = -1, QString *reason = nullptr);
    // Copies of `rows`, placed after the last of them, named "<name> (2)", ...
    bool duplicateItems(int site, ItemList list, std::vector<int> rows, QString *reason = nullptr);
    bool removeItems(int site, ItemList list, std::vector<int> rows, QString *reason = nullptr);
    bool moveItem(int site, ItemList list, int from, int to, QString *reason = nullptr);

    // Sites: add (-1: at the end), duplicate (after the original), remove, move. One command each.
    std::optional<int> addSite(int at = -1, QString *reason = nullptr);
    std::optional<int> duplicateSite(int site, QString *reason = nullptr);
    bool removeSite(int site, QString *reason = nullptr);
    bool moveSite(int from, int to, QString *reason = nullptr);
    // Moves every order month (and order window) of `sites` by `months` (negative: earlier), as
    // one undo step. Refused, changing nothing, when the result breaks a rule (e.g. an order
    // before the plan starts).
    bool shiftOrderMonths(std::vector<int> sites, int months, QString *reason = nullptr);

    // The scenario was renamed in the workspace list (which holds the name): takes the name
    // without an undo step or a save.
    void adoptWorkspaceName(const QString &name);

    // Why the last save failed; empty when it worked.
    [[nodiscard]] QString lastSaveError() const { return m_lastSaveError; }

signals:
    void changed(const cp::ScenarioChange &change);
    // A save to the workspace failed; the document is as it was before the step.
    void saveFailed(const QString &message);

private:
    friend class ScenarioCommand;
    enum class Step { None, Undo, Redo };

    // Makes the change on a copy, saves it, and only then takes it and sends `changes`.
    bool apply(const std::function<void(Scenario &)> &mutate, const std::vector<ScenarioChange> &changes);
    bool save(const Scenario &scenario);
    void stepFailed(Step step) { m_failedStep = step; }
    void restoreStackIndex();
    // The reason `candidate` may not replace the scenario, or empty; every new problem into *problems.
    QString refusal(const Scenario &candidate, std::vector<Problem> *problems = nullptr) const;
    bool refuse(const QString &message, QString *reason) const;
    // Pushes (which runs it); false with the save's error when the save failed and the stack dropped it.
    bool push(QUndoCommand *command, QString *reason);
    bool siteExists(int site) const;

    Scenario m_scenario;
    const Catalog &m_catalog;
    Workspace *m_workspace;
    ScenarioId m_id;
    QUndoStack *m_undoStack;
    std::vector<Problem> m_problems; // of m_scenario; empty for every document loaded from a valid file
    mutable std::optional<Scenario> m_resolved;
    QString m_lastSaveError;
    Step m_failedStep = Step::None;
    bool m_replaying = false;
};

} // namespace cp
