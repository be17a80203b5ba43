#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `clusterplan-cli list --workspace W [--json]`: one scenario per line (name, sites, modified
// time in UTC), or JSON for scripts. Listing never writes, so it works while the workspace is
// open for editing elsewhere.
class TestCliList : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode;
        QString out;
        QString err;
    };
    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
        if (!process.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timed out")};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }
    static QByteArray exampleDocument(const char *name)
    {
        const auto parsed = cp::io::readScenarioFile(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/")
                                                         + QLatin1String(name),
                                                     cp::Catalog::builtIn());
        return parsed.ok() ? cp::io::writeScenarioJson(*parsed.scenario) : QByteArray();
    }
    // Two scenarios: the Memphis example (1 site) and a hand-written plan with 2 sites and 0 sites.
    std::unique_ptr<cp::Workspace> makeWorkspace(const QString &path)
    {
        auto opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return nullptr;
        const QByteArray twoSites = R"({"format": "clusterplan.scenario", "formatVersion": 1, "name": "Two sites",
            "startMonth": "2025-01", "horizonMonths": 24, "sites": [
            {"name": "A", "facility": {"itCapacityMw": 10, "permitStartMonth": "2025-01", "permitMonths": 0,
             "constructionStartMonth": "2025-01", "buildMonths": 6}},
            {"name": "B", "facility": {"itCapacityMw": 20, "permitStartMonth": "2025-01", "permitMonths": 0,
             "constructionStartMonth": "2025-01", "buildMonths": 6}}]})";
        const QByteArray noSites = R"({"format": "clusterplan.scenario", "formatVersion": 1, "name": "Empty",
            "startMonth": "2025-01", "horizonMonths": 12, "sites": []})";
        if (!opened.workspace->createScenario(QStringLiteral("Memphis retrofit, 100k H100"),
                                              exampleDocument("memphis-retrofit-100k-h100.json"))
            || !opened.workspace->createScenario(QStringLiteral("Two sites"), twoSites)
            || !opened.workspace->createScenario(QStringLiteral("Empty"), noSites))
            return nullptr;
        return std::move(opened.workspace);
    }
    static QString utc(const QDateTime &time) { return time.toUTC().toString(Qt::ISODate); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void plainListing()
    {
        const QString path = m_dir.filePath(QStringLiteral("plain.clusterplan"));
        auto workspace = makeWorkspace(path);
        QVERIFY(workspace);
        const auto infos = workspace->scenarios();
        QCOMPARE(infos.size(), size_t(3));
        // Still open for editing here: list does not need the lock.
        const Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // Names padded to the longest (27 characters), then the site count, then the time.
        const QString expected = QStringLiteral("Memphis retrofit, 100k H100    1 site  %1\n"
                                                "Two sites                     2 sites  %2\n"
                                                "Empty                         0 sites  %3\n")
                                     .arg(utc(infos[0].modifiedUtc), utc(infos[1].modifiedUtc), utc(infos[2].modifiedUtc));
        QCOMPARE(r.out, expected);
        QVERIFY(utc(infos[0].modifiedUtc).endsWith(QLatin1Char('Z')));
    }

    void jsonListing()
    {
        const QString path = m_dir.filePath(QStringLiteral("json.clusterplan"));
        auto workspace = makeWorkspace(path);
        QVERIFY(workspace);
        const auto infos = workspace->scenarios();
        workspace.reset();
        const Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document[QStringLiteral("workspace")].toString(), path);
        const QJsonArray scenarios = document[QStringLiteral("scenarios")].toArray();
        QCOMPARE(scenarios.size(), 3);
        const int sites[] = {1, 2, 0};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject entry = scenarios[i].toObject();
            QCOMPARE(entry.keys().size(), 5);
            QCOMPARE(entry[QStringLiteral("id")].toInteger(), infos[size_t(i)].id);
            QCOMPARE(entry[QStringLiteral("name")].toString(), infos[size_t(i)].name);
            QCOMPARE(entry[QStringLiteral("sites")].toInt(-1), sites[i]);
            QCOMPARE(entry[QStringLiteral("created")].toString(), utc(infos[size_t(i)].createdUtc));
            QCOMPARE(entry[QStringLiteral("modified")].toString(), utc(infos[size_t(i)].modifiedUtc));
        }
    }

    void emptyWorkspaceListsNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.clusterplan"));
        QVERIFY(cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite).workspace);
        const Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        const Run json = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())[QStringLiteral("scenarios")].toArray().size(), 0);
    }

    void damagedScenarioIsListedAndReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.clusterplan"));
        QVERIFY(makeWorkspace(path));
        {
            // Another program changes a stored document behind ClusterPlan's back.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE scenario SET document = '{}' WHERE name = 'Two sites'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Two sites                     damaged")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Memphis retrofit, 100k H100    1 site")));
        QVERIFY2(r.err.contains(QStringLiteral("'Two sites'")) && r.err.contains(QStringLiteral("damaged")),
                 qPrintable(r.err));
    }

    // One bit flipped in a stored name, and separately in a stored document, by another program
    // (raw SQLite): list names the row as damaged (exit 1), export and solve of it exit 1 with a
    // message naming it and suggesting a backup, and the other scenarios still list and export.
    void flippedBitIsNamedAsDamaged_data()
    {
        QTest::addColumn<bool>("inName");
        QTest::newRow("name") << true;
        QTest::newRow("document") << false;
    }
    void flippedBitIsNamedAsDamaged()
    {
        QFETCH(bool, inName);
        const QString path = m_dir.filePath(inName ? QStringLiteral("flip-name.clusterplan")
                                                   : QStringLiteral("flip-document.clusterplan"));
        QVERIFY(makeWorkspace(path));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("flip"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            const QString column = inName ? QStringLiteral("name") : QStringLiteral("document");
            QVERIFY(query.exec(QStringLiteral("SELECT id, CAST(%1 AS BLOB) FROM scenario WHERE name = 'Two sites'")
                                   .arg(column)));
            QVERIFY(query.next());
            const qint64 id = query.value(0).toLongLong();
            QByteArray bytes = query.value(1).toByteArray();
            // The name's first byte 'T' becomes 'U'; in the document, the first '1' (of "formatVersion": 1) becomes '0'.
            const qsizetype at = inName ? 0 : bytes.indexOf('1');
            QVERIFY(at >= 0);
            bytes[at] = char(bytes[at] ^ 0x01);
            query.finish();
            QSqlQuery update(db);
            QVERIFY(update.prepare(QStringLiteral("UPDATE scenario SET %1 = CAST(? AS TEXT) WHERE id = ?").arg(column)));
            update.addBindValue(bytes);
            update.addBindValue(id);
            QVERIFY(update.exec());
            QCOMPARE(update.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("flip"));
        const QString listed = inName ? QStringLiteral("Uwo sites") : QStringLiteral("Two sites");

        const Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(listed.leftJustified(27) + QStringLiteral("   damaged")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Memphis retrofit, 100k H100    1 site")));
        QVERIFY(r.out.contains(QStringLiteral("Empty                         0 sites")));
        QVERIFY2(r.err.contains(QStringLiteral("'%1'").arg(listed)) && r.err.contains(QStringLiteral("is damaged"))
                     && r.err.contains(QStringLiteral("backup")),
                 qPrintable(r.err));

        const Run json = cli({QStringLiteral("list"), QStringLiteral("--workspace"), path, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonArray entries = QJsonDocument::fromJson(json.out.toUtf8())[QStringLiteral("scenarios")].toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[1].toObject()[QStringLiteral("name")].toString(), listed);
        QCOMPARE(entries[1].toObject()[QStringLiteral("damaged")], QJsonValue(true));
        QVERIFY(entries[1].toObject()[QStringLiteral("sites")].isNull());
        QVERIFY(!entries[0].toObject().contains(QStringLiteral("damaged")));

        const QString out = m_dir.filePath(QStringLiteral("flipped-out.json"));
        const Run exported = cli({QStringLiteral("export"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                                  listed, QStringLiteral("--json"), out});
        QCOMPARE(exported.exitCode, 1);
        QVERIFY2(exported.err.contains(QStringLiteral("Scenario '%1'").arg(listed))
                     && exported.err.contains(QStringLiteral("is damaged")) && exported.err.contains(QStringLiteral("backup")),
                 qPrintable(exported.err));
        QVERIFY(!QFile::exists(out));
        const Run solved = cli({QStringLiteral("solve"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                                listed});
        QVERIFY(solved.exitCode != 0);
        QVERIFY2(solved.err.contains(QStringLiteral("Scenario '%1'").arg(listed))
                     && solved.err.contains(QStringLiteral("is damaged")),
                 qPrintable(solved.err));
        QVERIFY(solved.out.isEmpty());

        // The rest of the workspace stays usable.
        const Run other = cli({QStringLiteral("export"), QStringLiteral("--workspace"), path, QStringLiteral("--scenario"),
                               QStringLiteral("Empty"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(other.exitCode, 0);
        QVERIFY(other.out.contains(QStringLiteral("\"name\": \"Empty\"")));
    }

    void missingOrRefusedWorkspace()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.clusterplan"));
        Run r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        QVERIFY(!QFile::exists(missing)); // listing never creates

        const QString text = m_dir.filePath(QStringLiteral("text.clusterplan"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("hello\n") == 6);
        file.close();
        r = cli({QStringLiteral("list"), QStringLiteral("--workspace"), text});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("not an SQLite database")));

        r = cli({QStringLiteral("list")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--workspace")));
    }
};

QTEST_GUILESS_MAIN(TestCliList)
#include "tst_cli_list.moc"
