#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace cp::storage {

class SqlConnection;
class SqliteConnection;

// Written into the file header (offset 68) so ClusterPlan recognises its own files: "ClPn".
inline constexpr qint32 kApplicationId = 0x436C506E;

// The schema version this build writes (PRAGMA user_version). A file with a higher one was
// made by a newer ClusterPlan and is refused, never touched.
[[nodiscard]] int currentSchemaVersion();

// Lowercase hex SHA-256 of `bytes` (a document's checksum, column document_sha256).
[[nodiscard]] QString sha256Hex(QByteArrayView bytes);

// A scenario row's checksum (column row_sha256, schema version 2), over its name and its
// document: the lowercase hex SHA-256 of the name's UTF-8 bytes as stored, one 0x00 byte, then
// the document's checksum as its 64 lowercase hex characters (docs/scenario-format.md, 7.2).
// Through the document's own checksum it covers the document, while a listing can check every
// name without reading every document.
[[nodiscard]] QString rowChecksum(QByteArrayView nameUtf8, QByteArrayView documentSha256Hex);

// The version-2 step on either engine: sets row_sha256 of every row from its stored name and
// document; a row whose document already fails document_sha256 gets an empty one (stays damaged).
bool fillRowChecksums(SqlConnection &connection);

// Brings a file from `fromVersion` to `toVersion` (default: current): the steps run in order,
// each in ONE transaction together with its user_version bump, so a crash leaves the file at a
// step boundary. A step tolerates being re-run on a file that already has its objects.
bool migrate(SqliteConnection &connection, int fromVersion, int toVersion = currentSchemaVersion());

// One row of sqlite_schema. `sql` is the exact statement text SQLite stored (empty for the
// indexes it makes itself), so any change to a table's definition is noticed.
struct SchemaObject {
    QString type;
    QString name;
    QString tableName;
    QString sql;
    friend bool operator==(const SchemaObject &, const SchemaObject &) = default;
};

// Every object of the connection's main database, sorted by type and name; false on failure.
bool readSchema(SqliteConnection &connection, std::vector<SchemaObject> &objects);

// The objects a workspace has after each step: element v is the schema of version v (element
// 0 is empty). Built once per process by running the migrations on an in-memory database, so
// it can never drift from what migrate() really creates. Empty if that failed.
[[nodiscard]] const std::vector<std::vector<SchemaObject>> &schemaByVersion();

} // namespace cp::storage
