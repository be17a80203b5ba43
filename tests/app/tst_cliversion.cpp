#include "clusterplan/version.h"

#include <QProcess>
#include <QTest>

// Both executables answer --version with the CMake project version, and the CLI refuses
// what it does not know with exit code 2 and a usage message on stderr.
class TestCliVersion : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int exitCode;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/") + program, arguments);
        if (!process.waitForFinished(30000))
            return {-1, {}, QStringLiteral("timed out")};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void versionMatchesProject_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("cli") << QStringLiteral("clusterplan-cli");
        QTest::newRow("gui") << QStringLiteral("clusterplan");
    }
    void versionMatchesProject()
    {
        QFETCH(QString, program);
        const Run r = run(program, {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("ClusterPlan ") + QString::fromLatin1(cp::kVersion));
        QCOMPARE(QString::fromLatin1(cp::kVersion), QStringLiteral("0.1.0"));
    }

    void helpListsCommands()
    {
        const Run r = run(QStringLiteral("clusterplan-cli"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"validate", "import", "list", "export", "solve", "compare", "report", "risk", "optimize"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
    }

    void guiHelpWorksWithoutDisplay()
    {
        const Run r = run(QStringLiteral("clusterplan"), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Usage: clusterplan")));
    }

    void unknownIsUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mention");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown top-level option") << QStringList{QStringLiteral("--frob")} << QStringLiteral("--frob");
        QTest::newRow("unknown command option")
            << QStringList{QStringLiteral("list"), QStringLiteral("--frob")} << QStringLiteral("frob");
    }
    void unknownIsUsageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mention);
        const Run r = run(QStringLiteral("clusterplan-cli"), arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mention), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Usage: clusterplan-cli")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "tst_cliversion.moc"
