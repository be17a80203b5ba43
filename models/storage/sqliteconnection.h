#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;

// Internal to models/storage: nothing outside this folder sees SQLite.
namespace cp::storage {

// Why the last statement failed: SQLite's extended result code and its own text.
struct SqlFailure {
    int code = 0; // extended result code (SQLITE_READONLY_ROLLBACK, SQLITE_IOERR_WRITE, ...); 0: not from SQLite
    QString text;
    [[nodiscard]] int primaryCode() const { return code & 0xff; }
    // A short reason a planner understands ("the disk is full"), for the end of a message.
    [[nodiscard]] QString reason() const;
};

// One SQLite connection through Qt SQL, hardened for files that may come from anyone:
// defensive mode, untrusted schema, triggers and views disabled, cell size checks, no mmap.
// Settings Qt SQL does not expose go through QSqlDriver::handle() to the system libsqlite3
// that Debian's Qt driver also links. Closing happens in the destructor (RAII).
class SqliteConnection
{
public:
    enum class Access { ReadOnly, ReadWrite };

    SqliteConnection();
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // `path` must be absolute (never a "file:" URI). ReadOnly never creates or changes the file;
    // ReadWrite creates a missing file and selects the rollback journal with full syncs.
    bool open(const QString &path, Access access);
    bool openInMemory();
    void close();

    // Prepares `sql` (our own text; values only through `values`) and runs it.
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
    // Runs a statement whose rows, if any, are not needed.
    bool exec(const QString &sql, const QVariantList &values = {});
    // The first column of the first row; nullopt on failure or when there is no row.
    std::optional<QVariant> scalar(const QString &sql, const QVariantList &values = {});
    [[nodiscard]] QSqlQuery newQuery() const;

    [[nodiscard]] const SqlFailure &lastFailure() const { return m_lastFailure; }
    // Puts back an earlier failure after clean-up statements (ROLLBACK) that would hide it.
    void restoreFailure(const SqlFailure &failure) { m_lastFailure = failure; }
    // Rows changed by the last INSERT, UPDATE or DELETE.
    [[nodiscard]] qint64 changes() const;
    // True while a transaction is open (SQLite may end one by itself after an I/O error).
    [[nodiscard]] bool inTransaction() const;

private:
    bool openWithOptions(const QString &path, const QString &options, bool writesFile);
    bool harden(bool writesFile);
    void fail(int code, const QString &text);

    QString m_name;
    sqlite3 *m_handle = nullptr;
    SqlFailure m_lastFailure;
};

} // namespace cp::storage
