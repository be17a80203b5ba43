#include "storage/pgschema.h"

#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <iterator>

namespace cp::storage {

namespace {

const QLatin1String kMetaTable("clusterplan_workspace");

// Version 1: as a file's version 1 (schema.cpp), in PostgreSQL's types. Names are unique with
// exact comparison: text equality under a deterministic collation compares the bytes.
bool createTables(SqlConnection &connection)
{
    return connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS clusterplan_workspace ("
                                          "application_id integer NOT NULL, "
                                          "schema_version integer NOT NULL)"))
        && connection.exec(QStringLiteral("INSERT INTO clusterplan_workspace (application_id, schema_version) "
                                          "SELECT %1, 0 WHERE NOT EXISTS (SELECT 1 FROM clusterplan_workspace)")
                               .arg(kApplicationId))
        && connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS scenario ("
                                          "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                                          "name text NOT NULL UNIQUE, "
                                          "position bigint NOT NULL, "
                                          "created_utc text NOT NULL, "
                                          "modified_utc text NOT NULL, "
                                          "document text NOT NULL, "
                                          "document_sha256 text NOT NULL)"));
}

// Version 2: the row checksum over name and document, filled in as on a file.
bool addRowChecksum(SqlConnection &connection)
{
    return connection.exec(
               QStringLiteral("ALTER TABLE scenario ADD COLUMN IF NOT EXISTS row_sha256 text NOT NULL DEFAULT ''"))
        && fillRowChecksums(connection);
}

// Version 3: the revision of the row's document (1 when created, one more at every save) and the
// role that saved it, so a save made against an older revision is refused (a conflict) instead of
// overwriting someone else's change.
bool addRevision(SqlConnection &connection)
{
    return connection.exec(QStringLiteral("ALTER TABLE scenario "
                                          "ADD COLUMN IF NOT EXISTS revision bigint NOT NULL DEFAULT 1, "
                                          "ADD COLUMN IF NOT EXISTS modified_by text NOT NULL DEFAULT ''"));
}

using ServerMigrationStep = bool (*)(SqlConnection &);

// Step i brings the database to version i + 1. Append only; never edit a released step.
constexpr ServerMigrationStep kServerSteps[] = {
    &createTables,
    &addRowChecksum,
    &addRevision,
};

// The columns of the current version: table, column, type, nullable. Checked after migrating.
const QStringList &expectedColumns()
{
    static const QStringList columns = {
        QStringLiteral("clusterplan_workspace.application_id integer NO"),
        QStringLiteral("clusterplan_workspace.schema_version integer NO"),
        QStringLiteral("scenario.created_utc text NO"),
        QStringLiteral("scenario.document text NO"),
        QStringLiteral("scenario.document_sha256 text NO"),
        QStringLiteral("scenario.id bigint NO"),
        QStringLiteral("scenario.modified_by text NO"),
        QStringLiteral("scenario.modified_utc text NO"),
        QStringLiteral("scenario.name text NO"),
        QStringLiteral("scenario.position bigint NO"),
        QStringLiteral("scenario.revision bigint NO"),
        QStringLiteral("scenario.row_sha256 text NO"),
    };
    return columns;
}

} // namespace

int currentServerSchemaVersion()
{
    return static_cast<int>(std::size(kServerSteps));
}

ServerSchemaCheck checkServerSchema(SqlConnection &connection)
{
    ServerSchemaCheck check;
    QStringList tables;
    {
        QSqlQuery query = connection.newQuery();
        if (!connection.run(query, QStringLiteral("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_schema = current_schema() ORDER BY table_name"))) {
            check.problem = connection.lastFailure().reason() + QLatin1Char('.');
            return check;
        }
        while (query.next())
            tables << query.value(0).toString();
    }
    if (tables.isEmpty()) {
        check.verdict = ServerSchemaCheck::Verdict::Empty;
        return check;
    }
    if (!tables.contains(kMetaTable)) {
        check.problem = QStringLiteral("the database holds tables of another program (%1), not a ClusterPlan "
                                       "workspace. ClusterPlan did not change it; name an empty database or a "
                                       "ClusterPlan workspace.")
                            .arg(tables.mid(0, 5).join(QStringLiteral(", ")));
        return check;
    }
    QSqlQuery meta = connection.newQuery();
    if (!connection.run(meta, QStringLiteral("SELECT application_id, schema_version FROM clusterplan_workspace"))) {
        check.problem = connection.lastFailure().reason() + QLatin1Char('.');
        return check;
    }
    if (!meta.next() || meta.value(0).toLongLong() != kApplicationId) {
        check.problem = QStringLiteral("its table clusterplan_workspace does not say it is a ClusterPlan workspace. "
                                       "ClusterPlan did not change it.");
        return check;
    }
    const qint64 version = meta.value(1).toLongLong();
    if (meta.next()) {
        check.problem = QStringLiteral("its table clusterplan_workspace is damaged (more than one row). ClusterPlan "
                                       "did not change it.");
        return check;
    }
    if (version > currentServerSchemaVersion()) {
        check.problem = QStringLiteral("it was made by a newer ClusterPlan (workspace version %1; this one reads up to "
                                       "%2). ClusterPlan did not change it; use a newer ClusterPlan.")
                            .arg(version)
                            .arg(currentServerSchemaVersion());
        return check;
    }
    if (version < 0) {
        check.problem = QStringLiteral("its version (%1) is damaged. ClusterPlan did not change it.").arg(version);
        return check;
    }
    for (const QString &table : tables) {
        if (table != kMetaTable && table != QLatin1String("scenario")) {
            check.problem = QStringLiteral("besides ClusterPlan's tables it holds '%1'. ClusterPlan did not change "
                                           "it; keep a workspace's database for ClusterPlan alone.")
                                .arg(table);
            return check;
        }
    }
    check.verdict = ServerSchemaCheck::Verdict::Usable;
    check.schemaVersion = static_cast<int>(version);
    return check;
}

bool migrateServer(SqlConnection &connection, int fromVersion)
{
    for (int version = std::max(fromVersion, 0) + 1; version <= currentServerSchemaVersion(); ++version) {
        Transaction transaction(connection);
        if (!transaction.isActive() || !kServerSteps[version - 1](connection)
            || !connection.exec(QStringLiteral("UPDATE clusterplan_workspace SET schema_version = ? "
                                               "WHERE schema_version < ?"),
                                {version, version})
            || !transaction.commit())
            return false;
    }
    return true;
}

std::optional<QString> serverSchemaDifference(SqlConnection &connection)
{
    QStringList columns;
    QSqlQuery query = connection.newQuery();
    if (!connection.run(query, QStringLiteral("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
                                              "is_nullable FROM information_schema.columns "
                                              "WHERE table_schema = current_schema() ORDER BY 1")))
        return connection.lastFailure().reason();
    while (query.next())
        columns << query.value(0).toString();
    if (columns != expectedColumns())
        return QStringLiteral("its columns are %1; ClusterPlan expects %2")
            .arg(columns.join(QStringLiteral(", ")), expectedColumns().join(QStringLiteral(", ")));
    const auto triggers = connection.scalar(QStringLiteral(
        "SELECT count(*) FROM information_schema.triggers WHERE event_object_schema = current_schema()"));
    if (!triggers)
        return connection.lastFailure().reason();
    if (triggers->toLongLong() != 0)
        return QStringLiteral("it has triggers, which a ClusterPlan workspace never has");
    return std::nullopt;
}

} // namespace cp::storage
