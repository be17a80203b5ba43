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
const QLatin1String kAuditTable("scenario_audit");

// The bodies of the audit functions, kept here once: the migration creates them and the shape
// check compares the stored ones with them, so a trigger or function changed by anyone else is
// refused at open.

// A document as jsonb, or NULL when it is not JSON (a workspace stores any UTF-8 text).
QString auditJsonbBody()
{
    return QStringLiteral("BEGIN RETURN document::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END;");
}

// The paths where two JSON values differ, in the app's notation (sites[0].power[1].capacityMw;
// a key that is no identifier as ["key"]); "$" for the whole document.
QString auditDiffBody()
{
    return QStringLiteral(
        "DECLARE key text; step text; i integer; kind text; "
        "BEGIN "
        "IF old_value IS NOT DISTINCT FROM new_value THEN RETURN; END IF; "
        "kind := jsonb_typeof(old_value); "
        "IF old_value IS NULL OR new_value IS NULL OR kind <> jsonb_typeof(new_value) "
        "OR kind NOT IN ('object', 'array') THEN "
        "RETURN NEXT CASE WHEN path = '' THEN '$' ELSE path END; RETURN; END IF; "
        "IF kind = 'object' THEN "
        "FOR key IN SELECT k FROM (SELECT jsonb_object_keys(old_value) AS k "
        "UNION SELECT jsonb_object_keys(new_value)) keys ORDER BY k COLLATE \"C\" LOOP "
        "IF key ~ '^[A-Za-z_][A-Za-z0-9_]*$' THEN "
        "step := CASE WHEN path = '' THEN key ELSE path || '.' || key END; "
        "ELSE step := path || '[' || to_jsonb(key)::text || ']'; END IF; "
        "RETURN QUERY SELECT clusterplan_json_diff(old_value -> key, new_value -> key, step); "
        "END LOOP; "
        "ELSE "
        "FOR i IN 0 .. greatest(jsonb_array_length(old_value), jsonb_array_length(new_value)) - 1 LOOP "
        "RETURN QUERY SELECT clusterplan_json_diff(old_value -> i, new_value -> i, path || '[' || i || ']'); "
        "END LOOP; "
        "END IF; "
        "END;");
}

// One audit row per change of a scenario, then the notice to listening clients.
QString auditTriggerBody()
{
    return QStringLiteral(
        "DECLARE act text; fields text[] := '{}'; row_id bigint; row_name text; row_revision bigint; "
        "old_json jsonb; new_json jsonb; "
        "BEGIN "
        "IF TG_OP = 'INSERT' THEN act := 'insert'; row_id := NEW.id; row_name := NEW.name; "
        "row_revision := NEW.revision; "
        "ELSIF TG_OP = 'DELETE' THEN act := 'delete'; row_id := OLD.id; row_name := OLD.name; "
        "row_revision := OLD.revision; "
        "ELSE "
        "row_id := NEW.id; row_name := NEW.name; row_revision := NEW.revision; "
        "IF NEW.document IS DISTINCT FROM OLD.document THEN act := 'update'; "
        "old_json := clusterplan_jsonb(OLD.document); new_json := clusterplan_jsonb(NEW.document); "
        "IF old_json IS NULL OR new_json IS NULL THEN fields := ARRAY['$']; "
        "ELSE fields := ARRAY(SELECT clusterplan_json_diff(old_json, new_json, '')); END IF; "
        "ELSIF NEW.name IS DISTINCT FROM OLD.name THEN act := 'rename'; "
        "ELSE RETURN NULL; "
        "END IF; "
        "END IF; "
        "INSERT INTO scenario_audit (scenario_id, scenario_name, changed_utc, changed_by, action, revision, "
        "changed_fields) VALUES (row_id, row_name, "
        "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "session_user, act, row_revision, fields); "
        "PERFORM pg_notify('clusterplan_scenario', json_build_object('id', row_id, 'revision', row_revision, "
        "'action', act, 'by', session_user)::text); "
        "RETURN NULL; "
        "END;");
}

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

