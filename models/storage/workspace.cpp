#include "storage/workspace.h"

#include "domain/problem.h"
#include "storage/filecheck.h"
#include "storage/schema.h"
#include "storage/serveruri.h"
#include "storage/sqliteconnection.h"
#include "storage/transaction.h"
#include "storage/workspacelock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cp {

using storage::FileCheck;
using storage::SqliteConnection;
using storage::Transaction;
using storage::WorkspaceLock;

namespace {

constexpr qsizetype kMaxNameLength = 200;

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

using storage::rowChecksum;
using storage::sha256Hex;

// The columns infoFromRow() reads, in its order.
QString infoColumns(const storage::SqlConnection &connection)
{
    return QStringLiteral("id, name, created_utc, modified_utc, %1, document_sha256, row_sha256, %2")
        .arg(connection.utf8BytesOf(QStringLiteral("name")), connection.revisionColumns());
}

ScenarioInfo infoFromRow(const QSqlQuery &query)
{
    ScenarioInfo info{query.value(0).toLongLong(), query.value(1).toString(),
                      QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs),
                      QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs)};
    info.damaged = rowChecksum(query.value(4).toByteArray(), query.value(5).toString().toLatin1())
        != query.value(6).toString();
    info.revision = query.value(7).toLongLong();
    info.modifiedBy = query.value(8).toString();
    return info;
}

// Makes a finished rename or copy durable: the directory entry is synced too.
bool syncPath(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path);
    return true;
#endif
}

// Asks the file system itself (effective user, ACLs, read-only mounts); opening for writing
// without writing leaves the file as it is.
bool canWrite(const QString &path)
{
    QFile file(path);
    const bool ok = file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly);
    file.close();
    return ok;
}

void removeFileAndJournal(const QString &path)
{
    QFile::remove(storage::journalPath(path));
    QFile::remove(path);
}

} // namespace

int Workspace::schemaVersion()
{
    return storage::currentSchemaVersion();
}

Workspace::OpenResult Workspace::open(const QString &path, OpenMode mode, const QString &serverPassword)
{
    if (storage::isServerUri(path))
        return openServer(path, mode, serverPassword);
    return open(path, mode);
}

