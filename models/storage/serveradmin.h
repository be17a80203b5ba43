#pragma once

#include "storage/workspace.h"

#include <QStringList>

namespace cp {

// True when `path` names a workspace on a PostgreSQL server (a libpq URI) rather than a file.
[[nodiscard]] bool isServerWorkspace(const QString &path);
// Why `uri` cannot name a server workspace (not a postgresql:// URI, a password in it, a value
// Qt's driver cannot pass...), read by the same parser as every open; empty when usable.
[[nodiscard]] QString serverUriProblem(const QString &uri);

// Who may do what in a workspace on a PostgreSQL server (docs/team-workspace.md, "Access").
struct ServerRoles {
    QStringList editors; // may read and change scenarios (SELECT, INSERT, UPDATE, DELETE on scenario)
    QStringList viewers; // may only read (SELECT); the server refuses their writes
};

// Sets up the server workspace named by `uri` for a team: creates or upgrades its tables as any
// writer's open does (the login must own the database or may create in its schema), creates
// each named role that does not exist yet (LOGIN, no password: ClusterPlan never stores one;
// the database administrator gives it one, or the server authenticates by certificate or
// peer), and grants each editor or viewer exactly its rights; a viewer who was an editor loses
// the writes. All the grants are one transaction: either every role is set up or none.
// Returns the error (Kind::None on success).
[[nodiscard]] WorkspaceError setUpServerWorkspace(const QString &uri, const ServerRoles &roles);

} // namespace cp
