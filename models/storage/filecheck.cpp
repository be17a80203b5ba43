#include "storage/filecheck.h"

#include "storage/schema.h"
#include "storage/sqliteconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>

namespace cp::storage {

namespace {

constexpr qint64 kHeaderBytes = 100;

FileCheck refused(const QString &problem)
{
    FileCheck check;
    check.verdict = FileCheck::Verdict::Refused;
    check.problem = problem;
    return check;
}

FileCheck needsRecovery()
{
    FileCheck check;
    check.verdict = FileCheck::Verdict::NeedsRecovery;
    return check;
}

// A failed read: an interrupted edit, or a file SQLite cannot read.
FileCheck readFailure(const SqlFailure &failure)
{
    if (failure.code == SQLITE_READONLY_ROLLBACK)
        return needsRecovery();
    const int primary = failure.primaryCode();
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return refused(QStringLiteral("it is damaged (SQLite reports: %1). ClusterPlan did not change it; restore it "
                                      "from a backup.")
                           .arg(failure.text));
    return refused(QStringLiteral("it cannot be read: %1.").arg(failure.reason()));
}

bool hasJournal(const QString &absolutePath)
{
    return QFileInfo(journalPath(absolutePath)).size() > 0;
}

QString describeObject(const SchemaObject &object)
{
    const bool vowel = object.type.startsWith(QLatin1Char('i')) || object.type.startsWith(QLatin1Char('a'));
    return QStringLiteral("%1 %2 '%3'").arg(vowel ? QStringLiteral("an") : QStringLiteral("a"), object.type, object.name);
}

// For files another program has changed: what the user can still do.
const QLatin1String kTamperedAdvice("It was not opened and is unchanged. If you trust where it came from, ask for its "
                                    "scenarios as JSON files (clusterplan-cli export) and import those.");

// Objects any version of our schema has; anything else was put there by someone else.
FileCheck checkSchema(const std::vector<SchemaObject> &objects)
{
    const auto &versions = schemaByVersion();
    if (versions.empty())
        return refused(QStringLiteral("ClusterPlan could not build its reference schema to compare it with (the "
                                      "SQLite library may be broken)."));
    // Triggers and views first: they are what could act on their own, so they are named.
    for (const SchemaObject &object : objects) {
        if (object.type == QLatin1String("trigger") || object.type == QLatin1String("view"))
            return refused(QStringLiteral("it contains %1 that ClusterPlan never creates, so another program has "
                                          "changed the file (a %2 could run commands when the file is read or "
                                          "edited). ")
                               .arg(describeObject(object), object.type)
                           + kTamperedAdvice);
    }
    for (const SchemaObject &object : objects) {
        const bool isKnown = std::any_of(versions.begin(), versions.end(), [&](const std::vector<SchemaObject> &known) {
            return std::find(known.begin(), known.end(), object) != known.end();
        });
        if (isKnown)
            continue;
        const bool sameNameKnown
            = std::any_of(versions.begin(), versions.end(), [&](const std::vector<SchemaObject> &known) {
                  return std::any_of(known.begin(), known.end(), [&](const SchemaObject &k) {
                      return k.type == object.type && k.name == object.name;
                  });
              });
        return refused((sameNameKnown ? QStringLiteral("its %1 '%2' is defined differently from ClusterPlan's, so "
                                                       "another program has changed the file. ")
                                            .arg(object.type, object.name)
                                      : QStringLiteral("it contains %1 that ClusterPlan does not know, so another "
                                                       "program has changed the file. ")
                                            .arg(describeObject(object)))
                       + kTamperedAdvice);
    }
    return FileCheck{FileCheck::Verdict::Usable, 0, 0, QString()};
}

} // namespace

QString journalPath(const QString &absolutePath)
{
    return absolutePath + QStringLiteral("-journal");
}

FileCheck checkWorkspaceFile(const QString &absolutePath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("it cannot be read: %1.").arg(file.errorString()));
    const qint64 fileBytes = file.size();
    const QByteArray header = file.read(kHeaderBytes);
    file.close();