Workspace::OpenResult Workspace::open(const QString &path, OpenMode mode)
{
    if (storage::isServerUri(path))
        return openServer(path, mode, QString());
    OpenResult result;
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const auto refuse = [&](WorkspaceError::Kind kind, const QString &problem) {
        result.workspace.reset();
        result.error = {kind, QStringLiteral("Cannot open workspace '%1': %2").arg(absolute, problem)};
        return std::move(result);
    };
    if (path.isEmpty())
        return refuse(WorkspaceError::Kind::NotFound, QStringLiteral("no file name was given."));
    if (info.isDir())
        return refuse(WorkspaceError::Kind::Refused,
                      QStringLiteral("it is a folder, not a workspace file. Choose a .clusterplan file."));
    const bool exists = info.exists();
    if (!exists && mode == OpenMode::ReadOnly)
        return refuse(WorkspaceError::Kind::NotFound, QStringLiteral("the file does not exist. Check the path."));
    // A FIFO blocks every reader forever; a device is no workspace. Only regular files are opened.
    if (exists && !info.isFile())
        return refuse(WorkspaceError::Kind::Refused,
                      QStringLiteral("it is not a regular file (a pipe, device or socket). Choose a .clusterplan file."));

    // Who may write decides everything else: take the lock first. The lock sits beside the real
    // file (symbolic links resolved), so two paths to one file share one lock.
    const QString canonicalDir = QFileInfo(info.absolutePath()).canonicalFilePath();
    const QString lockTarget = exists && !info.canonicalFilePath().isEmpty() ? info.canonicalFilePath()
        : canonicalDir.isEmpty()                                              ? absolute
                                                                               : canonicalDir + QLatin1Char('/') + info.fileName();
    auto lock = std::make_unique<WorkspaceLock>(lockTarget);
    QString readOnlyReason;
    WorkspaceError::Kind readOnlyKind = WorkspaceError::Kind::ReadOnly;
    QString advice;
    if (mode == OpenMode::ReadOnly) {
        readOnlyReason = QStringLiteral("it was opened read-only");
    } else {
        switch (lock->tryAcquire()) {
        case WorkspaceLock::Outcome::Acquired:
            break;
        case WorkspaceLock::Outcome::HeldElsewhere:
            readOnlyReason = QStringLiteral("it is open for editing in ") + lock->holder();
            readOnlyKind = WorkspaceError::Kind::InUse;
            advice = QStringLiteral(" Close it there, or open it read-only.");
            break;
        case WorkspaceLock::Outcome::Unavailable:
            readOnlyReason = lock->problem();
            break;
        }
        if (lock->isHeld() && exists && !canWrite(absolute)) {
            lock->release();
            readOnlyReason = QStringLiteral("the file is read-only");
        }
    }
    if (!readOnlyReason.isEmpty() && mode == OpenMode::ReadWrite)
        return refuse(readOnlyKind, readOnlyReason + QLatin1Char('.') + advice);
    if (!exists && !lock->isHeld())
        return refuse(readOnlyKind, QStringLiteral("it does not exist and cannot be created: ") + readOnlyReason + QLatin1Char('.'));

    // A reader writes nothing beside the file: a WAL-mode file (SQLite would add -wal and -shm)
    // or one whose last edit was interrupted (undoing it writes) is read from a private copy,
    // removed when the workspace closes. The file and its journal stay as they are.
    std::unique_ptr<QTemporaryDir> privateCopy;
    QString readPath = absolute;
    const auto readFromCopy = [&]() -> std::optional<QString> {
        privateCopy = std::make_unique<QTemporaryDir>();
        if (!privateCopy->isValid())
            return QStringLiteral("no temporary folder to read it from without changing it (%1).")
                .arg(privateCopy->errorString());
        QString problem;
        readPath = storage::makeReadableCopy(absolute, privateCopy->path(), &problem);
        if (readPath.isEmpty())
            return problem;
        return std::nullopt;
    };
    if (exists && !lock->isHeld() && storage::isWalFile(absolute)) {
        if (const auto problem = readFromCopy())
            return refuse(WorkspaceError::Kind::Io, *problem);
    }

    FileCheck check;
    check.verdict = FileCheck::Verdict::Empty;
    if (exists) {
        check = storage::checkWorkspaceFile(readPath);
        if (check.verdict == FileCheck::Verdict::NeedsRecovery) {
            if (!lock->isHeld()) {
                if (const auto problem = readFromCopy())
                    return refuse(WorkspaceError::Kind::Refused, *problem);
                check = storage::checkWorkspaceFile(readPath);
                readOnlyReason += QStringLiteral("; its last edit was interrupted, so it shows the state before that "
                                                 "edit (the journal '%1' stays until it is opened for editing)")
                                      .arg(storage::journalPath(absolute));
            } else {
                check = storage::recoverInterruptedEdit(absolute);
            }
        }
    }
    switch (check.verdict) {
    case FileCheck::Verdict::Refused:
    case FileCheck::Verdict::NeedsRecovery:
        return refuse(WorkspaceError::Kind::Refused, check.problem);
    case FileCheck::Verdict::Empty:
        if (!lock->isHeld())
            return refuse(readOnlyKind,
                          QStringLiteral("the file is empty, and read-only access cannot make it a workspace (")
                              + readOnlyReason + QStringLiteral(")."));
        break;
    case FileCheck::Verdict::Usable:
        if (check.trailingBytes > 0) {
            const QString damage = QStringLiteral("it has %1 unexpected bytes after its end (it may have been damaged "
                                                  "while being copied)")
                                       .arg(check.trailingBytes);
            if (mode == OpenMode::ReadWrite)
                return refuse(WorkspaceError::Kind::Refused,
                              damage + QStringLiteral(". ClusterPlan did not change it; open it read-only and save a "
                                                      "copy, which leaves the extra bytes out."));
            lock->release();
            readOnlyReason = damage + QStringLiteral(", so it was opened read-only and nothing in it changes; save a "
                                                     "copy to get a sound file");
        }
        if (check.schemaVersion < schemaVersion() && !lock->isHeld())
            return refuse(readOnlyKind,
                          QStringLiteral("it was made by an older ClusterPlan and must be upgraded, which needs editing "
                                         "access, but ")
                              + readOnlyReason + QLatin1Char('.'));
        break;
    }

    const bool writable = lock->isHeld();
    auto connection = std::make_unique<SqliteConnection>();
    if (!connection->open(readPath, writable ? SqliteConnection::Access::ReadWrite : SqliteConnection::Access::ReadOnly))
        return refuse(WorkspaceError::Kind::Io, connection->lastFailure().reason() + QLatin1Char('.'));
    // The file must still be the one just checked (a read-only opener holds no lock).
    const auto applicationId = connection->scalar(QStringLiteral("PRAGMA application_id"));
    const auto userVersion = connection->scalar(QStringLiteral("PRAGMA user_version"));
    if (!applicationId || !userVersion)
        return refuse(WorkspaceError::Kind::Io, connection->lastFailure().reason() + QLatin1Char('.'));
    const bool sameFile = check.verdict == FileCheck::Verdict::Empty
        ? applicationId->toLongLong() == 0 && userVersion->toLongLong() == 0
        : applicationId->toLongLong() == storage::kApplicationId && userVersion->toLongLong() == check.schemaVersion;
    if (!sameFile)
        return refuse(WorkspaceError::Kind::Io,
                      QStringLiteral("the file changed while it was being opened. Try again."));
    if (writable && check.verdict == FileCheck::Verdict::Usable) {
        // Before anything is written: the open check (quick_check) does not compare indexes with
        // their tables, and a name changed in one but not the other let 'list' show a scenario
        // that 'export' could not find, and edits go on. A writer checks everything.
        const auto integrity = connection->scalar(QStringLiteral("PRAGMA integrity_check(1)"));
        if (!integrity)
            return refuse(WorkspaceError::Kind::Io, connection->lastFailure().reason() + QLatin1Char('.'));
        if (integrity->toString() != QLatin1String("ok"))
            return refuse(WorkspaceError::Kind::Refused,
                          QStringLiteral("it is damaged: its tables and indexes disagree (SQLite's integrity check "
                                         "says: %1). ClusterPlan did not change it; open it read-only and export its "
                                         "scenarios, or restore it from a backup.")
                              .arg(quotedText(integrity->toString(), 200)));
    }
    if (writable) {
        if (!storage::migrate(*connection, check.schemaVersion))
            return refuse(WorkspaceError::Kind::Io,
                          QStringLiteral("it could not be brought to workspace version %1: %2. The file keeps its "
                                         "previous state.")
                              .arg(schemaVersion())
                              .arg(connection->lastFailure().reason()));
        std::vector<storage::SchemaObject> objects;
        const auto &reference = storage::schemaByVersion();
        if (!storage::readSchema(*connection, objects) || reference.empty() || objects != reference.back())
            return refuse(WorkspaceError::Kind::Refused,
                          QStringLiteral("after the upgrade its tables still differ from ClusterPlan's. Import its "
                                         "scenarios from JSON files instead."));
    }
    if (!writable)
        lock.reset();
    result.workspace.reset(new Workspace(absolute, std::move(connection), std::move(lock), readOnlyReason));
    result.workspace->m_privateCopy = std::move(privateCopy);
    return result;
}

