// clusterplan-cli with a workspace on the PostgreSQL test server (the pgserver fixture): import,
// list, solve and export with `--workspace postgresql://...`, compared with the same commands on
// a .clusterplan file: a server workspace gives the same bytes.

#include "clirun.h"
#include "pgtestserver.h"

#include "storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using clitest::cli;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every scenario of a workspace: name -> stored document bytes (empty map when it cannot be opened).
std::map<QString, QByteArray> storedScenarios(const QString &workspacePath)
{
    std::map<QString, QByteArray> stored;
    cp::Workspace::OpenResult opened = cp::Workspace::open(workspacePath, cp::Workspace::OpenMode::ReadOnly);
    if (!opened.workspace)
        return stored;
    for (const cp::ScenarioInfo &info : opened.workspace->scenarios())
        stored[info.name] = opened.workspace->loadDocument(info.id).value_or(QByteArray());
    return stored;
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

    // A file pushed to a server and pulled into a new file: every scenario, name and document
    // byte for byte the same in all three, and export gives the same bytes.
    void pushThenPullIsByteIdentical()
    {
        const QString server = pgtest::freshDatabase();
        QVERIFY2(!server.isEmpty(), "the test server did not start (CTest fixture pgserver_start)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("plans.clusterplan"));
        const QString back = dir.filePath(QStringLiteral("back.clusterplan"));
        for (const char *example : {"memphis-retrofit-100k-h100.json", "greenfield-bridge-options.json"}) {
            const auto imported = cli({QStringLiteral("import"), clitest::example(example), QStringLiteral("--workspace"), file});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        }
        // Names a server must keep verbatim: quotes and an SQL fragment.
        const auto quoted = cli({QStringLiteral("import"), clitest::example("memphis-retrofit-100k-h100.json"),
                                 QStringLiteral("--workspace"), file, QStringLiteral("--name"),
                                 QStringLiteral("O'Brien's \"plan\"'); DROP TABLE scenario; --")});
        QVERIFY2(quoted.exitCode == 0, qPrintable(quoted.err));
        const auto original = storedScenarios(file);
        QCOMPARE(original.size(), size_t(3));

        const auto pushed = cli({QStringLiteral("push"), file, server});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QVERIFY2(pushed.out.contains("Pushed 3 scenarios"), pushed.out.constData());
        QCOMPARE(storedScenarios(server), original);

        const auto pulled = cli({QStringLiteral("pull"), server, back});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(storedScenarios(back), original);

        QStringList exports;
        for (const QString &workspace : {file, server, back}) {
            const QString json = dir.filePath(QStringLiteral("export-%1.json").arg(exports.size()));
            const auto exported = cli({QStringLiteral("export"), QStringLiteral("--workspace"), workspace,
                                       QStringLiteral("--scenario"), QStringLiteral("Memphis retrofit, 100k H100"),
                                       QStringLiteral("--json"), json});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
            exports << json;
        }
        QVERIFY(!readFile(exports[0]).isEmpty());
        QCOMPARE(readFile(exports[1]), readFile(exports[0]));
        QCOMPARE(readFile(exports[2]), readFile(exports[0]));

        // A second push finds every name taken: refused as a whole unless --replace.
        const auto again = cli({QStringLiteral("push"), file, server});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("--replace")), qPrintable(again.err));
        const auto one = cli({QStringLiteral("push"), file, server, QStringLiteral("--scenario"),
                              QStringLiteral("Memphis retrofit, 100k H100"), QStringLiteral("--replace")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QVERIFY2(one.out.contains("Pushed 1 scenario from"), one.out.constData());
        QCOMPARE(storedScenarios(server), original);

        // The direction is checked before anything is opened or created.
        const auto wrongWay = cli({QStringLiteral("push"), server, dir.filePath(QStringLiteral("new.clusterplan"))});
        QCOMPARE(wrongWay.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.clusterplan"))));
    }

    // admin setup makes the tables and the roles; the server lets the editor write and refuses
    // the viewer's writes, while the viewer still reads.
    void adminSetsUpEditorAndViewer()
    {
        const QString server = pgtest::freshDatabase();
        QVERIFY2(!server.isEmpty(), "the test server did not start (CTest fixture pgserver_start)");
        const QString database = pgtest::databaseOf(server);
        const QString editor = database + QStringLiteral("_site_lead");
        const QString viewer = database + QStringLiteral("_board");
        const auto setUp = cli({QStringLiteral("admin"), QStringLiteral("setup"), QStringLiteral("--workspace"), server,
                                QStringLiteral("--editor"), editor, QStringLiteral("--viewer"), viewer});
        QVERIFY2(setUp.exitCode == 0, qPrintable(setUp.err));
        QVERIFY2(setUp.out.contains("stores no passwords"), setUp.out.constData());

        const QString example = clitest::example("memphis-retrofit-100k-h100.json");
        const auto byEditor = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"),
                                   pgtest::uriFor(database, editor)});
        QVERIFY2(byEditor.exitCode == 0, qPrintable(byEditor.err));
        const auto byViewer = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"),
                                   pgtest::uriFor(database, viewer), QStringLiteral("--name"), QStringLiteral("Mine")});
        QCOMPARE(byViewer.exitCode, 1);
        QVERIFY2(byViewer.err.contains(QStringLiteral("may only read")), qPrintable(byViewer.err));
        const auto listed = cli({QStringLiteral("list"), QStringLiteral("--workspace"), pgtest::uriFor(database, viewer)});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY(listed.out.contains("Memphis retrofit, 100k H100"));
        QVERIFY(!listed.out.contains("Mine"));

        // Run again with the board promoted: the grants are replaced, not added up.
        const auto promoted = cli({QStringLiteral("admin"), QStringLiteral("setup"), QStringLiteral("--workspace"), server,
                                   QStringLiteral("--editor"), viewer, QStringLiteral("--viewer"), editor});
        QVERIFY2(promoted.exitCode == 0, qPrintable(promoted.err));
        const auto demoted = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"),
                                  pgtest::uriFor(database, editor), QStringLiteral("--name"), QStringLiteral("Lead's")});
        QCOMPARE(demoted.exitCode, 1);
        const auto now = cli({QStringLiteral("import"), example, QStringLiteral("--workspace"),
                              pgtest::uriFor(database, viewer), QStringLiteral("--name"), QStringLiteral("Board's")});
        QVERIFY2(now.exitCode == 0, qPrintable(now.err));

        // The audit trail names who did what: the editor's import, then the promoted viewer's.
        const auto audit = cli({QStringLiteral("audit"), QStringLiteral("--workspace"), pgtest::uriFor(database, editor)});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
        const QStringList lines = QString::fromUtf8(audit.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(QStringLiteral(" UTC  %1  created 'Memphis retrofit, 100k H100' (revision 1)").arg(editor)),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QStringLiteral(" UTC  %1  created 'Board's' (revision 1)").arg(viewer)), qPrintable(lines[1]));
        const auto one = cli({QStringLiteral("audit"), QStringLiteral("--workspace"), server, QStringLiteral("--scenario"),
                              QStringLiteral("Board's")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QCOMPARE(one.out.count('\n'), 1);
        const auto none = cli({QStringLiteral("audit"), QStringLiteral("--workspace"), server, QStringLiteral("--scenario"),
                               QStringLiteral("Nothing")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no scenario named 'Nothing'")), qPrintable(none.err));

        const auto onAFile = cli({QStringLiteral("admin"), QStringLiteral("setup"), QStringLiteral("--workspace"),
                                  QStringLiteral("plans.clusterplan"), QStringLiteral("--viewer"), QStringLiteral("x")});
        QCOMPARE(onAFile.exitCode, 1);
        QVERIFY2(onAFile.err.contains(QStringLiteral("PostgreSQL server")), qPrintable(onAFile.err));
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
