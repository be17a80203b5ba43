// clusterplan-cli with a workspace on the PostgreSQL test server (the pgserver fixture): import,
// list, solve and export with `--workspace postgresql://...`, compared with the same commands on
// a .clusterplan file: a server workspace gives the same bytes.

#include "clirun.h"
#include "pgtestserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using clitest::cli;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliServer : public QObject
{
    Q_OBJECT

private slots:
    void importListSolveExport()
    {
        const QString server = pgtest::freshDatabase();
        QVERIFY2(!server.isEmpty(), "the test server did not start (CTest fixture pgserver_start)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("plans.clusterplan"));
        const QString example = clitest::example("memphis-retrofit-100k-h100.json");
        const QString name = QStringLiteral("Memphis retrofit, 100k H100");

        for (const QString &workspace : {server, file}) {
            const auto imported = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"), workspace});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        }
        // A second import of the same name replaces the scenario (a save: revision 2).
        const auto again = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"), server, QStringLiteral("--replace")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));

        const auto listed = cli({QStringLiteral("list"), QStringLiteral("--workspace"), server});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY2(listed.out.contains(name.toUtf8()), listed.out.constData());
        const auto listedJson = cli({QStringLiteral("list"), QStringLiteral("--workspace"), server, QStringLiteral("--json")});
        QCOMPARE(listedJson.exitCode, 0);
        QVERIFY2(listedJson.out.contains(QStringLiteral("\"workspace\": \"%1\"").arg(server).toUtf8()), listedJson.out.constData());

        QStringList results;
        for (const QString &workspace : {server, file}) {
            const QString json = dir.filePath(QStringLiteral("result-%1.json").arg(results.size()));
            const auto solved = cli({QStringLiteral("solve"), QStringLiteral("--workspace"), workspace,
                                     QStringLiteral("--scenario"), name, QStringLiteral("--as-of"),
                                     QStringLiteral("2026-11"), QStringLiteral("--json"), json});
            QVERIFY2(solved.exitCode == 0, qPrintable(solved.err));
            results << json;
        }
        QVERIFY(!readFile(results[0]).isEmpty());
        QCOMPARE(readFile(results[0]), readFile(results[1]));

        QStringList exports;
        for (const QString &workspace : {server, file}) {
            const QString json = dir.filePath(QStringLiteral("export-%1.json").arg(exports.size()));
            const auto exported = cli({QStringLiteral("export"), QStringLiteral("--workspace"), workspace,
                                       QStringLiteral("--scenario"), name, QStringLiteral("--json"), json});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
            exports << json;
        }
        QVERIFY(!readFile(exports[0]).isEmpty());
        QCOMPARE(readFile(exports[0]), readFile(exports[1]));

        const auto missing = cli({QStringLiteral("export"), QStringLiteral("--workspace"), server,
                                  QStringLiteral("--scenario"), QStringLiteral("No such plan"), QStringLiteral("--json"),
                                  QStringLiteral("-")});
        QCOMPARE(missing.exitCode, 1);
    }

    void refusesAnUnreachableServer()
    {
        const auto listed = cli({QStringLiteral("list"), QStringLiteral("--workspace"),
                                 QStringLiteral("postgresql://nobody@/none?host=/nonexistent-socket-dir")});
        QCOMPARE(listed.exitCode, 1);
        QVERIFY2(listed.err.contains(QStringLiteral("Cannot open workspace 'postgresql://nobody@/none")),
                 qPrintable(listed.err));
    }
};

QTEST_GUILESS_MAIN(TestCliServer)
#include "tst_cli_server.moc"