Workspace::Workspace(const QString &path, std::unique_ptr<storage::SqlConnection> connection,
                     std::unique_ptr<WorkspaceLock> lock, const QString &readOnlyReason)
    : m_path(path)
    , m_connection(std::move(connection))
    , m_lock(std::move(lock))
    , m_readOnlyReason(readOnlyReason)
{
}

Workspace::~Workspace()
{
    // Close the file before giving up the right to write it.
    m_connection.reset();
    m_lock.reset();
}

void Workspace::clearError() const
{
    m_lastError = {};
}

bool Workspace::setError(WorkspaceError::Kind kind, const QString &message) const
{
    m_lastError = {kind, message};
    return false;
}

bool Workspace::failIo(const QString &action) const
{
    const storage::SqlFailure &failure = m_connection->lastFailure();
    const WorkspaceError::Kind kind = failure.primaryCode() == SQLITE_FULL ? WorkspaceError::Kind::DiskFull
        : failure.primaryCode() == SQLITE_READONLY                         ? WorkspaceError::Kind::ReadOnly
                                                                           : WorkspaceError::Kind::Io;
    const QString advice = failure.primaryCode() == SQLITE_FULL ? QStringLiteral(" Free some space and try again;")
        : failure.primaryCode() == SQLITE_BUSY                  ? QStringLiteral(" Try again;")
                                                                : QString();
    return setError(kind, QStringLiteral("Could not %1 in workspace '%2': %3.%4 the workspace keeps its last saved "
                                         "state.")
                              .arg(action, m_path, failure.reason(), advice.isEmpty() ? QStringLiteral(" Nothing changed;") : advice));
}

