#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace cp {

namespace storage {
class SqlConnection;
class WorkspaceLock;
} // namespace storage

using ScenarioId = qint64;

// One entry of a workspace's scenario list.
struct ScenarioInfo {
    ScenarioId id = 0;
    QString name;
    QDateTime createdUtc;
    QDateTime modifiedUtc;
    // The stored name (or the document's checksum) no longer matches the row's checksum: the
    // name shown may be wrong, and loadDocument() refuses the scenario (Damaged).
    bool damaged = false;
    // The document's revision: 1 when created, one more at every save (a server workspace; a
    // file has one writer at a time and keeps 0). renameScenario() does not change it.
    qint64 revision = 0;
    QString modifiedBy = QString(); // the server role that saved the document last (empty in a file)
    friend bool operator==(const ScenarioInfo &, const ScenarioInfo &) = default;
};

// One change of a scenario in a server workspace's audit trail, written by the database's own
// trigger (docs/team-workspace.md, "Audit trail").
struct AuditEntry {
    ScenarioId scenarioId = 0;
    QString scenarioName; // its name after the change (before it, for a delete)
    QDateTime changedUtc; // the server's clock
    QString changedBy;    // the server role (session_user)
    QString action;       // "insert", "update" (document saved), "rename" or "delete"
    qint64 revision = 0;  // the document's revision after the change
    // JSON paths of what an update changed ("sites[0].power[1].capacityMw"; "$": the whole document)
    QStringList changedFields;
};

// Why an operation failed: `kind` to branch on, `message` to show (what was wrong, which
// workspace or scenario, and what to do).
struct WorkspaceError {
    enum class Kind {
        None,
        NotFound,        // the workspace file does not exist (and was not to be created)
        Refused,         // not a workspace, damaged, newer, or changed by another program; left unchanged
        InUse,           // another program has the workspace open for editing
        ReadOnly,        // open read-only, or the file or its folder is read-only
        NameTaken,       // another scenario of the workspace has that name
        InvalidName,     // empty, multi-line or too long
        InvalidDocument, // empty or not UTF-8
        NoSuchScenario,  // deleted meanwhile, or never there
        Damaged,         // a stored document no longer matches its checksum
        Conflict,        // someone else saved the scenario since this workspace read it; nothing was overwritten
        DiskFull,
        Io, // any other failure to read or write the file
    };
    Kind kind = Kind::None;
    QString message;
    [[nodiscard]] bool isError() const { return kind != Kind::None; }
};

// A workspace file (".clusterplan"): many scenarios, each stored as its canonical JSON document
// exactly as written, plus its name, place in the list and UTC creation and change times.
//
// There is no Save: every edit below is one SQLite transaction, committed with a full sync
// before the call returns true, so an edit reported as saved survives a crash. A failed edit
// changes nothing. Opening is safe for files from anyone (see open()). The class stores bytes
// and names only; models/io turns documents into Scenarios and back.
//
// A scenario's name in the workspace is this list's name: renameScenario() and duplicateScenario()
// change it without rewriting the document, so whoever loads a document takes the name from
// scenario(), not from the JSON's own "name".
class Workspace final : public QObject
{
    Q_OBJECT

public:
    enum class OpenMode {
        ReadWrite,           // for editing; refused when that is impossible (in use elsewhere, read-only file)
        ReadWriteOrReadOnly, // for editing when possible, else read-only with the reason in readOnlyReason()
        ReadOnly,            // never writes, takes no lock; the file must exist
    };
    struct OpenResult {
        std::unique_ptr<Workspace> workspace; // null when error is set
        WorkspaceError error;
    };

    // Opens `path`: a .clusterplan file, or a PostgreSQL database named by a libpq URI
    // ("postgresql://alice@plans.example/capex", docs/team-workspace.md), which gets the same
    // checks in the server's terms (ClusterPlan's tables and version, or an empty database to
    // create them in) and takes no lock: many edit one server workspace at once, and a save
    // against a revision someone else has replaced is refused (Conflict).
    // For a file: opens it, creating an empty workspace there when the file is missing (not in ReadOnly
    // mode; the folder must exist). Before anything is written, the file is checked through a
    // read-only connection: an SQLite file with ClusterPlan's application id, a version this
    // build reads, an intact b-tree (quick_check) and exactly ClusterPlan's tables (no triggers
    // or views). A file that fails is refused and left byte-for-byte unchanged. Editing takes a
    // lock file beside the workspace; a second program is told who holds it and, as `mode`
    // says, gets read-only access or a refusal. A lock left by a crashed program is taken over,
    // and an edit it left half-done is undone (after the undo was checked on a copy).
    static OpenResult open(const QString &path, OpenMode mode);
    // The same, for a server workspace with the password the user typed (File > Open Team
    // Workspace): handed to the connection in memory, never stored or shown. Empty: libpq finds
    // one itself (~/.pgpass, PGPASSWORD) or the server needs none. Ignored for a file.
    static OpenResult open(const QString &path, OpenMode mode, const QString &serverPassword);

    // The schema version this build writes (PRAGMA user_version of its files).
    [[nodiscard]] static int schemaVersion();
    // The largest document stored: the scenario reader's limit (io::kMaxScenarioFileBytes), so what
    // is stored is always read back (checked where both are known, in the importer).
    static constexpr qint64 kMaxDocumentBytes = 64LL * 1024 * 1024;

    ~Workspace() override;

