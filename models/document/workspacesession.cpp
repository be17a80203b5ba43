#include "document/workspacesession.h"

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "document/scenariodocument.h"
#include "fields/scenarioitems.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "storage/defaultworkspace.h"
#include "storage/storedscenario.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>
#include <QUndoCommand>
#include <QUndoGroup>
#include <QUndoStack>

#include <utility>

namespace cp {

WorkspaceSession::WorkspaceSession(const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_undoGroup(new QUndoGroup(this))
{
}

WorkspaceSession::~WorkspaceSession()
{
    blockSignals(true); // whoever listens may be going away too
    closeDocuments();
}

WorkspaceError WorkspaceSession::open(const QString &path)
{
    // A server workspace has no file to resolve: the same URI is the same workspace.
    if (m_workspace
        && (m_workspace->isServer() ? m_workspace->path() == path
                                    : QFileInfo(m_workspace->path()).canonicalFilePath() == QFileInfo(path).canonicalFilePath()))
        return {}; // already open here; a second open would only find our own lock
    return adopt(Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly));
}

WorkspaceError WorkspaceSession::openServer(const QString &uri, const QString &password)
{
    if (m_workspace && m_workspace->isServer() && m_workspace->path() == uri)
        return {};
    return adopt(Workspace::open(uri, Workspace::OpenMode::ReadWriteOrReadOnly, password));
}

WorkspaceError WorkspaceSession::openDefault()
{
    if (m_workspace
        && QFileInfo(m_workspace->path()).canonicalFilePath() == QFileInfo(defaultWorkspacePath()).canonicalFilePath())
        return {};
    return adopt(openOrCreateDefaultWorkspace(Workspace::OpenMode::ReadWriteOrReadOnly));
}

WorkspaceError WorkspaceSession::adopt(Workspace::OpenResult opened)
{
    if (!opened.workspace)
        return opened.error;
    closeDocuments();
    // The old workspace goes after everyone has moved to the new one (its lock with it).
    std::unique_ptr<Workspace> previous = std::exchange(m_workspace, std::move(opened.workspace));
    connect(m_workspace.get(), &Workspace::scenarioChanged, this, &WorkspaceSession::onScenarioChanged);
    connect(m_workspace.get(), &Workspace::scenarioRemoved, this, &WorkspaceSession::onScenarioRemoved);
    if (m_workspace->isServer()) {
        connect(m_workspace.get(), &Workspace::changedElsewhere, this, &WorkspaceSession::onChangedElsewhere);
        // Without it the window still works; other users' changes then show on the next open.
        (void)m_workspace->listenForChanges();
    }
    emit workspaceChanged(m_workspace.get());
    previous.reset();
    return {};
}

void WorkspaceSession::closeDocuments()
{
    if (m_current) {
        // Listeners let go of the document before it goes.
        m_current = nullptr;
        m_undoGroup->setActiveStack(nullptr);
        emit currentDocumentChanged(nullptr);
    }
    for (auto &[id, document] : m_documents)
        delete document;
    m_documents.clear();
}

bool WorkspaceSession::fail(const QString &message, QString *error) const
{
    if (error)
        *error = message;
    return false;
}

ScenarioDocument *WorkspaceSession::document(ScenarioId id, QString *error)
{
    if (const auto it = m_documents.find(id); it != m_documents.end())
        return it->second;
    if (!m_workspace) {
        fail(tr("No workspace is open."), error);
        return nullptr;
    }
    ScenarioDocument *document = loadDocumentObject(id, error);
    if (!document)
        return nullptr;
    m_undoGroup->addStack(document->undoStack());
    m_documents.emplace(id, document);
    return document;
}

ScenarioDocument *WorkspaceSession::loadDocumentObject(ScenarioId id, QString *error)
{
    StoredScenario stored = loadStoredScenario(*m_workspace, id, m_catalog);
    if (!stored.read()) {
        fail(stored.error.message, error);
        return nullptr;
    }
    if (!stored.ok()) {
        QStringList lines;
        for (const Problem &problem : stored.problems)
            lines << problem.toString();
        fail(tr("The stored scenario is not valid for this version of ClusterPlan, so it cannot be edited:\n%1")
                 .arg(lines.join(QLatin1Char('\n'))),
             error);
        return nullptr;
    }
    auto *document = new ScenarioDocument(std::move(*stored.scenario), m_catalog, m_workspace.get(), id, this);
    connect(document, &ScenarioDocument::saveFailed, this, [this, id](const QString &message) {
        if (m_workspace && m_workspace->lastError().kind == WorkspaceError::Kind::Conflict)
            emit saveConflict(id, message);
        else
            emit saveFailed(message);
    });
    return document;
}

bool WorkspaceSession::reloadScenario(ScenarioId id, QString *error)
{
    const auto it = m_documents.find(id);
    if (it == m_documents.end() || !m_workspace)
        return true; // not open: the next open reads the stored one
    ScenarioDocument *fresh = loadDocumentObject(id, error);
    if (!fresh)
        return false;
    ScenarioDocument *stale = it->second;
    const bool current = stale == m_current;
    if (current) {
        // Listeners let go of the stale document before it goes.
        m_current = nullptr;
        m_undoGroup->setActiveStack(nullptr);
        emit currentDocumentChanged(nullptr);
    }
    m_undoGroup->removeStack(stale->undoStack());
    delete stale;
    it->second = fresh;
    m_undoGroup->addStack(fresh->undoStack());
    if (current) {
        m_current = fresh;
        m_undoGroup->setActiveStack(fresh->undoStack());
        emit currentDocumentChanged(fresh);
    }
    emit scenarioReloaded(id);
    return true;
}

bool WorkspaceSession::hasLocalEdits(ScenarioId id) const
{
    const auto it = m_documents.find(id);
    return it != m_documents.end() && it->second->undoStack()->count() > 0;
}

void WorkspaceSession::onChangedElsewhere(qint64 id, qint64 revision, const QString &action, const QString &by)
{
    if (action == QLatin1String("delete")) {
        onScenarioRemoved(-1, id);
        return;
    }
    if (action == QLatin1String("rename")) {
        onScenarioChanged(-1, id);
        return;
    }
    if (action != QLatin1String("update") || !m_documents.count(id))
        return;
    // Already read (after a reload) or written by this session: nothing newer to show.
    if (const auto known = m_workspace->knownRevision(id); known && *known >= revision)
        return;
    if (hasLocalEdits(id))
        emit newerRevisionAvailable(id, revision, by);
    else
        (void)reloadScenario(id);
}

bool WorkspaceSession::setCurrentScenario(std::optional<ScenarioId> id, QString *error)
{
    ScenarioDocument *next = id ? document(*id, error) : nullptr;
    if (next == m_current)
        return !id || next;
    m_current = next;
    m_undoGroup->setActiveStack(next ? next->undoStack() : nullptr);
    emit currentDocumentChanged(next);
    return !id || next;
}

QString WorkspaceSession::uniqueScenarioName(const QString &base) const
{
    std::vector<QString> taken;
    if (m_workspace)
        for (const ScenarioInfo &info : m_workspace->scenarios())
            taken.push_back(info.name);
    return uniqueName(base.trimmed().isEmpty() ? tr("Untitled scenario") : base.trimmed(), taken);
}

std::optional<ScenarioId> WorkspaceSession::createScenario(const QString &name, QString *error)
{
    if (!m_workspace) {
        fail(tr("No workspace is open."), error);
        return std::nullopt;
    }
    const QString unique = uniqueScenarioName(name);
    const auto id = m_workspace->createScenario(unique, io::writeScenarioJson(newScenario(unique, currentMonth())));
    if (!id)
        fail(m_workspace->lastError().message, error);
    return id;
}

std::optional<ScenarioId> WorkspaceSession::duplicateScenario(ScenarioId id, QString *error)
{
    if (!m_workspace) {
        fail(tr("No workspace is open."), error);
        return std::nullopt;
    }
    const auto copy = m_workspace->duplicateScenario(id);
    if (!copy)
        fail(m_workspace->lastError().message, error);
    return copy;
}

bool WorkspaceSession::renameScenario(ScenarioId id, const QString &name, QString *error)
{
    if (!m_workspace)
        return fail(tr("No workspace is open."), error);
    return m_workspace->renameScenario(id, name) || fail(m_workspace->lastError().message, error);
}

// Adding a scenario as an undo step of another scenario's history. The first redo happens
// before the push (so a failed save is reported and nothing is pushed); later redos add it again
// under a name still free.
class AddScenarioCommand final : public QUndoCommand
{
public:
    AddScenarioCommand(WorkspaceSession *session, QString name, QByteArray json, ScenarioId id, const QString &text)
        : QUndoCommand(text)
        , m_session(session)
        , m_name(std::move(name))
        , m_json(std::move(json))
        , m_id(id)
    {
    }