bool Workspace::ensureWritable(const QString &action) const
{
    if (!isReadOnly())
        return true;
    return setError(WorkspaceError::Kind::ReadOnly,
                    QStringLiteral("Could not %1: workspace '%2' is read-only because %3.")
                        .arg(action, m_path, m_readOnlyReason));
}

QString Workspace::scenarioLabel(ScenarioId id) const
{
    QSqlQuery query = m_connection->newQuery();
    if (m_connection->run(query, QStringLiteral("SELECT name FROM scenario WHERE id = ?"), {id}) && query.next())
        return QStringLiteral("scenario '%1'").arg(query.value(0).toString());
    return QStringLiteral("scenario #%1").arg(id);
}

std::vector<ScenarioInfo> Workspace::scenarios() const
{
    clearError();
    std::vector<ScenarioInfo> list;
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query, QStringLiteral("SELECT %1 FROM scenario ORDER BY position, id").arg(infoColumns(*m_connection)))) {
        failIo(QStringLiteral("list the scenarios"));
        return {};
    }
    while (query.next())
        list.push_back(infoFromRow(query));
    return list;
}

std::optional<ScenarioInfo> Workspace::scenario(ScenarioId id) const
{
    clearError();
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query, QStringLiteral("SELECT %1 FROM scenario WHERE id = ?").arg(infoColumns(*m_connection)), {id})) {
        failIo(QStringLiteral("read scenario #%1").arg(id));
        return std::nullopt;
    }
    if (!query.next()) {
        setError(WorkspaceError::Kind::NoSuchScenario,
                 QStringLiteral("Workspace '%1' has no scenario #%2 (it may have been deleted).").arg(m_path).arg(id));
        return std::nullopt;
    }
    return infoFromRow(query);
}

std::optional<ScenarioId> Workspace::findScenario(const QString &name) const
{
    clearError();
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query, QStringLiteral("SELECT id FROM scenario WHERE name = ?"), {name.trimmed()})) {
        failIo(QStringLiteral("look up scenario '%1'").arg(name));
        return std::nullopt;
    }
    if (query.next())
        return query.value(0).toLongLong();
    // The name index can disagree with the table when the file is damaged: the listing reads the
    // table, so a name it shows is looked up there too (and then reported as damaged on reading).
    if (!m_connection->run(query, QStringLiteral("SELECT id FROM scenario %1 WHERE name = ?").arg(m_connection->notIndexed()),
                           {name.trimmed()})) {
        failIo(QStringLiteral("look up scenario '%1'").arg(name));
        return std::nullopt;
    }
    if (query.next())
        return query.value(0).toLongLong();
    setError(WorkspaceError::Kind::NoSuchScenario,
             QStringLiteral("Workspace '%1' has no scenario named '%2'.").arg(m_path, name));
    return std::nullopt;
}

std::optional<QByteArray> Workspace::loadDocument(ScenarioId id) const
{
    clearError();
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query,
                           QStringLiteral("SELECT %1, document_sha256, name, %2, row_sha256, %3 FROM scenario WHERE id = ?")
                               .arg(m_connection->utf8BytesOf(QStringLiteral("document")),
                                    m_connection->utf8BytesOf(QStringLiteral("name")), m_connection->revisionColumns()),
                           {id})) {
        failIo(QStringLiteral("read scenario #%1").arg(id));
        return std::nullopt;
    }
    if (!query.next()) {
        setError(WorkspaceError::Kind::NoSuchScenario,
                 QStringLiteral("Workspace '%1' has no scenario #%2 (it may have been deleted).").arg(m_path).arg(id));
        return std::nullopt;
    }
    QByteArray document = query.value(0).toByteArray();
    const QString documentSha256 = query.value(1).toString();
    if (rowChecksum(query.value(3).toByteArray(), documentSha256.toLatin1()) != query.value(4).toString()) {
        setError(WorkspaceError::Kind::Damaged, damagedMessage(query.value(2).toString()));
        return std::nullopt;
    }
    if (sha256Hex(document) != documentSha256) {
        setError(WorkspaceError::Kind::Damaged, damagedMessage(query.value(2).toString()));
        return std::nullopt;
    }
    m_seenRevision[id] = query.value(5).toLongLong();
    return document;
}

