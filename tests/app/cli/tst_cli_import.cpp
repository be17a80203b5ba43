#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `clusterplan-cli import FILE.json --workspace W [--name NAME] [--replace]`, run as a user
// would: the workspace is made when missing, a name clash is an error unless --replace, and an
// invalid file exits 3 with every problem and imports nothing.
class TestCliImport : public QObject
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
    static QString example(const char *name)
    {
        return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(name);
    }
    static QByteArray hashOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                              : QByteArray();
    }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QString write(const char *name, const QByteArray &bytes) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QString();
        return file.fileName();
    }
    // The scenario as the workspace stores it: the file's canonical form under `name`.
    static QByteArray storedForm(const QString &file, const QString &name)
    {
        cp::io::ParseResult parsed = cp::io::readScenarioFile(file, cp::Catalog::builtIn());
        if (!parsed.ok())
            return QByteArray();
        parsed.scenario->name = name;
        return cp::io::writeScenarioJson(*parsed.scenario);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importCreatesTheWorkspace()
    {
        const QString workspacePath = path("new.clusterplan");
        const QString file = example("memphis-retrofit-100k-h100.json");
        const Run r = cli({QStringLiteral("import"), file, QStringLiteral("--workspace"), workspacePath});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Imported scenario 'Memphis retrofit, 100k H100' into %1\n").arg(workspacePath));

        auto opened = cp::Workspace::open(workspacePath, cp::Workspace::OpenMode::ReadOnly);
        QVERIFY2(opened.workspace, qPrintable(opened.error.message));
        const auto scenarios = opened.workspace->scenarios();
        QCOMPARE(scenarios.size(), size_t(1));
        QCOMPARE(scenarios[0].name, QStringLiteral("Memphis retrofit, 100k H100"));
        QCOMPARE(opened.workspace->loadDocument(scenarios[0].id).value_or(QByteArray()),
                 storedForm(file, QStringLiteral("Memphis retrofit, 100k H100")));
    }

    void nameOptionNamesItInTheListAndTheDocument()
    {
        const QString workspacePath = path("named.clusterplan");
        const QString file = example("meta-2gw-gas-campus.json");
        const Run r = cli({QStringLiteral("import"), file, QStringLiteral("--workspace"), workspacePath,
                           QStringLiteral("--name"), QStringLiteral("Louisiana, plan B")});
        QCOMPARE(r.exitCode, 0);
        auto opened = cp::Workspace::open(workspacePath, cp::Workspace::OpenMode::ReadOnly);
        QVERIFY(opened.workspace);
        const auto id = opened.workspace->findScenario(QStringLiteral("Louisiana, plan B"));
        QVERIFY(id);
        const QByteArray document = opened.workspace->loadDocument(*id).value_or(QByteArray());
        QCOMPARE(document, storedForm(file, QStringLiteral("Louisiana, plan B")));
        QVERIFY(document.contains("\"name\": \"Louisiana, plan B\""));
    }

    void nameClashIsAnErrorUnlessReplace()
    {
        const QString workspacePath = path("clash.clusterplan");
        const QString first = example("greenfield-grid-wait.json");
        const QString second = example("gpt4-era-20k-a100.json");
        const QStringList base{QStringLiteral("--workspace"), workspacePath, QStringLiteral("--name"), QStringLiteral("Plan")};
        QCOMPARE(cli(QStringList{QStringLiteral("import"), first} + base).exitCode, 0);
        const QByteArray hash = hashOf(workspacePath);

        const Run clash = cli(QStringList{QStringLiteral("import"), second} + base);
        QCOMPARE(clash.exitCode, 1);
        QVERIFY2(clash.err.contains(QStringLiteral("already has a scenario named 'Plan'")), qPrintable(clash.err));
        QVERIFY(clash.err.contains(QStringLiteral("--replace")));
        QVERIFY(clash.out.isEmpty());
        QCOMPARE(hashOf(workspacePath), hash);

        const Run replaced = cli(QStringList{QStringLiteral("import"), second} + base + QStringList{QStringLiteral("--replace")});
        QCOMPARE(replaced.exitCode, 0);
        QVERIFY(replaced.out.startsWith(QStringLiteral("Replaced scenario 'Plan'")));
        auto opened = cp::Workspace::open(workspacePath, cp::Workspace::OpenMode::ReadOnly);
        QVERIFY(opened.workspace);
        QCOMPARE(opened.workspace->scenarios().size(), size_t(1));
        QCOMPARE(opened.workspace->loadDocument(*opened.workspace->findScenario(QStringLiteral("Plan"))).value_or(QByteArray()),
                 storedForm(second, QStringLiteral("Plan")));
    }

    void invalidFileExits3AndImportsNothing()
    {
        // Three problems at once: each printed as "FILE: path: message".
        const QString file = write("bad.json", R"({
  "format": "clusterplan.scenario", "formatVersion": 1, "name": "Bad", "startMonth": "2024-13",
  "horizonMonths": 700, "sites": [{"name": "A", "facility": {"itCapacityMw": 10, "permitStartMonth": "2024-01",
  "permitMonths": 1, "constructionStartMonth": "2024-01", "buildMonths": 2},
  "power": [{"name": "Grid", "kind": "fusion", "capacityMw": 10, "orderMonth": "2024-01", "leadTimeMonths": 1}]}]
})");
        QVERIFY(!file.isEmpty());
        const QString fresh = path("never-made.clusterplan");
        const Run r = cli({QStringLiteral("import"), file, QStringLiteral("--workspace"), fresh});
        QCOMPARE(r.exitCode, 3);
        const QStringList places{QStringLiteral(": startMonth: "), QStringLiteral(": horizonMonths: "),
                                 QStringLiteral(": sites[0].power[0].kind: ")};
        for (const QString &place : places)
            QVERIFY2(r.err.contains(file + place), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("nothing was imported")));
        QVERIFY(!QFile::exists(fresh)); // not even an empty workspace

        // Into an existing workspace: byte for byte unchanged.
        const QString existing = path("existing.clusterplan");
        QCOMPARE(cli({QStringLiteral("import"), example("gpt4-era-20k-a100.json"), QStringLiteral("--workspace"), existing})
                     .exitCode,
                 0);
        const QByteArray hash = hashOf(existing);
        QCOMPARE(cli({QStringLiteral("import"), file, QStringLiteral("--workspace"), existing}).exitCode, 3);
        QCOMPARE(hashOf(existing), hash);
    }

    void unreadableFileIsAnIoFailure()
    {
        const QString missing = path("missing.json");
        const Run r = cli({QStringLiteral("import"), missing, QStringLiteral("--workspace"), path("io.clusterplan")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("io.clusterplan")));
    }

    void refusedOrBusyWorkspaceExits1()
    {
        const QString notAWorkspace = write("notes.clusterplan", "just some notes\n");
        const QByteArray hash = hashOf(notAWorkspace);
        Run r = cli({QStringLiteral("import"), example("gpt4-era-20k-a100.json"), QStringLiteral("--workspace"), notAWorkspace});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot open workspace '%1'").arg(notAWorkspace)), qPrintable(r.err));
        QCOMPARE(hashOf(notAWorkspace), hash);

        // Open for editing in this process: the CLI is told who holds it and writes nothing.
        const QString busy = path("busy.clusterplan");
        auto holder = cp::Workspace::open(busy, cp::Workspace::OpenMode::ReadWrite);
        QVERIFY(holder.workspace);
        r = cli({QStringLiteral("import"), example("gpt4-era-20k-a100.json"), QStringLiteral("--workspace"), busy});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("open for editing in")), qPrintable(r.err));
        QVERIFY(holder.workspace->scenarios().empty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("no file") << QStringList{QStringLiteral("import"), QStringLiteral("--workspace"), QStringLiteral("w.clusterplan")}
                                 << QStringLiteral("FILE.json");
        QTest::newRow("no workspace") << QStringList{QStringLiteral("import"), QStringLiteral("a.json")}
                                      << QStringLiteral("--workspace");
        QTest::newRow("two files") << QStringList{QStringLiteral("import"), QStringLiteral("a.json"), QStringLiteral("b.json"),
                                                  QStringLiteral("--workspace"), QStringLiteral("w.clusterplan")}
                                   << QStringLiteral("one file at a time");
        QTest::newRow("empty name") << QStringList{QStringLiteral("import"), QStringLiteral("a.json"), QStringLiteral("--workspace"),
                                                   QStringLiteral("w.clusterplan"), QStringLiteral("--name"), QStringLiteral(" ")}
                                    << QStringLiteral("--name");
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

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
