#include "storage/schema.h"

#include "storage/sqliteconnection.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>

namespace cp::storage {

namespace {

// Version 1: one row per scenario. The document is the scenario's canonical JSON exactly as
// written (TEXT, UTF-8) with its SHA-256 to notice damage SQLite cannot see (it keeps no
// checksums). Names are unique with exact comparison, as the format
// compares names (docs/scenario-format.md, section 7).
bool createScenarioTable(SqliteConnection &connection)
{
    return connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS scenario ("
                                          "id INTEGER PRIMARY KEY, "
                                          "name TEXT NOT NULL UNIQUE, "
                                          "position INTEGER NOT NULL, "
                                          "created_utc TEXT NOT NULL, "
                                          "modified_utc TEXT NOT NULL, "
                                          "document TEXT NOT NULL, "
                                          "document_sha256 TEXT NOT NULL"
                                          ") STRICT"))
        && connection.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
}

// Version 2: a checksum per row over the name and the document (rowChecksum()), so a damaged
// name is noticed like a damaged document. Existing rows get theirs here; a row whose document
// already fails its own checksum gets an empty one, so it stays reported as damaged instead of
// being blessed. Re-run on a version-2 file it adds no column and writes the same values.
bool addRowChecksum(SqliteConnection &connection)
{
    const auto hasColumn = connection.scalar(
        QStringLiteral("SELECT count(*) FROM pragma_table_info('scenario') WHERE name = 'row_sha256'"));
    if (!hasColumn)
        return false;
    if (hasColumn->toLongLong() == 0
        && !connection.exec(QStringLiteral("ALTER TABLE scenario ADD COLUMN row_sha256 TEXT NOT NULL DEFAULT ''")))
        return false;
    return fillRowChecksums(connection);
}

using MigrationStep = bool (*)(SqliteConnection &);

// Step i brings the file to version i + 1. Append only; never edit a released step.
constexpr MigrationStep kMigrationSteps[] = {
    &createScenarioTable,
    &addRowChecksum,
};

} // namespace

bool fillRowChecksums(SqlConnection &connection)
{
    std::vector<std::pair<qint64, QString>> checksums;
    {
        QSqlQuery rows = connection.newQuery();
        if (!connection.run(rows, QStringLiteral("SELECT id, %1, %2, document_sha256 FROM scenario")
                                      .arg(connection.utf8BytesOf(QStringLiteral("name")),
                                           connection.utf8BytesOf(QStringLiteral("document")))))
            return false;
        while (rows.next()) {
            const QByteArray stored = rows.value(3).toString().toLatin1();
            const bool documentIntact = sha256Hex(rows.value(2).toByteArray()).toLatin1() == stored;
            checksums.emplace_back(rows.value(0).toLongLong(),
                                   documentIntact ? rowChecksum(rows.value(1).toByteArray(), stored) : QString());
        }
        if (rows.lastError().isValid())
            return false;
    }
    for (const auto &[id, checksum] : checksums)
        if (!connection.exec(QStringLiteral("UPDATE scenario SET row_sha256 = COALESCE(?, '') WHERE id = ?"), {checksum, id}))
            return false;
    return true;
}

QString sha256Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString rowChecksum(QByteArrayView nameUtf8, QByteArrayView documentSha256Hex)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(nameUtf8);
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(documentSha256Hex);
    return QString::fromLatin1(hash.result().toHex());
}

int currentSchemaVersion()
{
    return static_cast<int>(std::size(kMigrationSteps));
}

bool migrate(SqliteConnection &connection, int fromVersion, int toVersion)
{
    for (int version = std::max(fromVersion, 0) + 1; version <= std::min(toVersion, currentSchemaVersion());
         ++version) {
        Transaction transaction(connection);
        if (!transaction.isActive() || !kMigrationSteps[version - 1](connection)
            || !connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !transaction.commit())
            return false;
    }
    return true;
}

bool readSchema(SqliteConnection &connection, std::vector<SchemaObject> &objects)
{
    objects.clear();
    QSqlQuery query = connection.newQuery();
    if (!connection.run(query,
                        QStringLiteral("SELECT type, name, tbl_name, COALESCE(sql, '') FROM main.sqlite_schema "
                                       "ORDER BY type, name")))
        return false;
    while (query.next())
        objects.push_back({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                           query.value(3).toString()});
    return !query.lastError().isValid();
}

const std::vector<std::vector<SchemaObject>> &schemaByVersion()
{
    static const std::vector<std::vector<SchemaObject>> snapshots = [] {
        std::vector<std::vector<SchemaObject>> result(1);
        SqliteConnection memory;
        if (!memory.openInMemory())
            return std::vector<std::vector<SchemaObject>>{};
        for (int version = 1; version <= currentSchemaVersion(); ++version) {
            std::vector<SchemaObject> objects;
            if (!migrate(memory, version - 1, version) || !readSchema(memory, objects))
                return std::vector<std::vector<SchemaObject>>{};
            result.push_back(std::move(objects));
        }
        return result;
    }();
    return snapshots;
}

} // namespace cp::storage