    // The file's absolute path, or the server workspace's URI as given.
    [[nodiscard]] QString path() const { return m_path; }
    // True for a workspace on a PostgreSQL server.
    [[nodiscard]] bool isServer() const { return m_server; }
    [[nodiscard]] bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // Why edits are impossible ("it is open for editing in clusterplan (process 42 on host ws-7)"); empty if writable.
    [[nodiscard]] QString readOnlyReason() const { return m_readOnlyReason; }
    // The failure of the last call; kind None after a call that succeeded.
    [[nodiscard]] const WorkspaceError &lastError() const { return m_lastError; }

    // The scenarios in list order (empty on failure: see lastError()).
    [[nodiscard]] std::vector<ScenarioInfo> scenarios() const;
    [[nodiscard]] std::optional<ScenarioInfo> scenario(ScenarioId id) const;
    [[nodiscard]] std::optional<ScenarioId> findScenario(const QString &name) const;
    // The document exactly as it was saved; fails (Damaged) when it or the row's name no longer
    // matches its checksum. Every write sets the row's checksum (name and document) in its transaction.
    [[nodiscard]] std::optional<QByteArray> loadDocument(ScenarioId id) const;

    // Appends a scenario. The name (trimmed) must be unique in the workspace.
    std::optional<ScenarioId> createScenario(const QString &name, const QByteArray &document);
    bool renameScenario(ScenarioId id, const QString &name);
    // A copy placed right after the original, named "<name> (copy)", "<name> (copy 2)", ...
    std::optional<ScenarioId> duplicateScenario(ScenarioId id);
    bool removeScenario(ScenarioId id);
    // Replaces the document; the modified time and the revision move on. When this workspace
    // object has read the scenario (loadDocument) or saved it, the stored revision must still be
    // the one it read or wrote last: otherwise the save is refused (Conflict, naming who saved it
    // and when) and nothing is overwritten; loading it again accepts the newer revision.
    bool saveDocument(ScenarioId id, const QByteArray &document);
    // Writes a compact copy of the whole workspace to `path` (VACUUM INTO a temporary file in
    // the target folder, synced, then renamed over the target): the target is either its old
    // self or the complete copy, never half a file. This workspace is not changed. A file only.
    bool saveCopyAs(const QString &path);
    // A server workspace's audit trail, oldest first: every change, or those of the scenario that
    // had the name `scenarioName` at some change (so a renamed or deleted one is still found).
    // nullopt with lastError() set on failure; a file has none (Refused).
    [[nodiscard]] std::optional<std::vector<AuditEntry>> auditTrail(const QString &scenarioName = QString()) const;

    // The revision of `id` as this object last read or wrote it (saveDocument's check); nullopt
    // when it has not read it.
    [[nodiscard]] std::optional<qint64> knownRevision(ScenarioId id) const
    {
        const auto it = m_seenRevision.find(id);
        return it == m_seenRevision.end() ? std::nullopt : std::optional<qint64>(it->second);
    }

    // A server workspace: starts listening for other clients' changes (LISTEN clusterplan_scenario,
    // which the audit trigger notifies), reported by changedElsewhere() while an event loop runs.
    // False with lastError() set when it cannot (a file: there is no one else).
    bool listenForChanges();

signals:
    // Another client changed scenario `id` on the server (after its commit): `action` is
    // "insert", "update", "rename" or "delete", `revision` the document's revision after it, `by`
    // the server role. Only after listenForChanges().
    void changedElsewhere(qint64 id, qint64 revision, const QString &action, const QString &by);
    // Emitted after the change is committed; `row` is the position in scenarios().
    void scenarioInserted(int row, qint64 id);
    void scenarioRemoved(int row, qint64 id); // row it had before removal
    void scenarioChanged(int row, qint64 id); // renamed or document saved

private:
    Workspace(const QString &path, std::unique_ptr<storage::SqlConnection> connection,
              std::unique_ptr<storage::WorkspaceLock> lock, const QString &readOnlyReason);
    // open() for a libpq URI (workspaceserver.cpp).
    static OpenResult openServer(const QString &uri, OpenMode mode, const QString &password);

    bool ensureWritable(const QString &action) const;
    bool failIo(const QString &action) const;
    bool setError(WorkspaceError::Kind kind, const QString &message) const;
    void clearError() const;
    std::optional<int> rowOf(ScenarioId id) const;
    QString damagedMessage(const QString &name) const;
    bool noSuchScenario(const QString &action) const; // sets NoSuchScenario; returns false
    // A row's name and checksums, read inside a writer's transaction; nullopt with the error set
    // (Io or NoSuchScenario) when it cannot be read.
    struct StoredRow {
        QString name;
        QByteArray nameUtf8; // as stored, which a damaged name may no longer match
        QString documentSha256;
        bool intact = false; // the row checksum matches name and document checksum
        QString modifiedUtc;
        qint64 revision = 0; // 0 in a file (no revisions)
        QString modifiedBy;  // the server role that saved the document last
    };
    std::optional<StoredRow> storedRow(ScenarioId id, const QString &action) const;
    std::optional<QString> checkedName(const QString &name, ScenarioId renaming) const;
    QString scenarioLabel(ScenarioId id) const;

    QString m_path;
    // A private copy read instead of the file (WAL mode, or an interrupted edit seen read-only);
    // declared before the connection so it is removed after the connection closes.
    std::unique_ptr<QTemporaryDir> m_privateCopy;
    std::unique_ptr<storage::SqlConnection> m_connection;
    std::unique_ptr<storage::WorkspaceLock> m_lock;
    QString m_readOnlyReason;
    bool m_server = false;
    // The revision of each scenario as this object last read or wrote it (saveDocument's check).
    mutable std::map<ScenarioId, qint64> m_seenRevision;
    mutable WorkspaceError m_lastError;
};

} // namespace cp