bool Workspace::noSuchScenario(const QString &action) const
{
    return setError(WorkspaceError::Kind::NoSuchScenario,
                    QStringLiteral("Could not %1: workspace '%2' has no such scenario (it may have been deleted).")
                        .arg(action, m_path));
}

std::optional<Workspace::StoredRow> Workspace::storedRow(ScenarioId id, const QString &action) const
{
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query,
                           QStringLiteral("SELECT name, %1, document_sha256, row_sha256, modified_utc, %2 FROM scenario "
                                          "WHERE id = ?")
                               .arg(m_connection->utf8BytesOf(QStringLiteral("name")), m_connection->revisionColumns()),
                           {id})) {
        failIo(action);
        return std::nullopt;
    }
    if (!query.next()) {
        noSuchScenario(action);
        return std::nullopt;
    }
    StoredRow row;
    row.name = query.value(0).toString();
    row.nameUtf8 = query.value(1).toByteArray();
    row.documentSha256 = query.value(2).toString();
    row.intact = rowChecksum(row.nameUtf8, row.documentSha256.toLatin1()) == query.value(3).toString();
    row.modifiedUtc = query.value(4).toString();
    row.revision = query.value(5).toLongLong();
    row.modifiedBy = query.value(6).toString();
    return row;
}

QString Workspace::damagedMessage(const QString &name) const
{
    return QStringLiteral("Scenario '%1' in workspace '%2' is damaged: its stored name or plan no longer matches the "
                          "checksum saved with it, so ClusterPlan does not read it. The other scenarios are not "
                          "affected. Restore the workspace from a backup, or import the scenario again from a JSON "
                          "file.")
        .arg(quotedText(name, 200), m_path);
}

std::optional<int> Workspace::rowOf(ScenarioId id) const
{
    const std::vector<ScenarioInfo> list = scenarios();
    for (size_t row = 0; row < list.size(); ++row)
        if (list[row].id == id)
            return static_cast<int>(row);
    return std::nullopt;
}

// Within the caller's transaction: the trimmed name, or nullopt with the error set.
std::optional<QString> Workspace::checkedName(const QString &name, ScenarioId renaming) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        setError(WorkspaceError::Kind::InvalidName, QStringLiteral("A scenario needs a name; type one."));
        return std::nullopt;
    }
    if (trimmed.size() > kMaxNameLength) {
        setError(WorkspaceError::Kind::InvalidName,
                 QStringLiteral("The scenario name '%1...' is %2 characters long; use at most %3.")
                     .arg(trimmed.left(40))
                     .arg(trimmed.size())
                     .arg(kMaxNameLength));
        return std::nullopt;
    }
    for (const QChar c : trimmed) {
        // Bidirectional controls too: "gnp\u202eexe" would show as "exe.png" in a report.
        if (c.category() == QChar::Other_Control || isControlOrBidi(c.unicode())) {
            setError(WorkspaceError::Kind::InvalidName,
                     QStringLiteral("The scenario name '%1' contains a line break, control or text-direction "
                                    "character; use one line of plain text.")
                         .arg(quotedText(trimmed)));
            return std::nullopt;
        }
    }
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query, QStringLiteral("SELECT 1 FROM scenario WHERE name = ? AND id <> ?"),
                           {trimmed, renaming})) {
        failIo(QStringLiteral("check the name '%1'").arg(trimmed));
        return std::nullopt;
    }
    if (query.next()) {
        setError(WorkspaceError::Kind::NameTaken,
                 QStringLiteral("A scenario named '%1' already exists in workspace '%2'. Choose another name.")
                     .arg(trimmed, m_path));
        return std::nullopt;
    }
    return trimmed;
}

namespace {

// Documents are UTF-8 JSON text; anything else would not survive as TEXT.
std::optional<QString> documentProblem(const QByteArray &document)
{
    if (document.isEmpty())
        return QStringLiteral("the document is empty");
    if (!QUtf8StringView(document).isValidUtf8())
        return QStringLiteral("the document is not UTF-8 text");
    // What is stored must be readable by every command, which read at most this much.
    if (document.size() > Workspace::kMaxDocumentBytes)
        return QStringLiteral("the document is %1 bytes; a stored plan is limited to 64 MiB so that every command can "
                              "read it back")
            .arg(document.size());
    return std::nullopt;
}

} // namespace

