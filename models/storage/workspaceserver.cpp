// Workspace::open() for a workspace on a PostgreSQL server: the same checks as for a file, in
// the server's terms. Everything after opening (the scenario statements) is workspace.cpp's,
// through the SqlConnection dialect.
#include "storage/workspace.h"

#include "storage/pgconnection.h"
#include "storage/pgschema.h"
#include "storage/serveruri.h"
#include "storage/workspacelock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace cp {

Workspace::OpenResult Workspace::openServer(const QString &uri, OpenMode mode, const QString &typedPassword)
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
    if (!connection->open(address.conninfo, readOnly, typedPassword))
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

bool Workspace::listenForChanges()
{
    clearError();
    if (!m_server)
        return setError(WorkspaceError::Kind::Refused,
                        QStringLiteral("Workspace '%1' is a file: only one program edits it at a time.").arg(m_path));
    QSqlDriver *driver = static_cast<storage::PgConnection &>(*m_connection).driver();
    const QString channel = QStringLiteral("clusterplan_scenario");
    if (!driver)
        return setError(WorkspaceError::Kind::Io,
                        QStringLiteral("Could not listen for changes in workspace '%1': the connection is closed.").arg(m_path));
    if (driver->subscribedToNotifications().contains(channel))
        return true;
    if (!driver->subscribeToNotification(channel))
        return setError(WorkspaceError::Kind::Io,
                        QStringLiteral("Could not listen for changes in workspace '%1': %2.")
                            .arg(m_path, driver->lastError().text()));
    connect(driver, &QSqlDriver::notification, this,
            [this, channel](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                // Our own saves are known already (and signalled by scenarioChanged and friends).
                if (name != channel || source == QSqlDriver::SelfSource)
                    return;
                const QJsonObject change = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
                emit changedElsewhere(change.value(QStringLiteral("id")).toInteger(),
                                      change.value(QStringLiteral("revision")).toInteger(),
                                      change.value(QStringLiteral("action")).toString(),
                                      change.value(QStringLiteral("by")).toString());
            });
    return true;
}

std::optional<std::vector<AuditEntry>> Workspace::auditTrail(const QString &scenarioName) const
{
    clearError();
    if (!m_server) {
        setError(WorkspaceError::Kind::Refused,
                 QStringLiteral("Workspace '%1' is a file, which keeps no audit trail: a team workspace on a PostgreSQL "
                                "server does (docs/team-workspace.md).")
                     .arg(m_path));
        return std::nullopt;
    }
    QString sql = QStringLiteral("SELECT scenario_id, scenario_name, changed_utc, changed_by, action, revision, "
                                 "array_to_string(changed_fields, E'\\n') FROM scenario_audit");
    QVariantList values;
    if (!scenarioName.isEmpty()) {
        sql += QStringLiteral(" WHERE scenario_id IN (SELECT scenario_id FROM scenario_audit WHERE scenario_name = ?)");
        values << scenarioName.trimmed();
    }
    sql += QStringLiteral(" ORDER BY id");
    QSqlQuery query = m_connection->newQuery();
    if (!m_connection->run(query, sql, values)) {
        failIo(QStringLiteral("read the audit trail"));
        return std::nullopt;
    }
    std::vector<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.scenarioId = query.value(0).toLongLong();
        entry.scenarioName = query.value(1).toString();
        entry.changedUtc = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        entry.changedBy = query.value(3).toString();
        entry.action = query.value(4).toString();
        entry.revision = query.value(5).toLongLong();
        const QString fields = query.value(6).toString();
        if (!fields.isEmpty())
            entry.changedFields = fields.split(QLatin1Char('\n'));
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace cp
