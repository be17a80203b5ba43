#pragma once

#include "storage/sqlconnection.h"

struct sqlite3;

// Internal to models/storage: nothing outside this folder sees SQLite.
namespace cp::storage {

// One SQLite connection through Qt SQL, hardened for files that may come from anyone:
// defensive mode, untrusted schema, triggers and views disabled, cell size checks, no mmap.
// Settings Qt SQL does not expose go through QSqlDriver::handle() to the system libsqlite3
// that Debian's Qt driver also links. Closing happens in the destructor (RAII).
class SqliteConnection final : public SqlConnection
{
public:
    enum class Access { ReadOnly, ReadWrite };

    SqliteConnection();
    ~SqliteConnection() override;

    // `path` must be absolute (never a "file:" URI). ReadOnly never creates or changes the file;
    // ReadWrite creates a missing file and selects the rollback journal with full syncs.
    bool open(const QString &path, Access access);
    bool openInMemory();
    void close();

    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) override;
    [[nodiscard]] QSqlQuery newQuery() const override;
    [[nodiscard]] qint64 changes() const override;
    [[nodiscard]] bool inTransaction() const override;
    // BEGIN IMMEDIATE: the file's write lock now, so a busy file fails before any change.
    bool beginWrite() override;

    [[nodiscard]] QString utf8BytesOf(const QString &column) const override;
    [[nodiscard]] QVariant textValue(const QByteArray &utf8) const override;
    // A file has one writer at a time (the lock beside it), so it keeps no revisions.
    [[nodiscard]] QString revisionColumns() const override;
    [[nodiscard]] QString revisionBump() const override;
    [[nodiscard]] QString notIndexed() const override;

private:
    bool openWithOptions(const QString &path, const QString &options, bool writesFile);
    bool harden(bool writesFile);
    QString m_name;
    sqlite3 *m_handle = nullptr;
};

} // namespace cp::storage