std::optional<ScenarioId> Workspace::createScenario(const QString &name, const QByteArray &document)
{
    clearError();
    const QString action = QStringLiteral("create scenario '%1'").arg(name.trimmed());
    if (!ensureWritable(action))
        return std::nullopt;
    if (const auto problem = documentProblem(document)) {
        setError(WorkspaceError::Kind::InvalidDocument,
                 QStringLiteral("Could not %1: %2.").arg(action, *problem));
        return std::nullopt;
    }
    Transaction transaction(*m_connection);
    if (!transaction.isActive()) {
        failIo(action);
        return std::nullopt;
    }
    const auto checked = checkedName(name, 0);
    if (!checked)
        return std::nullopt;
    const QString documentSha256 = sha256Hex(document);
    const QString now = nowUtc();
    QSqlQuery insert = m_connection->newQuery();
    if (!m_connection->run(insert,
                           QStringLiteral("INSERT INTO scenario (name, position, created_utc, modified_utc, document, "
                                          "document_sha256, row_sha256) "
                                          "SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ?, CAST(? AS TEXT), ?, ? "
                                          "FROM scenario RETURNING id, %1")
                               .arg(m_connection->revisionColumns()),
                           {*checked, now, now, m_connection->textValue(document), documentSha256,
                            rowChecksum(checked->toUtf8(), documentSha256.toLatin1())})
        || !insert.next()) {
        failIo(action);
        return std::nullopt;
    }
    const ScenarioId id = insert.value(0).toLongLong();
    const qint64 revision = insert.value(1).toLongLong();
    insert.finish();
    if (!transaction.commit()) {
        failIo(action);
        return std::nullopt;
    }
    m_seenRevision[id] = revision;
    if (const auto row = rowOf(id))
        emit scenarioInserted(*row, id);
    clearError();
    return id;
}

bool Workspace::renameScenario(ScenarioId id, const QString &name)
{
    clearError();
    const QString action = QStringLiteral("rename %1 to '%2'").arg(scenarioLabel(id), name.trimmed());
    if (!ensureWritable(action))
        return false;
    Transaction transaction(*m_connection);
    if (!transaction.isActive())
        return failIo(action);
    const auto checked = checkedName(name, id);
    if (!checked)
        return false;
    // Renaming also repairs a damaged name: the new name is the user's, checked as any other.
    const auto stored = storedRow(id, action);
    if (!stored)
        return false;
    if (stored->intact && stored->name == *checked)
        return true; // nothing to change: no write, no signal
    if (!m_connection->exec(QStringLiteral("UPDATE scenario SET name = ?, row_sha256 = ?, modified_utc = ? WHERE id = ?"),
                            {*checked, rowChecksum(checked->toUtf8(), stored->documentSha256.toLatin1()), nowUtc(), id}))
        return failIo(action);
    if (m_connection->changes() == 0)
        return noSuchScenario(action);
    if (!transaction.commit())
        return failIo(action);
    if (const auto row = rowOf(id))
        emit scenarioChanged(*row, id);
    clearError();
    return true;
}

