// Workspace::open() for a workspace on a PostgreSQL server: the same checks as for a file, in
// the server's terms. Everything after opening (the scenario statements) is workspace.cpp's,
// through the SqlConnection dialect.
#include "storage/workspace.h"

#include "storage/pgconnection.h"
#include "storage/pgschema.h"
#include "storage/serveruri.h"
#include "storage/workspacelock.h"

#include <QRegularExpression>

namespace cp {

Workspace::OpenResult Workspace::openServer(const QString &uri, OpenMode mode)
{
    OpenResult result;
    // A password typed into the URI anyway is never repeated in a message.
    static const QRegularExpression password(QStringLiteral("^([a-z]+://[^:/@?]*):[^@/?]*@"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QString shown = QString(uri).replace(password, QStringLiteral("\\1:***@"));
    const auto refuse = [&](WorkspaceError::Kind kind, const QString &problem) {
        result.workspace.reset();
        result.error = {kind, QStringLiteral("Cannot open workspace '%1': %2").arg(shown, problem)};
        return std::move(result);
    };
    const storage::ServerAddress address = storage::parseServerUri(uri);
    if (!address.problem.isEmpty())
        return refuse(WorkspaceError::Kind::Refused,
                      QStringLiteral("it is not a usable PostgreSQL connection URI: %1").arg(address.problem));

    const bool readOnly = mode == OpenMode::ReadOnly;
    auto connection = std::make_unique<storage::PgConnection>();
    if (!connection->open(address.conninfo, readOnly))
        return refuse(WorkspaceError::Kind::Io,
                      QStringLiteral("%1. Check the address, that the server runs, and your login (a password "
                                     "goes in ~/.pgpass or PGPASSWORD).")
                          .arg(connection->lastFailure().reason()));

    const storage::ServerSchemaCheck check = storage::checkServerSchema(*connection);
    if (check.verdict == storage::ServerSchemaCheck::Verdict::Refused)
        return refuse(WorkspaceError::Kind::Refused, check.problem);

    // Whether this login may write is the server's business (grants); it refuses what it must.
    QString readOnlyReason = readOnly ? QStringLiteral("it was opened read-only") : QString();
    if (check.verdict == storage::ServerSchemaCheck::Verdict::Empty && readOnly)
        return refuse(WorkspaceError::Kind::NotFound,
                      QStringLiteral("the database holds no workspace yet, and read-only access cannot make one. "
                                     "Import a scenario into it first."));
    if (check.verdict == storage::ServerSchemaCheck::Verdict::Usable
        && check.schemaVersion < storage::currentServerSchemaVersion() && readOnly)
        return refuse(WorkspaceError::Kind::ReadOnly,
                      QStringLiteral("it was made by an older ClusterPlan and must be upgraded, which needs editing "
                                     "access, but it was opened read-only."));
    if (!readOnly) {
        if (!storage::migrateServer(*connection, check.schemaVersion))
            return refuse(WorkspaceError::Kind::Io,
                          QStringLiteral("it could not be brought to workspace version %1: %2. The database keeps its "
                                         "previous state.")
                              .arg(storage::currentServerSchemaVersion())
                              .arg(connection->lastFailure().reason()));
    }
    if (const auto difference = storage::serverSchemaDifference(*connection))
        return refuse(WorkspaceError::Kind::Refused,
                      QStringLiteral("its tables differ from ClusterPlan's (%1). ClusterPlan changes nothing in it; "
                                     "import its scenarios into a new database instead.")
                          .arg(*difference));

    result.workspace.reset(new Workspace(uri, std::move(connection), nullptr, readOnlyReason));
    result.workspace->m_server = true;
    return result;
}

} // namespace cp
