#pragma once

#include "storage/sqlconnection.h"

class QSqlDriver;
struct pg_conn;

namespace cp::storage {

// One connection to a PostgreSQL server through Qt SQL's QPSQL driver (Debian:
// libqt6sql6-psql), which links the system libpq. Closing happens in the destructor (RAII).
// Failures carry the server's SQLSTATE and its message, mapped to the SQLite code of the same
// meaning (SqlFailure) so the workspace reports both engines alike.
class PgConnection final : public SqlConnection
{
public:
    PgConnection();
    ~PgConnection() override;

    // `conninfo` in libpq's key='value' form (parseServerUri). ReadOnly makes every transaction
    // of the session read-only, so the server itself refuses a write. `password` (typed by the
    // user) goes to the driver in memory only; empty: libpq's own (~/.pgpass, PGPASSWORD).
    bool open(const QString &conninfo, bool readOnly, const QString &password = QString());
    void close();

    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) override;
    [[nodiscard]] QSqlQuery newQuery() const override;
    [[nodiscard]] qint64 changes() const override { return m_changes; }
    [[nodiscard]] bool inTransaction() const override;
    // BEGIN, then the workspace's transaction-scoped advisory lock: writers of one database take
    // turns, as SQLite's BEGIN IMMEDIATE makes them on a file; readers never wait.
    bool beginWrite() override;

    [[nodiscard]] QString utf8BytesOf(const QString &column) const override;
    [[nodiscard]] QVariant textValue(const QByteArray &utf8) const override;
    [[nodiscard]] QString revisionColumns() const override;
    [[nodiscard]] QString revisionBump() const override;
    [[nodiscard]] QString notIndexed() const override { return QString(); }

    // The Qt SQL driver of this connection (for LISTEN: QSqlDriver::subscribeToNotification);
    // nullptr when closed.
    [[nodiscard]] QSqlDriver *driver() const;

    // The role this session is logged in as (session_user).
    [[nodiscard]] QString userName() const { return m_userName; }

private:
    void failFrom(const QString &sqlState, const QString &text);

    QString m_name;
    pg_conn *m_handle = nullptr;
    qint64 m_changes = 0;
    QString m_userName;
};

} // namespace cp::storage
