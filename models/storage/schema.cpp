#include "storage/schema.h"

#include "storage/sqliteconnection.h"
#include "storage/transaction.h"

#include <QSqlError>

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

using MigrationStep = bool (*)(SqliteConnection &);

// Step i brings the file to version i + 1. Append only; never edit a released step.
constexpr MigrationStep kMigrationSteps[] = {
    &createScenarioTable,
};

} // namespace

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
