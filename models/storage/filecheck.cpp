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
#include <optional>

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

QString journalPathOf(const QString &absolutePath)
{
    return absolutePath + QStringLiteral("-journal");
}

// SQLite plays a hot journal back onto whatever file sits beside it; it never checks that the
// journal belongs to that file (https://www.sqlite.org/howtocorrupt.html, section 1.4: a
// database restored from a backup next to the journal of an interrupted edit). A journal
// records the original of every page before the file's copy of it changes, and every write
// transaction adds one to the file change counter (header bytes 24..27) on page 1. So when the
// journal holds page 1, the file's counter is that original's (page 1 not written yet) or one
// more (written); anything else is another state of the file. Without page 1 in the journal,
// page 1 on disk is still the one the edit started from, so its page count (bytes 28..31, when
// valid) must be the journal's "pages before the edit". Returns the problem, or nullopt when the
// journal may belong to the file (or is not one SQLite would play back).
std::optional<QString> staleJournalProblem(const QString &absolutePath)
{
    const QString journal = journalPathOf(absolutePath);
    QFile journalFile(journal);
    QFile databaseFile(absolutePath);
    if (!journalFile.open(QIODevice::ReadOnly) || !databaseFile.open(QIODevice::ReadOnly))
        return std::nullopt; // SQLite reports what it cannot read
    const QByteArray database = databaseFile.read(kHeaderBytes);
    const auto be32 = [](const QByteArray &bytes, qint64 at) -> quint32 {
        if (at < 0 || at + 4 > bytes.size())
            return 0;
        const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData() + at);
        return (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
    };
    static const QByteArray kMagic = QByteArray::fromHex("d9d505f920a163d7");
    const qint64 journalBytes = journalFile.size();
    const QByteArray first = journalFile.read(28);
    if (first.size() < 28 || !first.startsWith(kMagic) || database.size() < kHeaderBytes)
        return std::nullopt;
    const quint32 pagesBefore = be32(first, 16);
    const qint64 sectorBytes = be32(first, 20);
    const qint64 pageBytes = be32(first, 24);
    const auto mismatch = [&journal] {
        return QStringLiteral("beside it is the journal '%1' of an interrupted edit, but that journal belongs to "
                              "another state of the file (for example, the file was restored from a backup after "
                              "the edit was interrupted). Played back, it would damage the file, so ClusterPlan "
                              "changed neither. If you restored the file from a backup, move that journal away and "
                              "open the file again.")
            .arg(journal);
    };
    if (sectorBytes < 32 || sectorBytes > 65536 || pageBytes < 512 || pageBytes > 65536)
        return std::nullopt; // SQLite decides about a journal it cannot describe
    const quint32 pageField = be32(database, 16) >> 16;
    const quint32 databasePageField = pageField == 1 ? 65536 : pageField;
    if (databasePageField != quint32(pageBytes))
        return mismatch();
    const qint64 recordBytes = pageBytes + 8;
    std::optional<QByteArray> originalFirstPage;
    // Segments: a header padded to the sector size, then its records (page number, page, checksum).
    for (qint64 at = 0; at + 28 <= journalBytes && !originalFirstPage;) {
        if (!journalFile.seek(at))
            break;
        const QByteArray header = journalFile.read(28);
        if (!header.startsWith(kMagic))
            break;
        qint64 records = be32(header, 8);
        if (records == 0xFFFFFFFF || records == 0)
            records = (journalBytes - at - sectorBytes) / recordBytes;
        qint64 record = at + sectorBytes;
        for (qint64 i = 0; i < records && record + recordBytes <= journalBytes; ++i, record += recordBytes) {
            if (!journalFile.seek(record))
                break;
            const QByteArray number = journalFile.read(4);
            if (be32(number, 0) == 1) {
                originalFirstPage = journalFile.read(kHeaderBytes);
                break;
            }
        }
        at = (record + sectorBytes - 1) / sectorBytes * sectorBytes;
        if (records == 0)
            break;
    }
    const quint32 counter = be32(database, 24);
    if (originalFirstPage) {
        const quint32 before = be32(*originalFirstPage, 24);
        return counter == before || counter == before + 1 ? std::nullopt : std::optional<QString>(mismatch());
    }
    // Page 1 untouched: its page count is the count the edit started from, when the header says it is valid.
    if (be32(database, 92) == counter && be32(database, 28) != 0 && be32(database, 28) != pagesBefore)
        return mismatch();
    return std::nullopt;
}

FileCheck checkFile(const QString &absolutePath);

} // namespace

QString journalPath(const QString &absolutePath)
{
    return journalPathOf(absolutePath);
}

FileCheck checkWorkspaceFile(const QString &absolutePath)
{
    FileCheck check = checkFile(absolutePath);
    if (check.verdict == FileCheck::Verdict::NeedsRecovery)
        if (const auto problem = staleJournalProblem(absolutePath))
            return refused(*problem);
    return check;
}

namespace {

FileCheck checkFile(const QString &absolutePath)
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

} // namespace

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
