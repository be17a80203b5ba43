#pragma once

#include <QString>

#include <optional>

namespace cp::storage {

class SqlConnection;

// The workspace schema on a PostgreSQL server (docs/team-workspace.md). Its versions count the
// same steps as a file's (1: the scenario table, 2: row checksums) plus the server's own
// 3: a revision and the role that made it on every row, for editing by many at once, and 4: the
// audit trail a trigger writes (scenario_audit), which also notifies listening clients. The
// version and ClusterPlan's application id live in table clusterplan_workspace (a server has
// no file header), in the database's current schema (normally "public").
[[nodiscard]] int currentServerSchemaVersion();

struct ServerSchemaCheck {
    enum class Verdict {
        Empty,   // no tables at all: a new workspace may be created there
        Usable,  // ClusterPlan's tables, a version this build reads
        Refused, // another program's tables, a newer ClusterPlan's, or damaged
    };
    Verdict verdict = Verdict::Refused;
    int schemaVersion = 0;
    QString problem; // why, when refused (a sentence ending in what to do)
};

// Looks without changing anything.
[[nodiscard]] ServerSchemaCheck checkServerSchema(SqlConnection &connection);

// Runs the steps after `fromVersion` in order, each in one write transaction together with its
// version bump; each tolerates being re-run (two clients upgrading at once take turns).
bool migrateServer(SqlConnection &connection, int fromVersion);

// After migrating: the tables' columns must be exactly this build's. The difference, if any.
[[nodiscard]] std::optional<QString> serverSchemaDifference(SqlConnection &connection);

} // namespace cp::storage