    // With a journal beside it the file may be mid-edit (even half-written); SQLite decides.
    if (!hasJournal(absolutePath)) {
        if (fileBytes == 0)
            return FileCheck{FileCheck::Verdict::Empty, 0, 0, QString()};
        if (header.size() < kHeaderBytes || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
            return refused(QStringLiteral("it is not a ClusterPlan workspace (the file is not an SQLite database). "
                                          "Check that you chose the right file."));
    }

    SqliteConnection connection;
    if (!connection.open(absolutePath, SqliteConnection::Access::ReadOnly))
        return readFailure(connection.lastFailure());

    const auto applicationId = connection.scalar(QStringLiteral("PRAGMA application_id"));
    const auto userVersion = connection.scalar(QStringLiteral("PRAGMA user_version"));
    if (!applicationId || !userVersion)
        return readFailure(connection.lastFailure());
    const qint64 version = userVersion->toLongLong();

    if (applicationId->toLongLong() != kApplicationId) {
        if (applicationId->toLongLong() == 0 && version == 0) {
            const auto objectCount = connection.scalar(QStringLiteral("SELECT count(*) FROM main.sqlite_schema"));
            if (!objectCount)
                return readFailure(connection.lastFailure());
            if (objectCount->toLongLong() == 0)
                return FileCheck{FileCheck::Verdict::Empty, 0, 0, QString()};
        }
        const QString mark = applicationId->toLongLong() == 0
            ? QStringLiteral("it has no application id")
            : QStringLiteral("application id 0x%1").arg(static_cast<quint32>(applicationId->toLongLong()), 8, 16,
                                                         QLatin1Char('0'));
        return refused(QStringLiteral("it is an SQLite database of another program (%1), not a ClusterPlan "
                                      "workspace. ClusterPlan leaves it unchanged; choose a .clusterplan file.")
                           .arg(mark));
    }
    if (version > currentSchemaVersion())
        return refused(QStringLiteral("it was made by a newer ClusterPlan (workspace version %1; this ClusterPlan "
                                      "reads versions up to %2). Open it with a newer ClusterPlan; this one leaves "
                                      "it unchanged.")
                           .arg(version)
                           .arg(currentSchemaVersion()));
    if (version < 0)
        return refused(QStringLiteral("its header is damaged (workspace version %1). ClusterPlan did not change it; "
                                      "restore it from a backup.")
                           .arg(version));

    {
        QSqlQuery query = connection.newQuery();
        if (!connection.run(query, QStringLiteral("PRAGMA quick_check(5)")))
            return readFailure(connection.lastFailure());
        QStringList findings;
        while (query.next()) {
            // One row may hold several lines; the "*** in database main ***" heading says nothing.
            for (const QString &line : query.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (!line.startsWith(QLatin1String("*** ")))
                    findings << line.trimmed();
        }
        if (findings != QStringList{QStringLiteral("ok")})
            return refused(QStringLiteral("it is damaged (SQLite's check reports: %1). ClusterPlan did not change it; "
                                          "restore it from a backup.")
                               .arg(findings.isEmpty() ? connection.lastFailure().text : findings.join(QStringLiteral("; "))));
    }

    const auto pageBytes = connection.scalar(QStringLiteral("PRAGMA page_size"));
    const auto pageCount = connection.scalar(QStringLiteral("PRAGMA page_count"));
    if (!pageBytes || !pageCount)
        return readFailure(connection.lastFailure());
    const qint64 expectedBytes = pageBytes->toLongLong() * pageCount->toLongLong();
    const qint64 bytesNow = QFileInfo(absolutePath).size();
    if (bytesNow < expectedBytes)
        return refused(QStringLiteral("it is shorter than its header says (%1 of %2 bytes), so it was cut off, for "
                                      "example by an interrupted copy. ClusterPlan did not change it; restore it from "
                                      "a backup.")
                           .arg(bytesNow)
                           .arg(expectedBytes));

    std::vector<SchemaObject> objects;
    if (!readSchema(connection, objects))
        return readFailure(connection.lastFailure());
    FileCheck check = checkSchema(objects);
    check.schemaVersion = static_cast<int>(version);
    check.trailingBytes = bytesNow - expectedBytes;
    return check;
}

bool isWalFile(const QString &absolutePath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    // Bytes 18 and 19: file format write and read versions, 2 for WAL.
    return header.size() == 20 && header.startsWith(QByteArrayView("SQLite format 3\0", 16))
        && (header.at(18) == 2 || header.at(19) == 2);
}

QString makeReadableCopy(const QString &absolutePath, const QString &folder, QString *problem)
{
    const QString copyPath = QDir(folder).filePath(QStringLiteral("reading.clusterplan"));
    const QString wal = absolutePath + QStringLiteral("-wal");
    const bool copied = QFile::copy(absolutePath, copyPath)
        && (!QFileInfo::exists(journalPath(absolutePath)) || QFile::copy(journalPath(absolutePath), journalPath(copyPath)))
        && (!QFileInfo::exists(wal) || QFile::copy(wal, copyPath + QStringLiteral("-wal")));
    if (!copied) {
        *problem = QStringLiteral("it could not be copied to a private folder to read it without changing it.");
        return QString();
    }
    SqliteConnection copy; // opening for writing plays a journal back and folds a WAL in, on the copy
    if (!copy.open(copyPath, SqliteConnection::Access::ReadWrite)
        || !copy.scalar(QStringLiteral("SELECT count(*) FROM main.sqlite_schema"))) {
        *problem = QStringLiteral("its last edit was interrupted, and undoing it on a private copy failed (%1). "
                                  "ClusterPlan did not change it. If it was restored from a backup, the journal '%2' "
                                  "beside it belongs to the older file: move that journal away.")
                       .arg(copy.lastFailure().reason(), journalPath(absolutePath));
        return QString();
    }
    return copyPath;
}

FileCheck recoverInterruptedEdit(const QString &absolutePath)
{
    const auto cannotRecover = [&absolutePath](const QString &reason) {
        return refused(QStringLiteral("its last edit was interrupted and cannot be recovered: %1. ClusterPlan did not "
                                      "change it; restore it from a backup, and move the journal '%2' beside it away "
                                      "(it belongs to the interrupted edit, not to the backup).")
                           .arg(reason, journalPath(absolutePath)));
    };
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return cannotRecover(QStringLiteral("no temporary folder to check the recovery in (%1)").arg(scratch.errorString()));
    const QString copyPath = scratch.filePath(QStringLiteral("recovering.clusterplan"));
    if (!QFile::copy(absolutePath, copyPath) || !QFile::copy(journalPath(absolutePath), journalPath(copyPath)))
        return cannotRecover(QStringLiteral("the file and its journal could not be copied to check the recovery"));

    {
        SqliteConnection copy; // opening for writing plays the journal back
        if (!copy.open(copyPath, SqliteConnection::Access::ReadWrite)
            || !copy.scalar(QStringLiteral("SELECT count(*) FROM main.sqlite_schema")))
            return cannotRecover(copy.lastFailure().reason());
    }
    const FileCheck copyCheck = checkWorkspaceFile(copyPath);
    if (copyCheck.verdict == FileCheck::Verdict::Refused)
        return refused(QStringLiteral("after undoing its interrupted last edit, ") + copyCheck.problem);
    if (copyCheck.verdict == FileCheck::Verdict::NeedsRecovery)
        return cannotRecover(QStringLiteral("the journal could not be played back"));

    {
        SqliteConnection real;
        if (!real.open(absolutePath, SqliteConnection::Access::ReadWrite)
            || !real.scalar(QStringLiteral("SELECT count(*) FROM main.sqlite_schema")))
            return cannotRecover(real.lastFailure().reason());
    }
    const FileCheck check = checkWorkspaceFile(absolutePath);
    if (check.verdict == FileCheck::Verdict::NeedsRecovery)
        return cannotRecover(QStringLiteral("the journal could not be played back"));
    return check;
}

} // namespace cp::storage
