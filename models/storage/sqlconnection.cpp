#include "storage/sqlconnection.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <sqlite3.h>

namespace cp::storage {

QString SqlFailure::reason() const
{
    if (fromServer) {
        const QString said = text.trimmed().isEmpty() ? QStringLiteral("no reason given") : text.trimmed();
        switch (primaryCode()) {
        case SQLITE_FULL:
            return QStringLiteral("the database server's disk is full (the server said: %1)").arg(said);
        case SQLITE_READONLY:
            return QStringLiteral("the database server refused the change: this account may only read the workspace "
                                  "(the server said: %1)")
                .arg(said);
        case SQLITE_BUSY:
            return QStringLiteral("the database server was busy with another change (the server said: %1)").arg(said);
        default:
            return QStringLiteral("the database server said: %1").arg(said);
        }
    }
    switch (primaryCode()) {
    case SQLITE_FULL:
        return QStringLiteral("the disk is full");
    case SQLITE_READONLY:
        if (code == SQLITE_READONLY_ROLLBACK)
            return QStringLiteral("an edit was interrupted (the program that made it stopped) and recovering it needs "
                                  "write access");
        return QStringLiteral("the file or its folder is read-only");
    case SQLITE_CANTOPEN:
        return QStringLiteral("the file or its journal beside it cannot be created or opened (is the folder "
                              "read-only, missing or full?)");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QStringLiteral("permission denied");
    case SQLITE_IOERR:
        return QStringLiteral("the disk reported a read or write error (it may be full, removed or failing)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("another program kept the file busy");
    case SQLITE_CORRUPT:
        return QStringLiteral("the file is damaged");
    case SQLITE_NOTADB:
        return QStringLiteral("the file is not an SQLite database");
    case SQLITE_NOMEM:
        return QStringLiteral("the computer ran out of memory");
    case SQLITE_TOOBIG:
        return QStringLiteral("a value is too large to store");
    default:
        break;
    }
    if (code == 0)
        return text.isEmpty() ? QStringLiteral("the database driver failed") : text;
    return QStringLiteral("SQLite error %1 (%2)").arg(code).arg(text);
}

bool SqlConnection::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query = newQuery();
    return run(query, sql, values);
}

std::optional<QVariant> SqlConnection::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery query = newQuery();
    if (!run(query, sql, values))
        return std::nullopt;
    if (!query.next()) {
        if (query.lastError().isValid())
            fail(query.lastError().nativeErrorCode().toInt(), query.lastError().databaseText());
        else
            fail(0, QStringLiteral("the statement returned no row"));
        return std::nullopt;
    }
    return query.value(0);
}

void SqlConnection::fail(int code, const QString &text)
{
    m_lastFailure = {};
    m_lastFailure.code = code;
    m_lastFailure.text = text;
}

bool removeNamedDatabase(const QString &connectionName)
{
    if (connectionName.isEmpty() || !QSqlDatabase::contains(connectionName))
        return false;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    } // the handle goes before the name is removed, as Qt asks
    QSqlDatabase::removeDatabase(connectionName);
    return true;
}

QSqlQuery forwardOnlyQuery(const QString &connectionName)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    query.setForwardOnly(true);
    return query;
}

} // namespace cp::storage
