#include "storage/pgconnection.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>

namespace cp::storage {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("clusterplan-server-%1").arg(++counter);
}

// The SQLite code that means the same to the workspace (full, read-only, busy...).
int equivalentCode(const QString &sqlState)
{
    if (sqlState == QLatin1String("53100")) // disk_full
        return SQLITE_FULL;
    if (sqlState == QLatin1String("42501") || sqlState == QLatin1String("25006")) // no privilege; read-only transaction
        return SQLITE_READONLY;
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01") || sqlState == QLatin1String("55P03"))
        return SQLITE_BUSY; // serialization failure, deadlock, lock not available
    if (sqlState == QLatin1String("23505"))
        return SQLITE_CONSTRAINT;
    if (sqlState.startsWith(QLatin1String("53")))
        return SQLITE_NOMEM;
    return SQLITE_IOERR; // anything else, a lost connection included: the change did not happen
}

} // namespace

PgConnection::PgConnection()
    : m_name(nextConnectionName())
{
}

PgConnection::~PgConnection()
{
    close();
}

void PgConnection::failFrom(const QString &sqlState, const QString &text)
{
    m_lastFailure = {};
    m_lastFailure.code = equivalentCode(sqlState);
    m_lastFailure.text = text;
    m_lastFailure.fromServer = true;
    m_lastFailure.sqlState = sqlState;
}

bool PgConnection::open(const QString &conninfo, bool readOnly, const QString &password)
{
    close();
    m_lastFailure = {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        if (!db.isValid()) {
            fail(0, QStringLiteral("Qt's PostgreSQL driver is not installed (Debian package libqt6sql6-psql)"));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
            return false;
        }
        db.setConnectOptions(conninfo);
        if (!password.isEmpty())
            db.setPassword(password);
        if (!db.open()) {
            failFrom(db.lastError().nativeErrorCode(), db.lastError().databaseText());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
            return false;
        }
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
            m_handle = *static_cast<pg_conn *const *>(handle.constData());
    }
    if (!m_handle) {
        fail(0, QStringLiteral("Qt's PostgreSQL driver does not expose its connection"));
        close();
        return false;
    }
    // NOTICEs ("relation already exists, skipping") are not for the planner; a writer that waits
    // for another's turn gives up after 30 s rather than hang the window.
    const QString settings[] = {
        QStringLiteral("SET client_min_messages = warning"),
        QStringLiteral("SET lock_timeout = '30s'"),
        QStringLiteral("SET default_transaction_read_only = %1").arg(readOnly ? QLatin1String("on") : QLatin1String("off")),
    };
    for (const QString &setting : settings) {
        if (!exec(setting)) {
            const SqlFailure failure = m_lastFailure;
            close();
            m_lastFailure = failure;
            return false;
        }
    }
    const auto user = scalar(QStringLiteral("SELECT session_user"));
    if (!user) {
        const SqlFailure failure = m_lastFailure;
        close();
        m_lastFailure = failure;
        return false;
    }
    m_userName = user->toString();
    return true;
}

QSqlDriver *PgConnection::driver() const
{
    if (!m_handle)
        return nullptr;
    return QSqlDatabase::database(m_name, false).driver();
}

void PgConnection::close()
{
    if (removeNamedDatabase(m_name))
        m_handle = nullptr;
}

QSqlQuery PgConnection::newQuery() const
{
    return forwardOnlyQuery(m_name);
}

bool PgConnection::run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    m_lastFailure = {};
    m_changes = 0;
    if (!m_handle) {
        fail(0, QStringLiteral("the connection to the server is closed"));
        return false;
    }
    query.setForwardOnly(true);
    // PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and VALUES: our own statements
    // without values (BEGIN, COMMIT, SET, CREATE TABLE...) are sent as they are.
    if (values.isEmpty()) {
        if (!query.exec(sql)) {
            failFrom(query.lastError().nativeErrorCode(), query.lastError().databaseText());
            return false;
        }
        m_changes = std::max(0, query.numRowsAffected());
        return true;
    }
    if (!query.prepare(sql)) {
        failFrom(query.lastError().nativeErrorCode(), query.lastError().databaseText());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        failFrom(query.lastError().nativeErrorCode(), query.lastError().databaseText());
        return false;
    }
    m_changes = std::max(0, query.numRowsAffected());
    return true;
}

bool PgConnection::inTransaction() const
{
    if (!m_handle)
        return false;
    const PGTransactionStatusType status = PQtransactionStatus(m_handle);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool PgConnection::beginWrite()
{
    if (!exec(QStringLiteral("BEGIN")))
        return false;
    // "ClPn", the file's application id: one key for every writer of this database.
    if (exec(QStringLiteral("SELECT pg_advisory_xact_lock(1131171950)")))
        return true;
    const SqlFailure failure = m_lastFailure;
    exec(QStringLiteral("ROLLBACK"));
    m_lastFailure = failure;
    return false;
}

QString PgConnection::utf8BytesOf(const QString &column) const
{
    return QStringLiteral("convert_to(%1, 'UTF8')").arg(column);
}

QVariant PgConnection::textValue(const QByteArray &utf8) const
{
    // Bound as text: the driver would send a QByteArray as bytea.
    return QString::fromUtf8(utf8);
}

QString PgConnection::revisionColumns() const
{
    return QStringLiteral("revision, modified_by");
}

QString PgConnection::revisionBump() const
{
    return QStringLiteral(", revision = revision + 1, modified_by = session_user");
}

} // namespace cp::storage
