#pragma once

// Helpers shared by the storage tests. They touch files with plain Qt SQL and file I/O,
// independent of the code under test.

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include <sys/stat.h>
#include <unistd.h>

namespace storagetest {

inline QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// SQLite's file change counter (header bytes 24..27, big-endian): in rollback-journal mode it
// grows by one for every committed write transaction.
inline quint32 changeCounter(const QString &path)
{
    const QByteArray header = readAll(path).left(100);
    if (header.size() < 28)
        return 0;
    const auto *b = reinterpret_cast<const unsigned char *>(header.constData());
    return (quint32(b[24]) << 24) | (quint32(b[25]) << 16) | (quint32(b[26]) << 8) | quint32(b[27]);
}

// Runs statements on a file through a plain connection (no hardening): how another program
// would change a workspace. Returns the first error text, or an empty string.
inline QString rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    error = statement + QStringLiteral(": ") + query.lastError().text();
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// Every row's first column of a query on a file (plain read-only connection).
inline QStringList rawQuery(const QString &path, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql))
                while (query.next())
                    rows << query.value(0).toString();
            else
                rows << QStringLiteral("error: ") + query.lastError().text();
            db.close();
        } else {
            rows << QStringLiteral("error: ") + db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// Root ignores file permissions. While this guard lives the process acts as user "nobody"
// (effective uid only, restored on destruction), so a read-only folder is read-only again.
// Not root: nothing to do.
class AsUnprivilegedUser
{
public:
    AsUnprivilegedUser()
    {
        if (::geteuid() == 0)
            m_switched = ::seteuid(65534) == 0;
    }
    ~AsUnprivilegedUser()
    {
        if (m_switched)
            [[maybe_unused]] const int ignored = ::seteuid(0);
    }
    AsUnprivilegedUser(const AsUnprivilegedUser &) = delete;
    AsUnprivilegedUser &operator=(const AsUnprivilegedUser &) = delete;
    // False only when running as root and the switch failed: permission tests cannot hold then.
    [[nodiscard]] bool ok() const { return ::geteuid() != 0; }

private:
    bool m_switched = false;
};

// Lets "nobody" (see AsUnprivilegedUser) into a folder created by root.
inline bool openUp(const QString &path, mode_t mode = 0777)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace storagetest
