#pragma once

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

// Internal to models/storage: nothing outside this folder sees SQL.
namespace cp::storage {

// Why the last statement failed. `code` is SQLite's extended result code; a PostgreSQL failure
// is given the SQLite code of the same meaning (disk full, read-only, busy...), so the workspace
// decides once what a failure means, and keeps the server's own words in `text`.
struct SqlFailure {
    int code = 0; // extended result code (SQLITE_READONLY_ROLLBACK, SQLITE_IOERR_WRITE, ...); 0: not from SQLite
    QString text;
    bool fromServer = false; // PostgreSQL: `text` is the server's (or libpq's) message
    QString sqlState;        // PostgreSQL's SQLSTATE, e.g. 42501 (insufficient privilege)
    [[nodiscard]] int primaryCode() const { return code & 0xff; }
    // A short reason a planner understands ("the disk is full"), for the end of a message.
    [[nodiscard]] QString reason() const;
};

// The two halves both connections share on Qt SQL's named connection: closing and forgetting
// it (false when there is none by that name), and a forward-only query on it.
bool removeNamedDatabase(const QString &connectionName);
[[nodiscard]] QSqlQuery forwardOnlyQuery(const QString &connectionName);

// One database connection through Qt SQL, as the workspace uses it: prepared statements with
// positional values, one write transaction at a time. SqliteConnection (a .clusterplan file) and
// PgConnection (a PostgreSQL server) implement it; the few places where their SQL differs are
// the dialect functions below, so the workspace's statements are written once.
class SqlConnection
{
public:
    SqlConnection() = default;
    virtual ~SqlConnection() = default;
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Prepares `sql` (our own text; values only through `values`) and runs it.
    virtual bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) = 0;
    // Runs a statement whose rows, if any, are not needed.
    bool exec(const QString &sql, const QVariantList &values = {});
    // The first column of the first row; nullopt on failure or when there is no row.
    std::optional<QVariant> scalar(const QString &sql, const QVariantList &values = {});
    [[nodiscard]] virtual QSqlQuery newQuery() const = 0;

    [[nodiscard]] const SqlFailure &lastFailure() const { return m_lastFailure; }
    // Puts back an earlier failure after clean-up statements (ROLLBACK) that would hide it.
    void restoreFailure(const SqlFailure &failure) { m_lastFailure = failure; }
    // Rows changed by the last INSERT, UPDATE or DELETE.
    [[nodiscard]] virtual qint64 changes() const = 0;
    // True while a transaction is open (SQLite may end one by itself after an I/O error).
    [[nodiscard]] virtual bool inTransaction() const = 0;
    // Starts a write transaction that excludes every other writer of the workspace until it ends,
    // so a check made in it (a name is free, a revision is current) still holds at its commit.
    virtual bool beginWrite() = 0;

    // --- Dialect ---
    // An expression for the UTF-8 bytes of text column `column`, as stored.
    [[nodiscard]] virtual QString utf8BytesOf(const QString &column) const = 0;
    // The value to bind for a TEXT column from UTF-8 bytes (used as CAST(? AS TEXT)).
    [[nodiscard]] virtual QVariant textValue(const QByteArray &utf8) const = 0;
    // "revision, modified_by" where the schema has them; constants (0, '') where it does not.
    [[nodiscard]] virtual QString revisionColumns() const = 0;
    // The SET items a document save adds (", revision = revision + 1, ..."), or nothing.
    [[nodiscard]] virtual QString revisionBump() const = 0;
    // "NOT INDEXED" where the engine can be told to read the table rather than an index.
    [[nodiscard]] virtual QString notIndexed() const = 0;

protected:
    void fail(int code, const QString &text);

    SqlFailure m_lastFailure;
};

} // namespace cp::storage
