#include "storage/sqliteconnection.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <atomic>

namespace cp::storage {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("clusterplan-storage-%1").arg(++counter);
}

} // namespace

SqliteConnection::SqliteConnection()
    : m_name(nextConnectionName())
{
}

SqliteConnection::~SqliteConnection()
{
    close();
}

bool SqliteConnection::open(const QString &path, Access access)
{
    // Busy timeout: a reader in another instance holds its shared lock only for one short read.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (access == Access::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    return openWithOptions(path, options, access == Access::ReadWrite);
}

bool SqliteConnection::openInMemory()
{
    return openWithOptions(QStringLiteral(":memory:"), QString(), false);
}

bool SqliteConnection::openWithOptions(const QString &path, const QString &options, bool writesFile)
{
    close();
    m_lastFailure = {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        if (!db.isValid()) {
            fail(0, QStringLiteral("the Qt SQLite driver (libqt6sql6-sqlite) is not installed"));
            QSqlDatabase::removeDatabase(m_name);
            return false;
        }
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        if (!db.open()) {
            fail(db.lastError().nativeErrorCode().toInt(), db.lastError().databaseText());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
            return false;
        }
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    }
    if (!m_handle) {
        fail(0, QStringLiteral("the Qt SQLite driver does not expose its connection"));
        close();
        return false;
    }
    if (!harden(writesFile)) {
        const SqlFailure failure = m_lastFailure;
        close();
        m_lastFailure = failure;
        return false;
    }
    return true;
}

bool SqliteConnection::harden(bool writesFile)
{
    sqlite3_extended_result_codes(m_handle, 1);
    // Before any statement reads the file: these decide how its schema may behave.
    const struct {
        int option;
        int value;
    } configs[] = {
        {SQLITE_DBCONFIG_DEFENSIVE, 1},      // no writable_schema, no direct shadow-table writes
        {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0}, // schema SQL may call only harmless functions
        {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0}, // a workspace has none; a planted one never fires
        {SQLITE_DBCONFIG_ENABLE_VIEW, 0},
        {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
        {SQLITE_DBCONFIG_DQS_DML, 0},
        {SQLITE_DBCONFIG_DQS_DDL, 0},
    };
    for (const auto &config : configs) {
        int applied = -1;
        if (sqlite3_db_config(m_handle, config.option, config.value, &applied) != SQLITE_OK
            || applied != config.value) {
            fail(0, QStringLiteral("the system SQLite library refused safety setting %1").arg(config.option));
            return false;
        }
    }
    const char *const pragmas[] = {
        "PRAGMA trusted_schema = OFF",
        "PRAGMA cell_size_check = ON", // damaged pages are reported, not followed
        "PRAGMA mmap_size = 0",        // a damaged file is read through checked I/O only
        "PRAGMA foreign_keys = ON",
    };
    for (const char *pragma : pragmas)
        if (!exec(QString::fromLatin1(pragma)))
            return false;
    if (writesFile) {
        // The rollback journal (not WAL) and a sync at each commit: a transaction reported as
        // committed survives a crash of the program or of the machine.
        const auto mode = scalar(QStringLiteral("PRAGMA journal_mode = DELETE"));
        if (!mode)
            return false;
        if (mode->toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0) {
            fail(0, QStringLiteral("could not select the rollback journal (mode stays '%1')").arg(mode->toString()));
            return false;
        }
        if (!exec(QStringLiteral("PRAGMA synchronous = FULL")))
            return false;
    }
    return true;
}

void SqliteConnection::close()
{
    if (removeNamedDatabase(m_name))
        m_handle = nullptr;
}

QSqlQuery SqliteConnection::newQuery() const
{
    return forwardOnlyQuery(m_name);
}

bool SqliteConnection::run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    m_lastFailure = {};
    if (!m_handle) {
        fail(0, QStringLiteral("the workspace is closed"));
        return false;
    }
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        fail(query.lastError().nativeErrorCode().toInt(), query.lastError().databaseText());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        fail(query.lastError().nativeErrorCode().toInt(), query.lastError().databaseText());
        return false;
    }
    return true;
}

qint64 SqliteConnection::changes() const
{
    return m_handle ? sqlite3_changes64(m_handle) : 0;
}

bool SqliteConnection::inTransaction() const
{
    return m_handle && sqlite3_get_autocommit(m_handle) == 0;
}

bool SqliteConnection::beginWrite()
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

QString SqliteConnection::utf8BytesOf(const QString &column) const
{
    return QStringLiteral("CAST(%1 AS BLOB)").arg(column);
}

QVariant SqliteConnection::textValue(const QByteArray &utf8) const
{
    return utf8;
}

QString SqliteConnection::revisionColumns() const
{
    return QStringLiteral("0, ''");
}

QString SqliteConnection::revisionBump() const
{
    return QString();
}

QString SqliteConnection::notIndexed() const
{
    return QStringLiteral("NOT INDEXED");
}

} // namespace cp::storage