// Version 4: the audit trail, written by the database itself. A trigger on scenario adds a row to
// scenario_audit for every insert, document save, rename and delete: who (session_user), when
// (the server's clock, UTC), the revision, and the JSON paths of the fields the save changed
// ("sites[0].power[1].capacityMw"), diffed from the old and new documents as jsonb. The trigger
// runs as the tables' owner (SECURITY DEFINER), so an editor's save writes the audit row while
// nobody but the owner may write the table directly; viewers and editors may read it. The same
// trigger announces the change (NOTIFY clusterplan_scenario) so open windows refresh.
bool addAuditTrail(SqlConnection &connection)
{
    const auto schema = connection.scalar(QStringLiteral("SELECT quote_ident(current_schema())"));
    if (!schema)
        return false;
    // Pinned search path: a definer's function must not find a caller's look-alike tables first.
    const QString pinned = QStringLiteral("SET search_path = %1, pg_temp").arg(schema->toString());
    return connection.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS scenario_audit ("
                                          "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                                          "scenario_id bigint NOT NULL, "
                                          "scenario_name text NOT NULL, "
                                          "changed_utc text NOT NULL, "
                                          "changed_by text NOT NULL, "
                                          "action text NOT NULL, "
                                          "revision bigint NOT NULL, "
                                          "changed_fields text[] NOT NULL)"))
        && connection.exec(QStringLiteral("CREATE OR REPLACE FUNCTION clusterplan_jsonb(document text) RETURNS jsonb "
                                          "LANGUAGE plpgsql IMMUTABLE %1 AS $body$%2$body$")
                               .arg(pinned, auditJsonbBody()))
        && connection.exec(QStringLiteral("CREATE OR REPLACE FUNCTION clusterplan_json_diff(old_value jsonb, "
                                          "new_value jsonb, path text) RETURNS SETOF text "
                                          "LANGUAGE plpgsql IMMUTABLE %1 AS $body$%2$body$")
                               .arg(pinned, auditDiffBody()))
        && connection.exec(QStringLiteral("CREATE OR REPLACE FUNCTION clusterplan_audit() RETURNS trigger "
                                          "LANGUAGE plpgsql SECURITY DEFINER %1 AS $body$%2$body$")
                               .arg(pinned, auditTriggerBody()))
        && connection.exec(QStringLiteral("REVOKE ALL ON FUNCTION clusterplan_audit() FROM PUBLIC"))
        && connection.exec(QStringLiteral("DROP TRIGGER IF EXISTS scenario_audit ON scenario"))
        && connection.exec(QStringLiteral("CREATE TRIGGER scenario_audit AFTER INSERT OR UPDATE OR DELETE ON "
                                          "scenario FOR EACH ROW EXECUTE FUNCTION clusterplan_audit()"))
        && connection.exec(QStringLiteral("REVOKE ALL ON scenario_audit FROM PUBLIC"))
        // Whoever could read the scenarios before (admin setup's editors and viewers) reads the trail.
        && connection.exec(QStringLiteral(
            "DO $grant$ DECLARE reader text; BEGIN "
            "FOR reader IN SELECT DISTINCT CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END "
            "FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) acl LEFT JOIN pg_roles r ON r.oid = acl.grantee "
            "WHERE c.oid = 'scenario'::regclass AND acl.privilege_type = 'SELECT' AND acl.grantee <> c.relowner LOOP "
            "EXECUTE 'GRANT SELECT ON scenario_audit TO ' || reader; END LOOP; END $grant$"));
}

using ServerMigrationStep = bool (*)(SqlConnection &);

// Step i brings the database to version i + 1. Append only; never edit a released step.
constexpr ServerMigrationStep kServerSteps[] = {
    &createTables,
    &addRowChecksum,
    &addRevision,
    &addAuditTrail,
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
        QStringLiteral("scenario_audit.action text NO"),
        QStringLiteral("scenario_audit.changed_by text NO"),
        QStringLiteral("scenario_audit.changed_fields ARRAY NO"),
        QStringLiteral("scenario_audit.changed_utc text NO"),
        QStringLiteral("scenario_audit.id bigint NO"),
        QStringLiteral("scenario_audit.revision bigint NO"),
        QStringLiteral("scenario_audit.scenario_id bigint NO"),
        QStringLiteral("scenario_audit.scenario_name text NO"),
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
        if (table != kMetaTable && table != QLatin1String("scenario") && table != kAuditTable) {
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
    // Exactly the audit trigger (version 4), running this build's functions: any other trigger,
    // or these changed, disabled or no longer the owner's, is refused.
    QStringList triggers;
    QSqlQuery triggerQuery = connection.newQuery();
    if (!connection.run(triggerQuery,
                        QStringLiteral("SELECT t.tgname::text || ' on ' || c.relname::text || ' type ' || "
                                       "t.tgtype::text || ' ' || t.tgenabled::text || ' calls ' || p.proname::text || "
                                       "' definer ' || p.prosecdef::text || ' owner ' || (p.proowner = c.relowner)::text "
                                       "|| ' same ' || (p.prosrc = ?)::text "
                                       "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                       "JOIN pg_proc p ON p.oid = t.tgfoid "
                                       "WHERE NOT t.tgisinternal AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
                                       "ORDER BY 1"),
                        {auditTriggerBody()}))
        return connection.lastFailure().reason();
    while (triggerQuery.next())
        triggers << triggerQuery.value(0).toString();
    // 29 = FOR EACH ROW (1) + INSERT (4) + DELETE (8) + UPDATE (16), AFTER; 'O': enabled.
    const QStringList expectedTriggers = {
        QStringLiteral("scenario_audit on scenario type 29 O calls clusterplan_audit definer true owner true same true")};
    if (triggers != expectedTriggers)
        return triggers.isEmpty() ? QStringLiteral("its audit trigger is missing")
                                  : QStringLiteral("it has triggers other than ClusterPlan's audit trigger (%1)")
                                        .arg(triggers.join(QStringLiteral("; ")));
    const auto functions = connection.scalar(
        QStringLiteral("SELECT count(*) FROM pg_proc p JOIN pg_class c ON c.oid = 'scenario'::regclass "
                       "WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND p.proowner = c.relowner "
                       "AND ((p.proname = 'clusterplan_json_diff' AND p.prosrc = ?) "
                       "OR (p.proname = 'clusterplan_jsonb' AND p.prosrc = ?))"),
        {auditDiffBody(), auditJsonbBody()});
    if (!functions)
        return connection.lastFailure().reason();
    if (functions->toLongLong() != 2)
        return QStringLiteral("its audit functions clusterplan_json_diff and clusterplan_jsonb are not ClusterPlan's");
    return std::nullopt;
}

} // namespace cp::storage
