// The workspace on a real PostgreSQL 15 server (the pgserver CTest fixture): the same Workspace
// API as a file, plus what only a server has: two clients on one database, and the server's own
// refusals. Every test makes its own database.

#include "pgtestserver.h"
#include "storage/serveradmin.h"
#include "storage/schema.h"
#include "storage/workspace.h"

#include <QJsonArray>
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

// A small plan-shaped document: one site with two power sources.
QByteArray siteDocument(const QString &siteName, double secondCapacityMw, const QString &description = QString())
{
    QJsonObject first{{QStringLiteral("capacityMw"), 10}};
    QJsonObject second{{QStringLiteral("capacityMw"), secondCapacityMw}};
    QJsonObject site{{QStringLiteral("name"), siteName}, {QStringLiteral("power"), QJsonArray{first, second}}};
    QJsonObject object{{QStringLiteral("formatVersion"), 1}, {QStringLiteral("sites"), QJsonArray{site}}};
    if (!description.isEmpty())
        object[QStringLiteral("description")] = description;
    return QJsonDocument(object).toJson();
}

// Runs one statement as `role` on `database`; the SQLSTATE of its failure, or empty.
QString sqlStateAs(const QString &database, const QString &role, const QString &sql)
{
    cp::storage::PgConnection connection;
    if (!connection.open(cp::storage::parseServerUri(pgtest::uriFor(database, role)).conninfo, false))
        return QStringLiteral("<no connection: %1>").arg(connection.lastFailure().reason());
    if (connection.exec(sql))
        return QString();
    return connection.lastFailure().sqlState;
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
                 QStringLiteral("4"));

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
                                   {QStringLiteral("UPDATE clusterplan_workspace SET schema_version = 5")}),
                 QString());
        opened = Workspace::open(newer, Workspace::OpenMode::ReadOnly);
        QVERIFY(!opened.workspace);
        QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
        QVERIFY2(opened.error.message.contains(QStringLiteral("made by a newer ClusterPlan (workspace version 5")),
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
                 QStringLiteral("4"));
    }

    // Two editors change one scenario: the database's trigger writes who changed which fields,
    // and nobody can write the trail directly, not even an editor.
    void auditTrailNamesEachUserAndField()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        const QString database = pgtest::databaseOf(uri);
        const QString alice = database + QStringLiteral("_alice");
        const QString bob = database + QStringLiteral("_bob");
        const QString board = database + QStringLiteral("_board");
        const cp::WorkspaceError setUp = cp::setUpServerWorkspace(uri, {{alice, bob}, {board}});
        QVERIFY2(!setUp.isError(), qPrintable(setUp.message));

        QString error;
        auto aliceWorkspace = openOrFail(pgtest::uriFor(database, alice), Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(aliceWorkspace, qPrintable(error));
        auto bobWorkspace = openOrFail(pgtest::uriFor(database, bob), Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(bobWorkspace, qPrintable(error));
        const auto id = aliceWorkspace->createScenario(QStringLiteral("Capex"), siteDocument(QStringLiteral("A"), 20));
        QVERIFY2(id, qPrintable(aliceWorkspace->lastError().message));
        QVERIFY(aliceWorkspace->saveDocument(*id, siteDocument(QStringLiteral("A"), 25))); // revision 2
        QVERIFY(bobWorkspace->loadDocument(*id));
        QVERIFY(bobWorkspace->saveDocument(*id, siteDocument(QStringLiteral("B"), 25, QStringLiteral("new")))); // 3
        QVERIFY(bobWorkspace->renameScenario(*id, QStringLiteral("Capex 2027")));
        QVERIFY(aliceWorkspace->removeScenario(*id));

        auto viewer = openOrFail(pgtest::uriFor(database, board), Workspace::OpenMode::ReadOnly, &error);
        QVERIFY2(viewer, qPrintable(error));
        const auto trail = viewer->auditTrail(QStringLiteral("Capex")); // its first name finds all of it
        QVERIFY2(trail, qPrintable(viewer->lastError().message));
        QCOMPARE(trail->size(), size_t(5));
        const auto &entries = *trail;
        QCOMPARE(entries[0].action, QStringLiteral("insert"));
        QCOMPARE(entries[0].changedBy, alice);
        QCOMPARE(entries[0].revision, 1);
        QCOMPARE(entries[1].action, QStringLiteral("update"));
        QCOMPARE(entries[1].changedBy, alice);
        QCOMPARE(entries[1].revision, 2);
        QCOMPARE(entries[1].changedFields, QStringList{QStringLiteral("sites[0].power[1].capacityMw")});
        QCOMPARE(entries[2].action, QStringLiteral("update"));
        QCOMPARE(entries[2].changedBy, bob);
        QCOMPARE(entries[2].revision, 3);
        QCOMPARE(entries[2].changedFields,
                 (QStringList{QStringLiteral("description"), QStringLiteral("sites[0].name")}));
        QCOMPARE(entries[3].action, QStringLiteral("rename"));
        QCOMPARE(entries[3].scenarioName, QStringLiteral("Capex 2027"));
        QCOMPARE(entries[3].changedBy, bob);
        QCOMPARE(entries[3].revision, 3); // a rename keeps the revision
        QCOMPARE(entries[4].action, QStringLiteral("delete"));
        QCOMPARE(entries[4].changedBy, alice);
        for (const cp::AuditEntry &entry : entries) {
            QCOMPARE(entry.scenarioId, *id);
            QVERIFY(entry.changedUtc.isValid());
            QCOMPARE(entry.changedUtc.timeSpec(), Qt::UTC);
        }
        QVERIFY(entries[0].changedUtc <= entries[4].changedUtc);

        // A document that is not JSON is diffed as a whole.
        const auto text = aliceWorkspace->createScenario(QStringLiteral("Notes"), QByteArrayLiteral("not json"));
        QVERIFY(text);
        QVERIFY(aliceWorkspace->saveDocument(*text, QByteArrayLiteral("still not json")));
        const auto notes = viewer->auditTrail(QStringLiteral("Notes"));
        QVERIFY(notes && notes->size() == 2);
        QCOMPARE(notes->at(1).changedFields, QStringList{QStringLiteral("$")});

        // Only the trigger writes the trail: the server refuses a viewer's and an editor's own rows.
        const QString forge = QStringLiteral("INSERT INTO scenario_audit (scenario_id, scenario_name, changed_utc, "
                                             "changed_by, action, revision, changed_fields) VALUES (1, 'x', 'x', "
                                             "'someone else', 'update', 1, '{}')");
        QCOMPARE(sqlStateAs(database, board, forge), QStringLiteral("42501"));
        QCOMPARE(sqlStateAs(database, alice, forge), QStringLiteral("42501"));
        QCOMPARE(sqlStateAs(database, alice, QStringLiteral("DELETE FROM scenario_audit")), QStringLiteral("42501"));
        QCOMPARE(sqlStateAs(database, bob, QStringLiteral("UPDATE scenario_audit SET changed_by = 'nobody'")),
                 QStringLiteral("42501"));
        QCOMPARE(sqlStateAs(database, alice, QStringLiteral("SELECT clusterplan_audit()")), QStringLiteral("42501"));
        QCOMPARE(adminScalar(database, QStringLiteral("SELECT count(*) FROM scenario_audit")), QStringLiteral("7"));

        // A file has no audit trail, and says so.
        QTemporaryDir folder;
        auto file = openOrFail(folder.filePath(QStringLiteral("w.clusterplan")), Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(file, qPrintable(error));
        QVERIFY(!file->auditTrail());
        QCOMPARE(file->lastError().kind, WorkspaceError::Kind::Refused);
    }

    // The open-time shape check accepts exactly ClusterPlan's audit trigger and functions.
    void refusesOtherTriggersAndChangedAuditFunctions_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another trigger") << QStringList{
            QStringLiteral("CREATE FUNCTION sneaky() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$"),
            QStringLiteral("CREATE TRIGGER sneaky BEFORE UPDATE ON scenario FOR EACH ROW EXECUTE FUNCTION sneaky()")}
                                         << QStringLiteral("triggers other than ClusterPlan's audit trigger");
        QTest::newRow("audit disabled") << QStringList{QStringLiteral("ALTER TABLE scenario DISABLE TRIGGER scenario_audit")}
                                        << QStringLiteral("triggers other than ClusterPlan's audit trigger");
        QTest::newRow("audit dropped") << QStringList{QStringLiteral("DROP TRIGGER scenario_audit ON scenario")}
                                       << QStringLiteral("audit trigger is missing");
        QTest::newRow("trigger body changed") << QStringList{QStringLiteral(
            "CREATE OR REPLACE FUNCTION clusterplan_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS "
            "$$BEGIN RETURN NULL; END$$")} << QStringLiteral("triggers other than ClusterPlan's audit trigger");
        QTest::newRow("diff changed") << QStringList{QStringLiteral(
            "CREATE OR REPLACE FUNCTION clusterplan_jsonb(document text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS "
            "$$SELECT '{}'::jsonb$$")} << QStringLiteral("audit functions");
    }

    void refusesOtherTriggersAndChangedAuditFunctions()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, expected);
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        QString error;
        QVERIFY2(openOrFail(uri, Workspace::OpenMode::ReadWrite, &error), qPrintable(error));
        QCOMPARE(pgtest::adminExec(pgtest::databaseOf(uri), statements), QString());
        for (const auto mode : {Workspace::OpenMode::ReadOnly, Workspace::OpenMode::ReadWrite}) {
            const Workspace::OpenResult opened = Workspace::open(uri, mode);
            QVERIFY(!opened.workspace);
            QCOMPARE(opened.error.kind, WorkspaceError::Kind::Refused);
            QVERIFY2(opened.error.message.contains(expected), qPrintable(opened.error.message));
        }
    }

    // A version-3 database (revisions, no audit) with a viewer: a writer's open adds the audit
    // trail, keeps every scenario and checksum, and the viewer may read the new table.
    void migratesFromVersionThree()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        const QString database = pgtest::databaseOf(uri);
        const QString viewer = database + QStringLiteral("_reader");
        const QByteArray document = documentWith(QStringLiteral("three"));
        const QString documentSha = cp::storage::sha256Hex(document);
        const QString rowSha = cp::storage::rowChecksum(QByteArrayLiteral("Kept"), documentSha.toLatin1());
        QCOMPARE(pgtest::adminExec(database,
                                   {QStringLiteral("CREATE TABLE clusterplan_workspace (application_id integer NOT NULL, "
                                                   "schema_version integer NOT NULL)"),
                                    QStringLiteral("INSERT INTO clusterplan_workspace VALUES (1131171950, 3)"),
                                    QStringLiteral("CREATE TABLE scenario (id bigint GENERATED ALWAYS AS IDENTITY "
                                                   "PRIMARY KEY, name text NOT NULL UNIQUE, position bigint NOT NULL, "
                                                   "created_utc text NOT NULL, modified_utc text NOT NULL, document "
                                                   "text NOT NULL, document_sha256 text NOT NULL, row_sha256 text NOT "
                                                   "NULL DEFAULT '', revision bigint NOT NULL DEFAULT 1, modified_by "
                                                   "text NOT NULL DEFAULT '')"),
                                    QStringLiteral("INSERT INTO scenario (name, position, created_utc, modified_utc, "
                                                   "document, document_sha256, row_sha256, revision, modified_by) "
                                                   "VALUES ('Kept', 0, '2026-01-01T00:00:00.000Z', "
                                                   "'2026-02-01T00:00:00.000Z', '%1', '%2', '%3', 7, 'carol')")
                                        .arg(QString::fromUtf8(document), documentSha, rowSha),
                                    QStringLiteral("CREATE ROLE %1 LOGIN").arg(viewer),
                                    QStringLiteral("GRANT SELECT ON scenario, clusterplan_workspace TO %1").arg(viewer)}),
                 QString());
        QString error;
        auto workspace = openOrFail(uri, Workspace::OpenMode::ReadWrite, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(adminScalar(database, QStringLiteral("SELECT schema_version FROM clusterplan_workspace")),
                 QStringLiteral("4"));
        const auto list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].name, QStringLiteral("Kept"));
        QVERIFY(!list[0].damaged);
        QCOMPARE(list[0].revision, 7);
        QCOMPARE(list[0].modifiedBy, QStringLiteral("carol"));
        QCOMPARE(*workspace->loadDocument(list[0].id), document);
        const auto before = workspace->auditTrail();
        QVERIFY(before && before->empty()); // the trail starts at the upgrade

        auto reader = openOrFail(pgtest::uriFor(database, viewer), Workspace::OpenMode::ReadOnly, &error);
        QVERIFY2(reader, qPrintable(error));
        QVERIFY(workspace->saveDocument(list[0].id, documentWith(QStringLiteral("four"))));
        const auto after = reader->auditTrail();
        QVERIFY2(after, qPrintable(reader->lastError().message));
        QCOMPARE(after->size(), size_t(1));
        QCOMPARE(after->at(0).revision, 8);
        QCOMPARE(after->at(0).changedFields, QStringList{QStringLiteral("description")});
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
