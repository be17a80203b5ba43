// The workspace on a real PostgreSQL 15 server (the pgserver CTest fixture): the same Workspace
// API as a file, plus what only a server has: two clients on one database, and the server's own
// refusals. Every test makes its own database.

#include "pgtestserver.h"
#include "storage/schema.h"
#include "storage/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using cp::ScenarioId;
using cp::Workspace;
using cp::WorkspaceError;

namespace {

std::unique_ptr<Workspace> openOrFail(const QString &uri, Workspace::OpenMode mode, QString *error)
{
    Workspace::OpenResult opened = Workspace::open(uri, mode);
    *error = opened.error.message;
    return std::move(opened.workspace);
}

QByteArray documentWith(const QString &text)
{
    QJsonObject object;
    object[QStringLiteral("formatVersion")] = 1;
    object[QStringLiteral("description")] = text;
    return QJsonDocument(object).toJson();
}

// A scalar read by the superuser, outside the code under test.
QString adminScalar(const QString &database, const QString &sql)
{
    cp::storage::PgConnection connection;
    if (!connection.open(cp::storage::parseServerUri(pgtest::uriFor(database)).conninfo, true))
        return QStringLiteral("<no connection>");
    const auto value = connection.scalar(sql);
    return value ? value->toString() : QStringLiteral("<failed>");
}

} // namespace

class TestServerWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!pgtest::serverUri().isEmpty(),
                 "the test server did not start (CTest fixture pgserver_start; see tests/pgserver/pgserver.sh)");
    }

    void editsLikeAFile()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        auto workspace = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(workspace->isServer());
        QCOMPARE(workspace->path(), uri);
        QVERIFY(workspace->scenarios().empty());

        QSignalSpy inserted(workspace.get(), &Workspace::scenarioInserted);
        const auto first = workspace->createScenario(QStringLiteral("  Memphis  "), documentWith(QStringLiteral("a")));
        QVERIFY2(first, qPrintable(workspace->lastError().message));
        const auto second = workspace->createScenario(QStringLiteral("Grid wait"), documentWith(QStringLiteral("b")));
        QVERIFY(second);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(0).toInt(), 1);

        auto list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].name, QStringLiteral("Memphis")); // trimmed, as in a file
        QCOMPARE(list[0].revision, 1);
        QCOMPARE(list[0].modifiedBy, QString()); // created, never saved
        QVERIFY(!list[0].damaged);
        QCOMPARE(*workspace->loadDocument(*first), documentWith(QStringLiteral("a")));

        QVERIFY(!workspace->createScenario(QStringLiteral("Memphis"), documentWith(QStringLiteral("c"))));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NameTaken);
        QVERIFY(!workspace->createScenario(QStringLiteral("two\nlines"), documentWith(QStringLiteral("c"))));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidName);

        QVERIFY(workspace->saveDocument(*first, documentWith(QStringLiteral("a2"))));
        QCOMPARE(workspace->scenario(*first)->revision, 2);
        QCOMPARE(workspace->scenario(*first)->modifiedBy, QStringLiteral("postgres"));
        QVERIFY(workspace->renameScenario(*first, QStringLiteral("Memphis 2")));
        QCOMPARE(workspace->scenario(*first)->revision, 2); // a rename is not a new revision of the plan

        const auto copy = workspace->duplicateScenario(*first);
        QVERIFY2(copy, qPrintable(workspace->lastError().message));
        list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(3));
        QCOMPARE(list[1].name, QStringLiteral("Memphis 2 (copy)")); // right after the original
        QCOMPARE(*workspace->loadDocument(*copy), documentWith(QStringLiteral("a2")));
        QVERIFY(workspace->removeScenario(*second));
        QVERIFY(!workspace->loadDocument(*second));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NoSuchScenario);

        // The row checksum is the file's (docs/scenario-format.md 7.3), so a row moves between both unchanged.
        const QString database = pgtest::databaseOf(uri);
        const QString documentSha = cp::storage::sha256Hex(documentWith(QStringLiteral("a2")));
        QCOMPARE(adminScalar(database, QStringLiteral("SELECT row_sha256 FROM scenario WHERE name = 'Memphis 2'")),
                 cp::storage::rowChecksum(QByteArrayLiteral("Memphis 2"), documentSha.toLatin1()));
        QCOMPARE(adminScalar(database, QStringLiteral("SELECT schema_version FROM clusterplan_workspace")),
                 QStringLiteral("3"));

        // Read-only: the app refuses first, and the session is read-only on the server too.
        auto reader = openOrFail(uri, Workspace::OpenMode::ReadOnly, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(reader->scenarios().size(), size_t(2));
        QVERIFY(reader->isReadOnly());
        QVERIFY(!reader->saveDocument(*first, documentWith(QStringLiteral("x"))));
        QCOMPARE(reader->lastError().kind, WorkspaceError::Kind::ReadOnly);
    }

    void storesNamesAndDocumentsVerbatim_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("quotes") << QStringLiteral("O'Brien's \"big\" `plan`");
        QTest::newRow("sql fragment") << QStringLiteral("x'); DROP TABLE scenario; --");
        QTest::newRow("placeholders") << QStringLiteral("$1 ? :name %s %1 \\x00 E'\\\\'");
        QTest::newRow("backslashes") << QStringLiteral("C:\\plans\\new\\");
        QTest::newRow("unicode") << QStringLiteral("Zürich – 東京 🚀");
        QTest::newRow("200 characters") << QString(200, QLatin1Char('\''));
    }

    void storesNamesAndDocumentsVerbatim()
    {
        QFETCH(QString, name);
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        auto writer = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(writer, qPrintable(error));
        // A 10,000-character text inside the document, made of the same characters.
        QString longText;
        while (longText.size() < 10'000)
            longText += name;
        longText.truncate(10'000);
        const QByteArray document = documentWith(longText);
        const auto id = writer->createScenario(name, document);
        QVERIFY2(id, qPrintable(writer->lastError().message));

        auto reader = openOrFail(uri, Workspace::OpenMode::ReadOnly, &error);
        QVERIFY2(reader, qPrintable(error));
        QCOMPARE(reader->findScenario(name), id);
        QCOMPARE(reader->scenario(*id)->name, name);
        QVERIFY(!reader->scenario(*id)->damaged);
        QCOMPARE(*reader->loadDocument(*id), document);
        QCOMPARE(adminScalar(pgtest::databaseOf(uri), QStringLiteral("SELECT count(*) FROM scenario")),
                 QStringLiteral("1"));
    }

    void refusesA10kCharacterName()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        auto workspace = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(!workspace->createScenario(QString(10'000, QLatin1Char('n')), documentWith(QStringLiteral("a"))));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidName);
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("10000 characters")));
    }

    // Two planners on one scenario: the second save against an old revision is refused with
    // who and when, and nothing anyone saved is lost.
    void twoClientsEditingOneScenario()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        auto alice = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(alice, qPrintable(error));
        auto bob = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error); // no lock: both edit
        QVERIFY2(bob, qPrintable(error));
        QVERIFY(!bob->isReadOnly());

        const auto id = alice->createScenario(QStringLiteral("Capex"), documentWith(QStringLiteral("v1")));
        QVERIFY(id);
        QCOMPARE(*bob->loadDocument(*id), documentWith(QStringLiteral("v1"))); // bob reads revision 1
        QVERIFY(alice->saveDocument(*id, documentWith(QStringLiteral("alice")))); // revision 2

        QVERIFY(!bob->saveDocument(*id, documentWith(QStringLiteral("bob"))));
        QCOMPARE(bob->lastError().kind, WorkspaceError::Kind::Conflict);
        const QString message = bob->lastError().message;
        QVERIFY2(message.contains(QStringLiteral(": postgres saved it at ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("(revision 2) after you opened revision 1")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Capex")), qPrintable(message));
        QCOMPARE(*alice->loadDocument(*id), documentWith(QStringLiteral("alice"))); // not overwritten

        // Bob reloads (takes revision 2), then his save goes through as revision 3.
        QCOMPARE(*bob->loadDocument(*id), documentWith(QStringLiteral("alice")));
        QVERIFY2(bob->saveDocument(*id, documentWith(QStringLiteral("bob"))), qPrintable(bob->lastError().message));
        QCOMPARE(bob->scenario(*id)->revision, 3);
        // Now Alice is the one behind.
        QVERIFY(!alice->saveDocument(*id, documentWith(QStringLiteral("alice again"))));
        QCOMPARE(alice->lastError().kind, WorkspaceError::Kind::Conflict);
        QCOMPARE(*alice->loadDocument(*id), documentWith(QStringLiteral("bob")));

        // Names stay unique across clients: the server's write turn makes the check and the insert one step.
        QVERIFY(bob->createScenario(QStringLiteral("Opex"), documentWith(QStringLiteral("o"))));
        QVERIFY(!alice->createScenario(QStringLiteral("Opex"), documentWith(QStringLiteral("o"))));
        QCOMPARE(alice->lastError().kind, WorkspaceError::Kind::NameTaken);
        QCOMPARE(alice->scenarios().size(), size_t(2));
    }

    void refusesForeignAndNewerDatabases()
    {
        QString error;
        const QString foreign = pgtest::freshDatabase();
        QVERIFY(!foreign.isEmpty());
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(foreign),
                                   {QStringLiteral("CREATE TABLE accounts (id integer, balance numeric)")}),
                 QString());
        Workspace::OpenResult opened = Workspace::open(foreign, Workspace::OpenMode::ReadWrite);
        QVERIFY(!opened.workspace);
        QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(opened.error.message.contains(QStringLiteral("tables of another program (accounts)")),
                 qPrintable(opened.error.message));
        QCOMPARE(adminScalar(pgtest::databaseOf(foreign),
                             QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")),
                 QStringLiteral("1")); // nothing added

        const QString newer = pgtest::freshDatabase();
        QVERIFY(!newer.isEmpty());
        QVERIFY(openOrFail(newer, Workspace::OpenMode::ReadWrite, &error));
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(newer),
                                   {QStringLiteral("UPDATE clusterplan_workspace SET schema_version = 4")}),
                 QString());
        opened = Workspace::open(newer, Workspace::OpenMode::ReadOnly);
        QVERIFY(!opened.workspace);
        QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(opened.error.message.contains(QStringLiteral("made by a newer ClusterPlan (workspace version 4")),
                 qPrintable(opened.error.message));

        // An empty database is no workspace for a reader.
        const QString empty = pgtest::freshDatabase();
        opened = Workspace::open(empty, Workspace::OpenMode::ReadOnly);
        QVERIFY(!opened.workspace);
        QCOMPARE(opened.error.kind, WorkspaceError::Kind::NotFound);

        // A password in the URI is refused and never echoed.
        opened = Workspace::open(QStringLiteral("postgresql://alice:s3cret@/capex?host=/nonexistent"),
                                 Workspace::OpenMode::ReadOnly);
        QVERIFY(!opened.workspace);
        QVERIFY(opened.error.message.contains(QStringLiteral("~/.pgpass")));
        QVERIFY2(!opened.error.message.contains(QStringLiteral("s3cret")), qPrintable(opened.error.message));
    }

    // A database left at version 2 (the file's schema, no revisions) is upgraded by a writer;
    // its checksums carry over; a reader refuses it until then.
    void migratesFromVersionTwo()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        const QByteArray document = documentWith(QStringLiteral("old"));
        const QString documentSha = cp::storage::sha256Hex(document);
        const QString rowSha = cp::storage::rowChecksum(QByteArrayLiteral("Old plan"), documentSha.toLatin1());
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(uri),
                                   {QStringLiteral("CREATE TABLE clusterplan_workspace (application_id integer NOT NULL, "
                                                   "schema_version integer NOT NULL)"),
                                    QStringLiteral("INSERT INTO clusterplan_workspace VALUES (1131171950, 2)"),
                                    QStringLiteral("CREATE TABLE scenario (id bigint GENERATED ALWAYS AS IDENTITY "
                                                   "PRIMARY KEY, name text NOT NULL UNIQUE, position bigint NOT NULL, "
                                                   "created_utc text NOT NULL, modified_utc text NOT NULL, document "
                                                   "text NOT NULL, document_sha256 text NOT NULL, row_sha256 text NOT "
                                                   "NULL DEFAULT '')"),
                                    QStringLiteral("INSERT INTO scenario (name, position, created_utc, modified_utc, "
                                                   "document, document_sha256, row_sha256) VALUES ('Old plan', 0, "
                                                   "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '%1', '%2', '%3')")
                                        .arg(QString::fromUtf8(document), documentSha, rowSha)}),
                 QString());
        Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadOnly);
        QVERIFY(!opened.workspace);
        QVERIFY(opened.error.message.contains(QStringLiteral("older ClusterPlan")));
        QString error;
        auto workspace = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(workspace, qPrintable(error));
        const auto list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(1));
        QVERIFY(!list[0].damaged);
        QCOMPARE(list[0].revision, 1);
        QCOMPARE(*workspace->loadDocument(list[0].id), document);
        QCOMPARE(adminScalar(pgtest::databaseOf(uri), QStringLiteral("SELECT schema_version FROM clusterplan_workspace")),
                 QStringLiteral("3"));
    }

    void noticesADamagedRow()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        auto workspace = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(workspace, qPrintable(error));
        const auto good = workspace->createScenario(QStringLiteral("Good"), documentWith(QStringLiteral("g")));
        const auto bad = workspace->createScenario(QStringLiteral("Bad"), documentWith(QStringLiteral("b")));
        QVERIFY(good && bad);
        // Another program changes a document without its checksum.
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(uri),
                                   {QStringLiteral("UPDATE scenario SET document = '{}' WHERE name = 'Bad'")}),
                 QString());
        QVERIFY(!workspace->loadDocument(*bad));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY(workspace->loadDocument(*good));
        // The name's checksum: a renamed row is shown damaged in the list.
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(uri),
                                   {QStringLiteral("UPDATE scenario SET name = 'Gold' WHERE name = 'Good'")}),
                 QString());
        const auto list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(2));
        QVERIFY(list[0].damaged);
    }

    // A role granted only SELECT: its client may try to write; the server refuses, the
    // workspace reports it as read-only access and nothing changes.
    void serverRefusesAViewersWrite()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        const QString database = pgtest::databaseOf(uri);
        QString error;
        auto owner = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(owner, qPrintable(error));
        const auto id = owner->createScenario(QStringLiteral("Board view"), documentWith(QStringLiteral("v1")));
        QVERIFY(id);
        const QString viewer = database + QStringLiteral("_viewer");
        QCOMPARE(pgtest::adminExec(database, {QStringLiteral("CREATE ROLE %1 LOGIN").arg(viewer),
                                              QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(viewer)}),
                 QString());
        auto client = openOrFail(pgtest::uriFor(database, viewer), Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(client, qPrintable(error));
        QCOMPARE(*client->loadDocument(*id), documentWith(QStringLiteral("v1")));
        QVERIFY(!client->saveDocument(*id, documentWith(QStringLiteral("viewer"))));
        QCOMPARE(client->lastError().kind, WorkspaceError::Kind::ReadOnly);
        QVERIFY2(client->lastError().message.contains(QStringLiteral("may only read")),
                 qPrintable(client->lastError().message));
        QVERIFY(!client->createScenario(QStringLiteral("Mine"), documentWith(QStringLiteral("m"))));
        QCOMPARE(client->lastError().kind, WorkspaceError::Kind::ReadOnly);
        QCOMPARE(*owner->loadDocument(*id), documentWith(QStringLiteral("v1")));
        QCOMPARE(owner->scenarios().size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestServerWorkspace)
#include "tst_serverworkspace.moc"
