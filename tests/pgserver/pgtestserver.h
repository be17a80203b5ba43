#pragma once

// The throwaway PostgreSQL server of the tests (pgserver.sh, a CTest fixture): each test makes
// its own empty database there, so tests running at once never see each other's scenarios.
// Without the server the helpers return an empty string and the test fails (QVERIFY), never skips.

#include "storage/pgconnection.h"
#include "storage/serveruri.h"

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QUuid>

namespace pgtest {

// The URI of the server's maintenance database "postgres", as the superuser "postgres".
inline QString serverUri()
{
    QFile file(QStringLiteral(CLUSTERPLAN_PG_URI_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

// The same server, database `database`, as role `user`.
inline QString uriFor(const QString &database, const QString &user = QStringLiteral("postgres"))
{
    QString uri = serverUri();
    static const QRegularExpression pattern(QStringLiteral("^postgresql://[^@]*@/[^?]*\\?"));
    uri.replace(pattern, QStringLiteral("postgresql://%1@/%2?").arg(user, database));
    return uri;
}

// Runs SQL as the superuser on `database`; the error text, or empty.
inline QString adminExec(const QString &database, const QStringList &statements)
{
    cp::storage::PgConnection connection;
    const cp::storage::ServerAddress address = cp::storage::parseServerUri(uriFor(database));
    if (!address.problem.isEmpty())
        return address.problem;
    if (!connection.open(address.conninfo, false))
        return connection.lastFailure().reason();
    for (const QString &statement : statements)
        if (!connection.exec(statement))
            return connection.lastFailure().reason();
    return QString();
}

// A new, empty database; returns its URI (empty when the server cannot be reached).
inline QString freshDatabase()
{
    if (serverUri().isEmpty())
        return QString();
    const QString name = QStringLiteral("cp_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!adminExec(QStringLiteral("postgres"), {QStringLiteral("CREATE DATABASE %1").arg(name)}).isEmpty())
        return QString();
    return uriFor(name);
}

// The database name of a URI made by freshDatabase().
inline QString databaseOf(const QString &uri)
{
    static const QRegularExpression pattern(QStringLiteral("^postgresql://[^@]*@/([^?]*)\\?"));
    return pattern.match(uri).captured(1);
}

} // namespace pgtest