    void redo() override
    {
        if (std::exchange(m_firstRedo, false) || m_kept)
            return;
        Workspace *workspace = m_session->workspace();
        if (!workspace)
            return;
        if (const auto id = workspace->createScenario(m_session->uniqueScenarioName(m_name), m_json))
            m_id = *id;
        else
            emit m_session->saveFailed(workspace->lastError().message);
    }

    void undo() override
    {
        Workspace *workspace = m_session->workspace();
        if (!workspace || !m_id || m_kept)
            return;
        // Edited since it was added: keep it (and its edits); redo then has nothing to do.
        const auto stored = workspace->loadDocument(*m_id);
        if (!stored)
            return; // removed by hand already
        if (*stored != m_json) {
            m_kept = true;
            return;
        }
        if (workspace->removeScenario(*m_id))
            m_id.reset();
        else
            emit m_session->saveFailed(workspace->lastError().message);
    }

private:
    WorkspaceSession *m_session;
    QString m_name;
    QByteArray m_json;
    std::optional<ScenarioId> m_id;
    bool m_firstRedo = true;
    bool m_kept = false;
};

std::optional<ScenarioId> WorkspaceSession::addScenarioUndoable(const Scenario &scenario, ScenarioDocument *from,
                                                                QString *error)
{
    if (!m_workspace) {
        fail(tr("No workspace is open."), error);
        return std::nullopt;
    }
    if (m_workspace->isReadOnly()) {
        fail(m_workspace->readOnlyReason(), error);
        return std::nullopt;
    }
    Scenario named = scenario;
    named.name = uniqueScenarioName(scenario.name);
    const QByteArray json = io::writeScenarioJson(named);
    const auto id = m_workspace->createScenario(named.name, json);
    if (!id) {
        fail(m_workspace->lastError().message, error);
        return std::nullopt;
    }
    if (from)
        from->undoStack()->push(
            new AddScenarioCommand(this, named.name, json, *id, tr("Add scenario \u201c%1\u201d").arg(named.name)));
    return id;
}

bool WorkspaceSession::removeScenario(ScenarioId id, QString *error)
{
    if (!m_workspace)
        return fail(tr("No workspace is open."), error);
    return m_workspace->removeScenario(id) || fail(m_workspace->lastError().message, error);
}

std::optional<ScenarioId> WorkspaceSession::importScenario(const QString &file, std::vector<Problem> *problems,
                                                           QString *error)
{
    if (!m_workspace) {
        fail(tr("No workspace is open."), error);
        return std::nullopt;
    }
    io::ParseResult parsed = io::readScenarioFile(file, m_catalog);
    if (!parsed.ok()) {
        if (problems)
            *problems = parsed.problems;
        fail(parsed.unreadable ? tr("Cannot read %1.").arg(file)
                               : tr("%1 is not a valid scenario; nothing was imported.").arg(file),
             error);
        return std::nullopt;
    }
    parsed.scenario->name = uniqueScenarioName(parsed.scenario->name);
    const auto id = m_workspace->createScenario(parsed.scenario->name, io::writeScenarioJson(*parsed.scenario));
    if (!id)
        fail(m_workspace->lastError().message, error);
    return id;
}

bool WorkspaceSession::exportScenario(ScenarioId id, const QString &file, QString *error)
{
    ScenarioDocument *source = document(id, error);
    if (!source)
        return false;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(io::exportScenarioJson(source->scenario(), m_catalog)) < 0
        || !out.commit())
        return fail(tr("Cannot write %1: %2. Choose a folder you may write to.").arg(file, out.errorString()), error);
    return true;
}

bool WorkspaceSession::saveCopyAs(const QString &path, QString *error)
{
    if (!m_workspace)
        return fail(tr("No workspace is open."), error);
    return m_workspace->saveCopyAs(path) || fail(m_workspace->lastError().message, error);
}

void WorkspaceSession::onScenarioChanged(int, qint64 id)
{
    const auto it = m_documents.find(id);
    if (it == m_documents.end())
        return;
    if (const auto info = m_workspace->scenario(id))
        it->second->adoptWorkspaceName(info->name);
}

void WorkspaceSession::onScenarioRemoved(int, qint64 id)
{
    const auto it = m_documents.find(id);
    if (it == m_documents.end())
        return;
    ScenarioDocument *closing = it->second;
    m_documents.erase(it);
    if (closing == m_current) {
        m_current = nullptr;
        m_undoGroup->setActiveStack(nullptr);
        emit currentDocumentChanged(nullptr);
    }
    delete closing;
}

} // namespace cp