std::optional<ScenarioId> Workspace::duplicateScenario(ScenarioId id)
{
    clearError();
    const QString action = QStringLiteral("duplicate %1").arg(scenarioLabel(id));
    if (!ensureWritable(action))
        return std::nullopt;
    Transaction transaction(*m_connection);
    if (!transaction.isActive()) {
        failIo(action);
        return std::nullopt;
    }
    QString sourceName;
    qint64 sourcePosition = 0;
    QString documentSha256;
    {
        QSqlQuery source = m_connection->newQuery();
        if (!m_connection->run(source,
                               QStringLiteral("SELECT name, position, %1, document_sha256, row_sha256 "
                                              "FROM scenario WHERE id = ?")
                                   .arg(m_connection->utf8BytesOf(QStringLiteral("name"))),
                               {id})) {
            failIo(action);
            return std::nullopt;
        }
        if (!source.next()) {
            noSuchScenario(action);
            return std::nullopt;
        }
        sourceName = source.value(0).toString();
        sourcePosition = source.value(1).toLongLong();
        documentSha256 = source.value(3).toString();
        // A copy would carry the damage under a fresh checksum, so a damaged row is not copied.
        if (rowChecksum(source.value(2).toByteArray(), documentSha256.toLatin1()) != source.value(4).toString()) {
            setError(WorkspaceError::Kind::Damaged, damagedMessage(sourceName));
            return std::nullopt;
        }
    }
    // "Plan (copy 2)" duplicates as "Plan (copy 3)", not "Plan (copy 2) (copy)".
    static const QRegularExpression copySuffix(QStringLiteral("^(.*) \\(copy(?: \\d+)?\\)$"));
    const QRegularExpressionMatch match = copySuffix.match(sourceName);
    const QString base = match.hasMatch() ? match.captured(1) : sourceName;
    QString copyName;
    for (int n = 1;; ++n) {
        copyName = n == 1 ? QStringLiteral("%1 (copy)").arg(base) : QStringLiteral("%1 (copy %2)").arg(base).arg(n);
        const auto taken = m_connection->scalar(QStringLiteral("SELECT count(*) FROM scenario WHERE name = ?"), {copyName});
        if (!taken) {
            failIo(action);
            return std::nullopt;
        }
        if (taken->toLongLong() == 0)
            break;
    }
    if (copyName.size() > kMaxNameLength) {
        setError(WorkspaceError::Kind::InvalidName,
                 QStringLiteral("Could not %1: the copy's name would be longer than %2 characters. Rename the "
                                "scenario to something shorter first.")
                     .arg(action)
                     .arg(kMaxNameLength));
        return std::nullopt;
    }
    const QString now = nowUtc();
    if (!m_connection->exec(QStringLiteral("UPDATE scenario SET position = position + 1 WHERE position > ?"),
                            {sourcePosition})) {
        failIo(action);
        return std::nullopt;
    }
    QSqlQuery insert = m_connection->newQuery();
    if (!m_connection->run(insert,
                           QStringLiteral("INSERT INTO scenario (name, position, created_utc, modified_utc, document, "
                                          "document_sha256, row_sha256) "
                                          "SELECT ?, position + 1, ?, ?, document, document_sha256, ? FROM scenario "
                                          "WHERE id = ? RETURNING id"),
                           {copyName, now, now, rowChecksum(copyName.toUtf8(), documentSha256.toLatin1()), id})
        || !insert.next()) {
        failIo(action);
        return std::nullopt;
    }
    const ScenarioId copyId = insert.value(0).toLongLong();
    insert.finish();
    if (!transaction.commit()) {
        failIo(action);
        return std::nullopt;
    }
    if (const auto row = rowOf(copyId))
        emit scenarioInserted(*row, copyId);
    clearError();
    return copyId;
}

bool Workspace::removeScenario(ScenarioId id)
{
    clearError();
    const QString action = QStringLiteral("delete %1").arg(scenarioLabel(id));
    if (!ensureWritable(action))
        return false;
    const auto row = rowOf(id);
    Transaction transaction(*m_connection);
    if (!transaction.isActive())
        return failIo(action);
    if (!m_connection->exec(QStringLiteral("DELETE FROM scenario WHERE id = ?"), {id}))
        return failIo(action);
    if (!row || m_connection->changes() == 0)
        return noSuchScenario(action);
    if (!transaction.commit())
        return failIo(action);
    emit scenarioRemoved(*row, id);
    clearError();
    return true;
}

