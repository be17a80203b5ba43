#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "storage/workspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `clusterplan-cli export --workspace W --scenario NAME --json OUT`: the stored scenario with
// every value resolved (exportScenarioJson), under its name in the workspace; "-" is stdout.
class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;

    struct Run {
        int exitCode;
        QByteArray out;
        QString err;
    };
    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
        if (!process.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timed out")};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }
    static cp::Scenario example(const char *name)
    {
        const auto parsed = cp::io::readScenarioFile(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/")
                                                         + QLatin1String(name),
                                                     cp::Catalog::builtIn());
        return parsed.ok() ? *parsed.scenario : cp::Scenario{};
    }
    QStringList exportArgs(const QString &scenario, const QString &out) const
    {
        return {QStringLiteral("export"), QStringLiteral("--workspace"), m_workspace, QStringLiteral("--scenario"),
                scenario, QStringLiteral("--json"), out};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("export.clusterplan"));
        auto opened = cp::Workspace::open(m_workspace, cp::Workspace::OpenMode::ReadWrite);
        QVERIFY(opened.workspace);
        const cp::Scenario meta = example("meta-2gw-gas-campus.json");
        QVERIFY(!meta.sites.empty());
        QVERIFY(opened.workspace->createScenario(meta.name, cp::io::writeScenarioJson(meta)));
        // Renamed in the list after it was stored: the export carries the list's name.
        const auto id = opened.workspace->createScenario(QStringLiteral("Memphis"),
                                                         cp::io::writeScenarioJson(example("memphis-retrofit-100k-h100.json")));
        QVERIFY(id);
        QVERIFY(opened.workspace->renameScenario(*id, QStringLiteral("Memphis, renamed")));
    }

    void exportsEveryValueResolved()
    {
        const QString out = m_dir.filePath(QStringLiteral("meta.json"));
        const cp::Scenario meta = example("meta-2gw-gas-campus.json");
        const Run r = cli(exportArgs(meta.name, out));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QCOMPARE(written, cp::io::exportScenarioJson(meta, cp::Catalog::builtIn()));
        // The exported file stands on its own and reads back as the same plan.
        const auto reparsed = cp::io::parseScenarioJson(written, cp::Catalog::builtIn(), out);
        QVERIFY(reparsed.ok());
        QCOMPARE(reparsed.scenario->name, meta.name);
        QCOMPARE(reparsed.scenario->sites.size(), meta.sites.size());
    }

    void dashIsStandardOutputAndTheListNameWins()
    {
        const Run r = cli(exportArgs(QStringLiteral("Memphis, renamed"), QStringLiteral("-")));
        QCOMPARE(r.exitCode, 0);
        cp::Scenario memphis = example("memphis-retrofit-100k-h100.json");
        memphis.name = QStringLiteral("Memphis, renamed");
        QCOMPARE(r.out, cp::io::exportScenarioJson(memphis, cp::Catalog::builtIn()));
        QVERIFY(r.out.contains("\"name\": \"Memphis, renamed\""));
    }

    void unknownScenario()
    {
        const QString out = m_dir.filePath(QStringLiteral("none.json"));
        const Run r = cli(exportArgs(QStringLiteral("Nope"), out));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no scenario named 'Nope'")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("clusterplan-cli list --workspace")));
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutput()
    {
        const QString out = m_dir.filePath(QStringLiteral("no-such-folder/meta.json"));
        const Run r = cli(exportArgs(QStringLiteral("Memphis, renamed"), out));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(out), qPrintable(r.err));
    }

    void missingWorkspaceIsNotCreated()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.clusterplan"));
        const Run r = cli({QStringLiteral("export"), QStringLiteral("--workspace"), missing, QStringLiteral("--scenario"),
                           QStringLiteral("X"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
        QVERIFY(!QFile::exists(missing));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("no workspace") << QStringList{QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("A"),
                                                     QStringLiteral("--json"), QStringLiteral("-")}
                                      << QStringLiteral("--workspace");
        QTest::newRow("no scenario") << QStringList{QStringLiteral("export"), QStringLiteral("--workspace"), QStringLiteral("w"),
                                                    QStringLiteral("--json"), QStringLiteral("-")}
                                     << QStringLiteral("--scenario");
        QTest::newRow("no output") << QStringList{QStringLiteral("export"), QStringLiteral("--workspace"), QStringLiteral("w"),
                                                  QStringLiteral("--scenario"), QStringLiteral("A")}
                                   << QStringLiteral("--json");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mention);
        const Run r = cli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mention), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
