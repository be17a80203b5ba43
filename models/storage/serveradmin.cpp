#include "storage/serveradmin.h"

#include "storage/pgconnection.h"
#include "storage/serveruri.h"
#include "storage/transaction.h"

#include <optional>

namespace cp {

namespace {

// PostgreSQL's quoting of an identifier (as quote_ident and PQescapeIdentifier): double quotes,
// a quote inside doubled. Role names cannot be bound as values, so this is the only way in.
QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// A role name a planner can type and the server keeps as given: 1 to 63 bytes, no control characters.
QString roleProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("a role name is empty");
    if (name.toUtf8().size() > 63)
        return QStringLiteral("role name '%1' is longer than PostgreSQL's 63 bytes").arg(name);
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("a role name holds a control character");
    return QString();
}

} // namespace

bool isServerWorkspace(const QString &path)
{
    return storage::isServerUri(path);
}

QString serverUriProblem(const QString &uri)
{
    if (!storage::isServerUri(uri))
        return QStringLiteral("a team workspace is named by a PostgreSQL URI such as "
                              "postgresql://alice@plans.example:5432/capex");
    return storage::parseServerUri(uri).problem;
}

WorkspaceError setUpServerWorkspace(const QString &uri, const ServerRoles &roles)
{
    const auto fail = [&](WorkspaceError::Kind kind, const QString &problem) {
        return WorkspaceError{kind, QStringLiteral("Cannot set up workspace '%1': %2").arg(uri, problem)};
    };
    if (!storage::isServerUri(uri))
        return fail(WorkspaceError::Kind::Refused,
                    QStringLiteral("roles and grants belong to a workspace on a PostgreSQL server "
                                   "(postgresql://...); a file's access is its file permissions."));
    const QStringList everyRole = roles.editors + roles.viewers;
    for (const QString &name : everyRole)
        if (const QString problem = roleProblem(name); !problem.isEmpty())
            return fail(WorkspaceError::Kind::InvalidName, problem + QLatin1Char('.'));
    for (const QString &name : roles.editors)
        if (roles.viewers.contains(name))
            return fail(WorkspaceError::Kind::InvalidName,
                        QStringLiteral("'%1' is named both editor and viewer; give each role one of them.").arg(name));

    // The tables first, exactly as a writer's open makes, upgrades and checks them.
    {
        Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return opened.error;
    }
    storage::PgConnection connection;
    if (!connection.open(storage::parseServerUri(uri).conninfo, false))
        return fail(WorkspaceError::Kind::Io, connection.lastFailure().reason() + QLatin1Char('.'));
    const auto failed = [&](const QString &what) {
        const storage::SqlFailure &failure = connection.lastFailure();
        const bool denied = failure.sqlState == QLatin1String("42501");
        return fail(denied ? WorkspaceError::Kind::ReadOnly : WorkspaceError::Kind::Io,
                    QStringLiteral("could not %1: the database server said: %2.%3 No role or grant was changed.")
                        .arg(what, failure.text.trimmed(),
                             denied ? QStringLiteral(" Run this as the database's owner or a role that may create roles.")
                                    : QString()));
    };
    storage::Transaction transaction(connection);
    if (!transaction.isActive())
        return failed(QStringLiteral("start the change"));
    const auto database = connection.scalar(QStringLiteral("SELECT quote_ident(current_database())"));
    const auto schema = connection.scalar(QStringLiteral("SELECT quote_ident(current_schema())"));
    const auto sequence = connection.scalar(QStringLiteral("SELECT pg_get_serial_sequence('scenario', 'id')"));
    if (!database || !schema || !sequence)
        return failed(QStringLiteral("read the database's names"));

    const auto grant = [&](const QString &name, bool editor) -> std::optional<WorkspaceError> {
        const auto exists = connection.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {name});
        if (!exists)
            return failed(QStringLiteral("look up role '%1'").arg(name));
        const QString role = quotedIdentifier(name);
        QStringList statements;
        if (exists->toLongLong() == 0)
            statements << QStringLiteral("CREATE ROLE %1 LOGIN").arg(role);
        statements << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(database->toString(), role)
                   << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema->toString(), role)
                   // Whatever the role could do before, it gets exactly this role's rights.
                   << QStringLiteral("REVOKE ALL ON scenario, clusterplan_workspace, scenario_audit FROM %1").arg(role)
                   << QStringLiteral("REVOKE ALL ON SEQUENCE %1 FROM %2").arg(sequence->toString(), role)
                   << QStringLiteral("GRANT SELECT ON scenario, clusterplan_workspace, scenario_audit TO %1").arg(role);
        if (editor)
            statements << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON scenario TO %1").arg(role)
                       << QStringLiteral("GRANT USAGE ON SEQUENCE %1 TO %2").arg(sequence->toString(), role);
        for (const QString &statement : statements)
            if (!connection.exec(statement))
                return failed(QStringLiteral("give role '%1' its rights").arg(name));
        return std::nullopt;
    };
    for (const QString &name : roles.editors)
        if (auto error = grant(name, true))
            return *error;
    for (const QString &name : roles.viewers)
        if (auto error = grant(name, false))
            return *error;
    if (!transaction.commit())
        return failed(QStringLiteral("save the grants"));
    return {};
}

} // namespace cp