bool Workspace::saveDocument(ScenarioId id, const QByteArray &document)
{
    clearError();
    const QString action = QStringLiteral("save %1").arg(scenarioLabel(id));
    if (!ensureWritable(action))
        return false;
    if (const auto problem = documentProblem(document))
        return setError(WorkspaceError::Kind::InvalidDocument, QStringLiteral("Could not %1: %2.").arg(action, *problem));
    Transaction transaction(*m_connection);
    if (!transaction.isActive())
        return failIo(action);
    const auto stored = storedRow(id, action);
    if (!stored)
        return false;
    // A new checksum over a damaged name would hide the damage: rename it first (that repairs it).
    if (!stored->intact)
        return setError(WorkspaceError::Kind::Damaged, damagedMessage(stored->name));
    // Someone saved it since this object read it: saving now would throw their change away.
    const auto seen = m_seenRevision.find(id);
    if (seen != m_seenRevision.end() && seen->second != stored->revision) {
        const QDateTime when = QDateTime::fromString(stored->modifiedUtc, Qt::ISODateWithMs);
        const QString who = stored->modifiedBy.isEmpty() ? QStringLiteral("someone") : stored->modifiedBy;
        return setError(WorkspaceError::Kind::Conflict,
                        QStringLiteral("Could not %1 in workspace '%2': %3 saved it at %4 UTC (revision %5) after "
                                       "you opened revision %6. Your change was not saved and theirs was kept; "
                                       "reload the scenario to see it, then make your change again.")
                            .arg(action, m_path, quotedText(who, 200), when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                            .arg(stored->revision)
                            .arg(seen->second));
    }
    const QString documentSha256 = sha256Hex(document);
    QSqlQuery update = m_connection->newQuery();
    if (!m_connection->run(update,
                           QStringLiteral("UPDATE scenario SET document = CAST(? AS TEXT), document_sha256 = ?, "
                                          "row_sha256 = ?, modified_utc = ?%1 WHERE id = ? RETURNING %2")
                               .arg(m_connection->revisionBump(), m_connection->revisionColumns()),
                           {m_connection->textValue(document), documentSha256,
                            rowChecksum(stored->nameUtf8, documentSha256.toLatin1()), nowUtc(), id})
        || !update.next())
        return failIo(action);
    const qint64 revision = update.value(0).toLongLong();
    update.finish();
    if (!transaction.commit())
        return failIo(action);
    m_seenRevision[id] = revision;
    if (const auto row = rowOf(id))
        emit scenarioChanged(*row, id);
    clearError();
    return true;
}

bool Workspace::saveCopyAs(const QString &path)
{
    clearError();
    const QFileInfo target(path);
    const QString absolute = target.absoluteFilePath();
    const auto fail = [&](WorkspaceError::Kind kind, const QString &problem) {
        return setError(kind, QStringLiteral("Could not save a copy of workspace '%1' as '%2': %3")
                                  .arg(m_path, absolute, problem));
    };
    if (path.isEmpty())
        return fail(WorkspaceError::Kind::NotFound, QStringLiteral("no file name was given."));
    if (m_server)
        return fail(WorkspaceError::Kind::Io,
                    QStringLiteral("a workspace on a server is copied scenario by scenario (export and import)."));
    if (absolute == m_path || (target.exists() && target.canonicalFilePath() == QFileInfo(m_path).canonicalFilePath()))
        return fail(WorkspaceError::Kind::Io, QStringLiteral("that is this workspace itself. Choose another file."));
    if (target.isDir())
        return fail(WorkspaceError::Kind::Io, QStringLiteral("that is a folder. Choose a file name."));
    if (!target.absoluteDir().exists())
        return fail(WorkspaceError::Kind::NotFound, QStringLiteral("the folder does not exist. Choose another one."));

    // Never replace a workspace someone is editing.
    WorkspaceLock targetLock(absolute);
    switch (targetLock.tryAcquire()) {
    case WorkspaceLock::Outcome::Acquired:
        break;
    case WorkspaceLock::Outcome::HeldElsewhere:
        return fail(WorkspaceError::Kind::InUse,
                    QStringLiteral("that file is open for editing in %1. Close it there or choose another file.")
                        .arg(targetLock.holder()));
    case WorkspaceLock::Outcome::Unavailable:
        return fail(WorkspaceError::Kind::ReadOnly, targetLock.problem() + QStringLiteral(". Choose another folder."));
    }

    // A temporary name in the target folder, so the final rename stays on one file system.
    const QString temporary = target.absoluteDir().filePath(
        QStringLiteral(".%1.partial-%2").arg(target.fileName()).arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                                     QLatin1Char('0')));
    if (!m_connection->exec(QStringLiteral("VACUUM INTO ?"), {temporary})) {
        removeFileAndJournal(temporary);
        const storage::SqlFailure &failure = m_connection->lastFailure();
        return fail(failure.primaryCode() == SQLITE_FULL ? WorkspaceError::Kind::DiskFull : WorkspaceError::Kind::Io,
                    failure.reason() + QStringLiteral(". Nothing was written; choose another place or free some space."));
    }
    // VACUUM INTO writes without syncing: sync before the rename makes the copy visible.
    if (!syncPath(temporary)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeFileAndJournal(temporary);
        return fail(WorkspaceError::Kind::Io, QStringLiteral("the copy could not be written to the disk (%1). Nothing "
                                                             "was replaced.")
                                                  .arg(reason));
    }
    // A journal left beside the old target belongs to the file being replaced; played back
    // onto the new copy it would damage it.
    QFile::remove(storage::journalPath(absolute));
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(absolute).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeFileAndJournal(temporary);
        return fail(WorkspaceError::Kind::Io,
                    QStringLiteral("the copy could not replace the file (%1). Nothing was replaced.").arg(reason));
    }
    syncPath(target.absolutePath());
    return true;
}

} // namespace cp
