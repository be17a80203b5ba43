#include "storage/schema.h"
#include "storage/sqliteconnection.h"
#include "storage/workspace.h"
#include "storagetestutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

using cp::Workspace;
using cp::WorkspaceError;
using namespace storagetest;

// Opening someone else's file is safe: damaged, foreign, newer or tampered files are refused
// with a message saying what is wrong and what to do, and stay byte-for-byte unchanged (hashed
// before and after). Also: schema migrations, the one-writer lock, and undoing an edit that a
// crashed program left half-done.
class TestWorkspaceSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("safety%1.clusterplan").arg(++m_counter)); }

    // A real workspace: six scenarios of ~3 kB, enough for interior b-tree pages.
    static bool makeWorkspace(const QString &path)
    {
        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return false;
        for (int i = 0; i < 6; ++i)
            if (!opened.workspace->createScenario(QStringLiteral("Scenario %1").arg(i),
                                                  "{\"i\": " + QByteArray::number(i) + ", \"pad\": \""
                                                      + QByteArray(3000, char('a' + i)) + "\"}"))
                return false;
        return true;
    }

    static QByteArray patched(QByteArray bytes, qsizetype offset, const std::function<char(char)> &change)
    {
        bytes[offset] = change(bytes[offset]);
        return bytes;
    }

    struct Refusal {
        bool refused = false;
        QString message;
    };
    // Opens in each mode; every one must refuse and leave file, journal and lock untouched.
    static void verifyRefusedAndUnchanged(const QString &path, const QString &fragment)
    {
        const QByteArray hash = fileSha256(path);
        for (const Workspace::OpenMode mode : {Workspace::OpenMode::ReadWrite,
                                               Workspace::OpenMode::ReadWriteOrReadOnly,
                                               Workspace::OpenMode::ReadOnly}) {
            const Workspace::OpenResult result = Workspace::open(path, mode);
            QVERIFY2(!result.workspace, qPrintable(fragment));
            QCOMPARE(result.error.kind, WorkspaceError::Kind::Refused);
            QVERIFY2(result.error.message.startsWith(QStringLiteral("Cannot open workspace '%1': ")
                                                         .arg(QFileInfo(path).absoluteFilePath())),
                     qPrintable(result.error.message));
            QVERIFY2(result.error.message.contains(fragment), qPrintable(result.error.message));
            QCOMPARE(fileSha256(path), hash);
            QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
    }

    static QString helperPath() { return QStringLiteral(CLUSTERPLAN_CRASH_HELPER); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void refusedFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("fragment"); // what the message must say
        QTest::newRow("text file") << "text" << "not an SQLite database";
        QTest::newRow("truncated") << "truncated" << "damaged";
        QTest::newRow("flipped page type") << "flip-page-type" << "damaged";
        QTest::newRow("flipped cell pointer") << "flip-cell-pointer" << "damaged";
        QTest::newRow("flipped header magic") << "flip-magic" << "not an SQLite database";
        QTest::newRow("zeroed table root page") << "zero-page-2" << "damaged";
        QTest::newRow("zeroed last page") << "zero-last-page" << "damaged";
        QTest::newRow("foreign SQLite file") << "foreign" << "another program";
        QTest::newRow("wrong application id") << "wrong-id" << "application id 0x12345678";
        QTest::newRow("newer user_version") << "newer" << "made by a newer ClusterPlan (workspace version 3";
        QTest::newRow("negative user_version") << "negative-version" << "header is damaged";
        QTest::newRow("trigger writing elsewhere") << "trigger-elsewhere" << "trigger 'leak'";
        QTest::newRow("trigger rewriting documents") << "trigger-self" << "trigger 'rewrite'";
        QTest::newRow("view") << "view" << "view 'names'";
        QTest::newRow("unknown table") << "table" << "table 'extra' that ClusterPlan does not know";
        QTest::newRow("unknown index") << "index" << "index 'by_position' that ClusterPlan does not know";
        QTest::newRow("altered table") << "altered" << "table 'scenario' is defined differently";
    }
    void refusedFiles()
    {
        QFETCH(QString, damage);
        QFETCH(QString, fragment);
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const QByteArray bytes = readAll(path);
        constexpr qsizetype kPage = 4096;
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA page_size")), QStringList{QString::number(kPage)});
        // Page 2 is the root of the scenario table; with six 3 kB rows it is an interior page
        // (type 0x05) whose header ends with the right-child pointer, followed by cell pointers.
        QCOMPARE(int(bytes[kPage]), 0x05);

        QString error;
        if (damage == QLatin1String("text"))
            QVERIFY(writeAll(path, "Scenario list\nMemphis, 150 MW\n"));
        else if (damage == QLatin1String("truncated"))
            QVERIFY(writeAll(path, bytes.left(bytes.size() / 2)));
        else if (damage == QLatin1String("flip-page-type"))
            QVERIFY(writeAll(path, patched(bytes, kPage, [](char c) { return char(c ^ 0x40); })));
        else if (damage == QLatin1String("flip-cell-pointer"))
            QVERIFY(writeAll(path, patched(bytes, kPage + 12, [](char c) { return char(c ^ 0x08); })));
        else if (damage == QLatin1String("flip-magic"))
            QVERIFY(writeAll(path, patched(bytes, 3, [](char c) { return char(c ^ 0x01); })));
        else if (damage == QLatin1String("zero-page-2"))
            QVERIFY(writeAll(path, bytes.left(kPage) + QByteArray(kPage, '\0') + bytes.mid(2 * kPage)));
        else if (damage == QLatin1String("zero-last-page"))
            QVERIFY(writeAll(path, bytes.left(bytes.size() - kPage) + QByteArray(kPage, '\0')));
        else if (damage == QLatin1String("foreign")) {
            QVERIFY(QFile::remove(path));
            error = rawExec(path, {QStringLiteral("CREATE TABLE notes (x TEXT)"),
                                   QStringLiteral("INSERT INTO notes VALUES ('hello')")});
        } else if (damage == QLatin1String("wrong-id"))
            error = rawExec(path, {QStringLiteral("PRAGMA application_id = 305419896")}); // 0x12345678
        else if (damage == QLatin1String("newer"))
            error = rawExec(path, {QStringLiteral("PRAGMA user_version = 3")});
        else if (damage == QLatin1String("negative-version"))
            error = rawExec(path, {QStringLiteral("PRAGMA user_version = -1")});
        else if (damage == QLatin1String("trigger-elsewhere"))
            error = rawExec(path, {QStringLiteral("CREATE TABLE stolen (document TEXT)"),
                                   QStringLiteral("CREATE TRIGGER leak AFTER UPDATE ON scenario BEGIN "
                                                  "INSERT INTO stolen SELECT document FROM scenario; END")});
        else if (damage == QLatin1String("trigger-self"))
            error = rawExec(path, {QStringLiteral("CREATE TRIGGER rewrite AFTER INSERT ON scenario BEGIN "
                                                  "UPDATE scenario SET document = '{}'; END")});
        else if (damage == QLatin1String("view"))
            error = rawExec(path, {QStringLiteral("CREATE VIEW names AS SELECT name FROM scenario")});
        else if (damage == QLatin1String("table"))
            error = rawExec(path, {QStringLiteral("CREATE TABLE extra (x)")});
        else if (damage == QLatin1String("index"))
            error = rawExec(path, {QStringLiteral("CREATE INDEX by_position ON scenario (position)")});
        else if (damage == QLatin1String("altered"))
            error = rawExec(path, {QStringLiteral("ALTER TABLE scenario ADD COLUMN note TEXT DEFAULT 'x'")});
        else
            QFAIL("unknown damage");
        QCOMPARE(error, QString());
        verifyRefusedAndUnchanged(path, fragment);
    }

    void missingFolderOrFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nowhere/ws.clusterplan"));
        Workspace::OpenResult result = Workspace::open(missing, Workspace::OpenMode::ReadWrite);
        QVERIFY(!result.workspace);
        QVERIFY2(result.error.message.contains(QStringLiteral("does not exist")), qPrintable(result.error.message));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nowhere"))));

        result = Workspace::open(m_dir.filePath(QStringLiteral("absent.clusterplan")), Workspace::OpenMode::ReadOnly);
        QCOMPARE(result.error.kind, WorkspaceError::Kind::NotFound);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("absent.clusterplan"))));

        result = Workspace::open(m_dir.path(), Workspace::OpenMode::ReadWrite);
        QCOMPARE(result.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY(result.error.message.contains(QStringLiteral("folder")));
    }

    // Empty files are fine to initialise: a zero-byte file and an SQLite database with nothing in it.
    void emptyFilesBecomeWorkspaces_data()
    {
        QTest::addColumn<bool>("sqliteHeader");
        QTest::newRow("zero bytes") << false;
        QTest::newRow("empty SQLite database") << true;
    }
    void emptyFilesBecomeWorkspaces()
    {
        QFETCH(bool, sqliteHeader);
        const QString path = newPath();
        if (sqliteHeader)
            QCOMPARE(rawExec(path, {QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("DROP TABLE t")}), QString());
        else
            QVERIFY(writeAll(path, QByteArray()));
        // Read-only access cannot initialise it: refused, unchanged.
        const QByteArray hash = fileSha256(path);
        QVERIFY(!Workspace::open(path, Workspace::OpenMode::ReadOnly).workspace);
        QCOMPARE(fileSha256(path), hash);

        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        QVERIFY(opened.workspace->createScenario(QStringLiteral("A"), "{}"));
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA application_id")), QStringList{QStringLiteral("1131171950")});
    }

    // Bytes after the last page: the database itself reads fine, but the file is not sound.
    // It is never written to: refused for editing, or opened read-only so a copy can be saved.
    void appendedJunkOpensReadOnly()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QByteArray bytes = readAll(path);
        bytes += QByteArray(1000, '\x5a');
        QVERIFY(writeAll(path, bytes));
        const QByteArray hash = fileSha256(path);

        Workspace::OpenResult strict = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!strict.workspace);
        QCOMPARE(strict.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(strict.error.message.contains(QStringLiteral("1000 unexpected bytes")), qPrintable(strict.error.message));
        QCOMPARE(fileSha256(path), hash);

        Workspace::OpenResult lenient = Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly);
        QVERIFY2(lenient.workspace, qPrintable(lenient.error.message));
        Workspace &workspace = *lenient.workspace;
        QVERIFY(workspace.isReadOnly());
        QVERIFY(workspace.readOnlyReason().contains(QStringLiteral("save a copy")));
        QCOMPARE(workspace.scenarios().size(), size_t(6));
        QVERIFY(!workspace.createScenario(QStringLiteral("New"), "{}"));
        QCOMPARE(workspace.lastError().kind, WorkspaceError::Kind::ReadOnly);
        QVERIFY(workspace.lastError().message.contains(QStringLiteral("unexpected bytes")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));

        const QString repaired = newPath();
        QVERIFY2(workspace.saveCopyAs(repaired), qPrintable(workspace.lastError().message));
        QCOMPARE(fileSha256(path), hash);
        auto copy = Workspace::open(repaired, Workspace::OpenMode::ReadWrite);
        QVERIFY2(copy.workspace, qPrintable(copy.error.message));
        QCOMPARE(copy.workspace->scenarios(), workspace.scenarios());
    }

    // A flipped bit inside a document's text breaks no SQLite structure (SQLite keeps no
    // checksums): the file opens, and loading that scenario reports the damage.
    void flippedBitInsideADocumentIsCaughtOnLoad()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QByteArray bytes = readAll(path);
        const qsizetype at = bytes.indexOf(QByteArray(3000, 'c')); // the pad of "Scenario 2"
        QVERIFY(at > 0);
        bytes[at + 1500] = char(bytes[at + 1500] ^ 0x01);
        QVERIFY(writeAll(path, bytes));
        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        const auto id = opened.workspace->findScenario(QStringLiteral("Scenario 2"));
        QVERIFY(id);
        QVERIFY(!opened.workspace->loadDocument(*id));
        QCOMPARE(opened.workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY(opened.workspace->loadDocument(*opened.workspace->findScenario(QStringLiteral("Scenario 1"))));
    }

    void referenceSchemaIsTheScenarioTable()
    {
        const auto &versions = cp::storage::schemaByVersion();
        QCOMPARE(int(versions.size()), Workspace::schemaVersion() + 1);
        QVERIFY(versions[0].empty());
        QStringList objects;
        for (const auto &object : versions.back())
            objects << object.type + QLatin1Char(' ') + object.name;
        QCOMPARE(objects, (QStringList{QStringLiteral("index sqlite_autoindex_scenario_1"),
                                       QStringLiteral("table scenario")}));
    }

    // Each step runs with its user_version bump in one transaction and tolerates a re-run.
    void migrationsRerunSafely()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const QStringList documents = rawQuery(path, QStringLiteral("SELECT document FROM scenario ORDER BY id"));
        QCOMPARE(documents.size(), 6);
        {
            cp::storage::SqliteConnection connection;
            QVERIFY(connection.open(path, cp::storage::SqliteConnection::Access::ReadWrite));
            QVERIFY(cp::storage::migrate(connection, 0)); // every step again on a current file
            QVERIFY(cp::storage::migrate(connection, 0));
            std::vector<cp::storage::SchemaObject> objects;
            QVERIFY(cp::storage::readSchema(connection, objects));
            QVERIFY(objects == cp::storage::schemaByVersion().back());
        }
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("2")});
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT document FROM scenario ORDER BY id")), documents);

        // A file whose version says 0 but which has the tables: opening for editing re-runs the
        // step; read-only access cannot upgrade it and says so.
        QCOMPARE(rawExec(path, {QStringLiteral("PRAGMA user_version = 0")}), QString());
        const QByteArray hash = fileSha256(path);
        Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        QVERIFY(!readOnly.workspace);
        QVERIFY2(readOnly.error.message.contains(QStringLiteral("older ClusterPlan")), qPrintable(readOnly.error.message));
        QCOMPARE(fileSha256(path), hash);
        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        QCOMPARE(opened.workspace->scenarios().size(), size_t(6));
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("2")});
    }

    // Version 2 added a checksum per row over its name and document. A version-1 file is
    // upgraded by a writer (never by a reader): each row gets its checksum, computed as
    // docs/scenario-format.md section 7.2 says, except a row whose document already failed its
    // own checksum, which stays reported as damaged.
    void migratesVersionOneWorkspace()
    {
        const QString path = newPath();
        const QByteArray good = "{\"i\": 1}";
        const QByteArray bad = "{\"i\": 2}";
        const auto hex = [](const QByteArray &bytes) {
            return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        };
        {
            cp::storage::SqliteConnection connection;
            QVERIFY(connection.open(path, cp::storage::SqliteConnection::Access::ReadWrite));
            QVERIFY(cp::storage::migrate(connection, 0, 1));
            const QString insert = QStringLiteral("INSERT INTO scenario (name, position, created_utc, modified_utc, "
                                                  "document, document_sha256) VALUES (?, ?, '2025-01-01T00:00:00.000Z', "
                                                  "'2025-01-01T00:00:00.000Z', ?, ?)");
            QVERIFY(connection.exec(insert, {QStringLiteral("Intact"), 0, QString::fromUtf8(good),
                                             QString::fromLatin1(hex(good))}));
            // Damaged while still at version 1: its document no longer matches its checksum.
            QVERIFY(connection.exec(insert, {QStringLiteral("Already damaged"), 1, QString::fromUtf8(bad),
                                             QString::fromLatin1(hex("{\"i\": 3}"))}));
        }
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("1")});
        const QByteArray before = fileSha256(path);
        Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        QVERIFY(!readOnly.workspace);
        QVERIFY2(readOnly.error.message.contains(QStringLiteral("older ClusterPlan")), qPrintable(readOnly.error.message));
        QCOMPARE(fileSha256(path), before);

        {
            auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QVERIFY2(opened.workspace, qPrintable(opened.error.message));
            const auto list = opened.workspace->scenarios();
            QCOMPARE(list.size(), size_t(2));
            QCOMPARE(list[0].name, QStringLiteral("Intact"));
            QVERIFY(!list[0].damaged);
            QCOMPARE(opened.workspace->loadDocument(list[0].id).value_or(QByteArray()), good);
            QVERIFY(!opened.workspace->loadDocument(list[1].id));
            QCOMPARE(opened.workspace->lastError().kind, WorkspaceError::Kind::Damaged);
            QVERIFY(opened.workspace->createScenario(QStringLiteral("New"), good));
        }
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")),
                 QStringList{QString::number(Workspace::schemaVersion())});
        QCOMPARE(Workspace::schemaVersion(), 2);
        // What an outside tool computes: SHA-256 of the UTF-8 name, a 0x00 byte, the document's hex SHA-256.
        const QString expected = QString::fromLatin1(hex(QByteArray("Intact") + QByteArray(1, '\0') + hex(good)));
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT row_sha256 FROM scenario WHERE name = 'Intact'")),
                 QStringList{expected});
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT row_sha256 FROM scenario WHERE name = 'New'")),
                 QStringList{QString::fromLatin1(hex(QByteArray("New") + QByteArray(1, '\0') + hex(good)))});
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT row_sha256 FROM scenario WHERE name = 'Already damaged'")),
                 QStringList{QString()});
    }

    void secondWriterInThisProcess()
    {
        const QString path = newPath();
        auto first = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(first.workspace);
        const QString pid = QString::number(QCoreApplication::applicationPid());

        Workspace::OpenResult strict = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!strict.workspace);
        QCOMPARE(strict.error.kind, WorkspaceError::Kind::InUse);
        QVERIFY2(strict.error.message.contains(QStringLiteral("process ") + pid), qPrintable(strict.error.message));
        QVERIFY(strict.error.message.contains(QStringLiteral("open it read-only")));

        Workspace::OpenResult lenient = Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly);
        QVERIFY2(lenient.workspace, qPrintable(lenient.error.message));
        QVERIFY(lenient.workspace->isReadOnly());
        QVERIFY(lenient.workspace->readOnlyReason().contains(QStringLiteral("process ") + pid));
        QVERIFY(!lenient.workspace->createScenario(QStringLiteral("B"), "{}"));
        QCOMPARE(lenient.workspace->lastError().kind, WorkspaceError::Kind::ReadOnly);

        // The reader sees what the writer saves.
        QVERIFY(first.workspace->createScenario(QStringLiteral("A"), "{\"a\":1}"));
        QCOMPARE(lenient.workspace->scenarios().size(), size_t(1));
        QCOMPARE(*lenient.workspace->loadDocument(lenient.workspace->scenarios()[0].id), QByteArray("{\"a\":1}"));

        // Once the writer closes, the next opener writes.
        first.workspace.reset();
        auto next = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(next.workspace, qPrintable(next.error.message));
    }

    // One editor by file, not by path: a writer through a symbolic link meets the lock of the
    // writer that opened the real file (a CLI import through a link once wrote while the window
    // edited the file).
    void secondWriterThroughASymlink()
    {
        const QString path = newPath();
        auto first = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(first.workspace);
        const QString link = path + QStringLiteral(".link.clusterplan");
        QVERIFY(QFile::link(path, link));
        Workspace::OpenResult second = Workspace::open(link, Workspace::OpenMode::ReadWrite);
        QVERIFY(!second.workspace);
        QCOMPARE(second.error.kind, WorkspaceError::Kind::InUse);
        // And the other way round once the first has closed.
        first.workspace.reset();
        auto viaLink = Workspace::open(link, Workspace::OpenMode::ReadWrite);
        QVERIFY2(viaLink.workspace, qPrintable(viaLink.error.message));
        QCOMPARE(Workspace::open(path, Workspace::OpenMode::ReadWrite).error.kind, WorkspaceError::Kind::InUse);
    }

    // A FIFO blocked every command forever; it is refused at once, in every mode.
    void aFifoIsRefused()
    {
        const QString path = newPath();
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        for (const auto mode : {Workspace::OpenMode::ReadWrite, Workspace::OpenMode::ReadWriteOrReadOnly,
                                Workspace::OpenMode::ReadOnly}) {
            const Workspace::OpenResult opened = Workspace::open(path, mode);
            QVERIFY(!opened.workspace);
            QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
            QVERIFY2(opened.error.message.contains(QStringLiteral("not a regular file")), qPrintable(opened.error.message));
        }
    }

    void secondWriterInAnotherProcessAndStaleLock()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QProcess holder;
        holder.start(helperPath(), {QStringLiteral("hold"), path});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("ready"));
        const QString pid = QString::number(holder.processId());

        Workspace::OpenResult strict = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!strict.workspace);
        QCOMPARE(strict.error.kind, WorkspaceError::Kind::InUse);
        QVERIFY2(strict.error.message.contains(QStringLiteral("process ") + pid), qPrintable(strict.error.message));
        Workspace::OpenResult lenient = Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly);
        QVERIFY(lenient.workspace && lenient.workspace->isReadOnly());
        lenient.workspace.reset();

        // The holder crashes: its lock stays on disk, and is recognised as stale and taken over.
        holder.kill();
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(QFile::exists(path + QStringLiteral(".lock")));
        auto taken = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(taken.workspace, qPrintable(taken.error.message));
        QVERIFY(!taken.workspace->isReadOnly());
        const QByteArray ourPid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
        QVERIFY(readAll(path + QStringLiteral(".lock")).startsWith(ourPid));
        QVERIFY(taken.workspace->createScenario(QStringLiteral("After the crash"), "{}"));
    }

    // A process killed while clearing a stale lock leaves an empty "<lock>.rmlock"; it refused
    // every writer for 30 s, naming a dead process. Recovered at once (after the 1 s grace a live
    // process gets to fill it in).
    void orphanedRemovalLockIsRecoveredAtOnce()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QProcess holder;
        holder.start(helperPath(), {QStringLiteral("hold"), path});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(10000));
        holder.kill();
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(QFile::exists(path + QStringLiteral(".lock"))); // stale: its holder is dead
        QVERIFY(writeAll(path + QStringLiteral(".lock.rmlock"), QByteArray()));
        QElapsedTimer timer;
        timer.start();
        auto taken = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(taken.workspace, qPrintable(taken.error.message));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock.rmlock")));
    }

    // QLockFile makes the file, then writes who holds it, then takes an OS lock. A process
    // killed in between leaves a lock file that says nothing: stale once no process holds it.
    void lockFileThatSaysNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbled") << QByteArray("\x01\x02 not a lock\n");
    }
    void lockFileThatSaysNothing()
    {
        QFETCH(QByteArray, content);
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const QString lockPath = path + QStringLiteral(".lock");
        QVERIFY(writeAll(lockPath, content));

        // While a process holds its OS lock (a live opener between creating and filling it), it counts.
        const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        Workspace::OpenResult held = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!held.workspace);
        QCOMPARE(held.error.kind, WorkspaceError::Kind::InUse);
        QVERIFY2(held.error.message.contains(QStringLiteral("does not say which")), qPrintable(held.error.message));
        ::close(fd);

        // Nobody holds it: taken over.
        Workspace::OpenResult taken = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(taken.workspace, qPrintable(taken.error.message));
        QVERIFY(!taken.workspace->isReadOnly());
        const QByteArray ourPid = QByteArray::number(QCoreApplication::applicationPid()) + '\n';
        QVERIFY(readAll(lockPath).startsWith(ourPid));
    }

    void readOnlyFileOrFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("locked-down"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/ws.clusterplan");
        QVERIFY(makeWorkspace(path));
        QVERIFY(openUp(m_dir.path(), 0755));
        const QByteArray hash = fileSha256(path);

        QVERIFY(openUp(folder, 0777));
        QVERIFY(openUp(path, 0444));
        {
            AsUnprivilegedUser nobody;
            QVERIFY(nobody.ok());
            Workspace::OpenResult strict = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QCOMPARE(strict.error.kind, WorkspaceError::Kind::ReadOnly);
            QVERIFY2(strict.error.message.contains(QStringLiteral("the file is read-only")), qPrintable(strict.error.message));
            Workspace::OpenResult lenient = Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly);
            QVERIFY(lenient.workspace && lenient.workspace->isReadOnly());
            QCOMPARE(lenient.workspace->scenarios().size(), size_t(6));
        }
        QVERIFY(openUp(path, 0644));
        QVERIFY(openUp(folder, 0555));
        {
            AsUnprivilegedUser nobody;
            QVERIFY(nobody.ok());
            Workspace::OpenResult strict = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QCOMPARE(strict.error.kind, WorkspaceError::Kind::ReadOnly);
            QVERIFY2(strict.error.message.contains(QStringLiteral("folder is read-only")), qPrintable(strict.error.message));
            Workspace::OpenResult lenient = Workspace::open(path, Workspace::OpenMode::ReadWriteOrReadOnly);
            QVERIFY(lenient.workspace && lenient.workspace->isReadOnly());
            QVERIFY(!lenient.workspace->saveDocument(lenient.workspace->scenarios()[0].id, "{}"));
            QCOMPARE(lenient.workspace->lastError().kind, WorkspaceError::Kind::ReadOnly);
        }
        QVERIFY(openUp(folder, 0755));
        QCOMPARE(fileSha256(path), hash);
    }

    // A program died in the middle of a write transaction whose pages already reached the file.
    void interruptedEditIsUndone()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const QStringList before = rawQuery(path, QStringLiteral("SELECT name || document FROM scenario ORDER BY id"));
        const QByteArray cleanHash = fileSha256(path);
        QProcess writer;
        writer.start(helperPath(), {QStringLiteral("interrupt"), path});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(10000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("dirty"));
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
        const QString journal = path + QStringLiteral("-journal");
        QVERIFY(QFile::exists(journal));
        const QByteArray dirtyHash = fileSha256(path);
        QVERIFY(dirtyHash != cleanHash); // the file itself is half-changed
        const QByteArray journalHash = fileSha256(journal);

        // Read-only access undoes it on a private copy: the state before the edit is read, the
        // reason names the journal, and neither the file nor its journal is touched (every
        // read-only command used to exit 1 until a writer opened the file).
        QString copyFolder;
        {
            Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
            QVERIFY2(readOnly.workspace, qPrintable(readOnly.error.message));
            QVERIFY(readOnly.workspace->isReadOnly());
            QVERIFY2(readOnly.workspace->readOnlyReason().contains(journal), qPrintable(readOnly.workspace->readOnlyReason()));
            QCOMPARE(readOnly.workspace->scenarios().size(), size_t(6));
            for (const cp::ScenarioInfo &info : readOnly.workspace->scenarios())
                QVERIFY(readOnly.workspace->loadDocument(info.id));
            QCOMPARE(fileSha256(path), dirtyHash);
            QCOMPARE(fileSha256(journal), journalHash);
        }
        // The private copy is gone once it is closed: nothing left in the temporary folder.
        QVERIFY(QDir(QDir::tempPath()).entryList({QStringLiteral("*")}, QDir::Dirs | QDir::NoDotAndDotDot)
                    .filter(QStringLiteral("reading.clusterplan")).isEmpty());

        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        QVERIFY(!QFile::exists(journal));
        QCOMPARE(opened.workspace->scenarios().size(), size_t(6));
        for (const cp::ScenarioInfo &info : opened.workspace->scenarios())
            QVERIFY(opened.workspace->loadDocument(info.id)); // checksums match: the old documents
        opened.workspace.reset();
        QCOMPARE(rawQuery(path, QStringLiteral("SELECT name || document FROM scenario ORDER BY id")), before);
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
    }

    // The undo is tried on a copy first: a tampered file with an interrupted edit is refused
    // without the journal being played back into it.
    void interruptedEditOfATamperedFileIsNotUndone()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QCOMPARE(rawExec(path, {QStringLiteral("CREATE VIEW names AS SELECT name FROM scenario")}), QString());
        QProcess writer;
        writer.start(helperPath(), {QStringLiteral("interrupt"), path});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(10000));
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
        const QString journal = path + QStringLiteral("-journal");
        QVERIFY(QFile::exists(journal));
        const QByteArray hash = fileSha256(path);
        const QByteArray journalHash = fileSha256(journal);

        Workspace::OpenResult result = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!result.workspace);
        QCOMPARE(result.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(result.error.message.contains(QStringLiteral("view 'names'")), qPrintable(result.error.message));
        QCOMPARE(fileSha256(path), hash);
        QCOMPARE(fileSha256(journal), journalHash);
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    }

    // A WAL-mode file (switched by another tool): reading it writes nothing beside it ('list'
    // used to create -wal and -shm files); its content, WAL included, is read.
    void walFileIsReadWithoutWritingBesideIt()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        QCOMPARE(rawExec(path, {QStringLiteral("PRAGMA journal_mode = WAL")}), QString());
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        const QByteArray hash = fileSha256(path);
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
        {
            Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
            QVERIFY2(readOnly.workspace, qPrintable(readOnly.error.message));
            QCOMPARE(readOnly.workspace->scenarios().size(), size_t(6));
            QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
        }
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
        QCOMPARE(fileSha256(path), hash);
    }

    // One bit flipped in a stored name, in the table but not in its index: quick_check passes,
    // so such files were opened and written to. A writer now runs the full integrity check and
    // refuses the file unchanged.
    void nameDamagedInTheTableOnlyIsRefusedForWriting()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const int pageSize = rawQuery(path, QStringLiteral("PRAGMA page_size")).value(0).toInt();
        const int indexPage = rawQuery(path, QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE type = 'index'"))
                                  .value(0).toInt();
        QVERIFY(pageSize > 0 && indexPage > 0);
        QByteArray bytes = readAll(path);
        qsizetype at = -1;
        for (qsizetype from = 0; (from = bytes.indexOf("Scenario 3", from)) >= 0; ++from) {
            if (from / pageSize + 1 != indexPage) { // the table's copy of the name, not the index's
                at = from;
                break;
            }
        }
        QVERIFY(at >= 0);
        bytes[at] = char(bytes[at] ^ 0x20); // 'S' -> 's'
        QVERIFY(writeAll(path, bytes));
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA quick_check")), QStringList{QStringLiteral("ok")});
        const QByteArray hash = fileSha256(path);

        const Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY(!opened.workspace);
        QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(opened.error.message.contains(QStringLiteral("tables and indexes disagree")), qPrintable(opened.error.message));
        QCOMPARE(fileSha256(path), hash);
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));

        // Read-only, the row's checksum names it: listed as damaged, found by the name listed
        // (the index still has the old one), refused on reading; the other scenarios read.
        const Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        QVERIFY2(readOnly.workspace, qPrintable(readOnly.error.message));
        int damaged = 0;
        for (const cp::ScenarioInfo &info : readOnly.workspace->scenarios()) {
            QCOMPARE(info.damaged, info.name == QStringLiteral("scenario 3"));
            damaged += info.damaged ? 1 : 0;
            if (!info.damaged)
                QVERIFY(readOnly.workspace->loadDocument(info.id));
        }
        QCOMPARE(damaged, 1);
        const auto id = readOnly.workspace->findScenario(QStringLiteral("scenario 3"));
        QVERIFY(id);
        QVERIFY(!readOnly.workspace->loadDocument(*id));
        QCOMPARE(readOnly.workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY2(readOnly.workspace->lastError().message.contains(QStringLiteral("'scenario 3'")),
                 qPrintable(readOnly.workspace->lastError().message));
        QCOMPARE(fileSha256(path), hash);
    }

    // A backup restored beside the journal of an edit interrupted later: SQLite would play that
    // journal back into the backup and damage it. Both readers and writers refuse, naming the
    // journal, and change neither file; with the journal moved away the backup opens as it was.
    void staleJournalBesideARestoredBackupIsRefused()
    {
        const QString path = newPath();
        QVERIFY(makeWorkspace(path));
        const QString backup = path + QStringLiteral(".backup");
        QVERIFY(QFile::copy(path, backup));
        const QStringList backupRows = rawQuery(backup, QStringLiteral("SELECT name FROM scenario ORDER BY id"));
        {
            auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QVERIFY2(opened.workspace, qPrintable(opened.error.message));
            const auto list = opened.workspace->scenarios();
            QVERIFY(opened.workspace->renameScenario(list[0].id, QStringLiteral("Renamed after the backup")));
            QVERIFY(opened.workspace->saveDocument(list[1].id, "{\"i\": 100}"));
        }
        QProcess writer;
        writer.start(helperPath(), {QStringLiteral("interrupt"), path});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(10000));
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
        const QString journal = path + QStringLiteral("-journal");
        QVERIFY(QFile::exists(journal));
        // The user restores the backup as told; the journal stays beside it.
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(backup, path));
        const QByteArray hash = fileSha256(path);
        const QByteArray journalHash = fileSha256(journal);

        for (const auto mode : {Workspace::OpenMode::ReadOnly, Workspace::OpenMode::ReadWrite}) {
            const Workspace::OpenResult result = Workspace::open(path, mode);
            QVERIFY(!result.workspace);
            QCOMPARE(result.error.kind, WorkspaceError::Kind::Refused);
            QVERIFY2(result.error.message.contains(QStringLiteral("journal '%1'").arg(journal))
                         && result.error.message.contains(QStringLiteral("another state of the file")),
                     qPrintable(result.error.message));
            QCOMPARE(fileSha256(path), hash);
            QCOMPARE(fileSha256(journal), journalHash);
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
        QVERIFY(QFile::rename(journal, journal + QStringLiteral(".moved")));
        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        QStringList names;
        for (const cp::ScenarioInfo &info : opened.workspace->scenarios()) {
            names << info.name;
            QVERIFY(opened.workspace->loadDocument(info.id));
        }
        QCOMPARE(names, backupRows);
    }

    // Read-only access to a file with an interrupted edit reads a private copy in the temporary
    // folder; the copy is removed when the workspace closes and when opening fails after copying.
    void privateCopiesAreRemoved()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QByteArray previous = qgetenv("TMPDIR");
        qputenv("TMPDIR", QFile::encodeName(temporary.path()));
        const auto restore = qScopeGuard([&previous] {
            if (previous.isEmpty())
                qunsetenv("TMPDIR");
            else
                qputenv("TMPDIR", previous);
        });
        QCOMPARE(QDir::tempPath(), QDir(temporary.path()).canonicalPath());
        const auto interrupted = [this](bool tampered) {
            const QString path = newPath();
            if (!makeWorkspace(path))
                return QString();
            if (tampered && !rawExec(path, {QStringLiteral("CREATE VIEW names AS SELECT name FROM scenario")}).isEmpty())
                return QString();
            QProcess writer;
            writer.start(helperPath(), {QStringLiteral("interrupt"), path});
            if (!writer.waitForStarted() || !writer.waitForReadyRead(10000))
                return QString();
            writer.kill();
            writer.waitForFinished(10000);
            return QFile::exists(path + QStringLiteral("-journal")) ? path : QString();
        };
        const auto leftovers = [&temporary] {
            return QDir(temporary.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        };
        const QString path = interrupted(false);
        QVERIFY(!path.isEmpty());
        {
            Workspace::OpenResult readOnly = Workspace::open(path, Workspace::OpenMode::ReadOnly);
            QVERIFY2(readOnly.workspace, qPrintable(readOnly.error.message));
            QCOMPARE(readOnly.workspace->scenarios().size(), size_t(6));
            QCOMPARE(leftovers().size(), 1); // the private copy, while it is read
        }
        QCOMPARE(leftovers(), QStringList());

        const QString tampered = interrupted(true);
        QVERIFY(!tampered.isEmpty());
        const Workspace::OpenResult refused = Workspace::open(tampered, Workspace::OpenMode::ReadOnly);
        QVERIFY(!refused.workspace);
        QVERIFY2(refused.error.message.contains(QStringLiteral("view 'names'")), qPrintable(refused.error.message));
        QCOMPARE(leftovers(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceSafety)
#include "tst_workspacesafety.moc"
