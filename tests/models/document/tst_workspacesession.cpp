#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "resolve/resolver.h"
#include "scenariotestutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QUndoGroup>
#include <QUndoStack>

using cp::ScenarioDocument;
using cp::WorkspaceSession;
using namespace scenariotest;

// The open workspace and its open scenarios, as the main window uses them.
class TestWorkspaceSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    // A session on a new workspace holding the Memphis example and one more scenario.
    static void fill(WorkspaceSession &session)
    {
        cp::Scenario example = memphis();
        session.workspace()->createScenario(example.name, cp::io::writeScenarioJson(example));
        QVERIFY(session.createScenario(QStringLiteral("Blank")));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void switchingScenariosKeepsEachUndoHistory()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        QVERIFY(!session.open(file(QStringLiteral("switch.clusterplan"))).isError());
        fill(session);
        const auto list = session.workspace()->scenarios();
        QCOMPARE(list.size(), std::size_t(2));

        QSignalSpy current(&session, &WorkspaceSession::currentDocumentChanged);
        QVERIFY(session.setCurrentScenario(list[0].id));
        ScenarioDocument *first = session.currentDocument();
        QVERIFY(first);
        QCOMPARE(first->scenario().name, QStringLiteral("Memphis retrofit, 100k H100"));
        QCOMPARE(session.undoGroup()->activeStack(), first->undoStack());
        QVERIFY(first->setValue(cp::FieldPath::facility(0, QStringLiteral("itCapacityMw")), 170.0));

        QVERIFY(session.setCurrentScenario(list[1].id));
        ScenarioDocument *second = session.currentDocument();
        QCOMPARE(second->scenario().name, QStringLiteral("Blank"));
        QCOMPARE(second->scenario().sites.size(), std::size_t(1)); // a new scenario starts with one site
        QCOMPARE(session.undoGroup()->activeStack(), second->undoStack());
        QVERIFY(!session.undoGroup()->canUndo());

        QVERIFY(session.setCurrentScenario(list[0].id));
        QCOMPARE(session.currentDocument(), first); // the same document, history and all
        QVERIFY(session.undoGroup()->canUndo());
        session.undoGroup()->undo();
        QCOMPARE(first->scenario().sites[0].facility.itCapacityMw, 150.0);
        QCOMPARE(current.count(), 3);
    }

    void renameReachesTheOpenDocument()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        QVERIFY(!session.open(file(QStringLiteral("rename.clusterplan"))).isError());
        fill(session);
        const cp::ScenarioId id = session.workspace()->scenarios()[0].id;
        QVERIFY(session.setCurrentScenario(id));
        QVERIFY(session.renameScenario(id, QStringLiteral("Colossus")));
        QCOMPARE(session.currentDocument()->scenario().name, QStringLiteral("Colossus"));
        QString error;
        QVERIFY(!session.renameScenario(id, QStringLiteral("Blank"), &error));
        QVERIFY2(error.contains(QStringLiteral("Blank")), qPrintable(error));
    }

    void removingTheCurrentScenarioClosesIt()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        QVERIFY(!session.open(file(QStringLiteral("remove.clusterplan"))).isError());
        fill(session);
        const cp::ScenarioId id = session.workspace()->scenarios()[1].id;
        QVERIFY(session.setCurrentScenario(id));
        QSignalSpy current(&session, &WorkspaceSession::currentDocumentChanged);
        QVERIFY(session.removeScenario(id));
        QCOMPARE(session.currentDocument(), nullptr);
        QCOMPARE(current.count(), 1);
        QCOMPARE(session.workspace()->scenarios().size(), std::size_t(1));
    }

    void openingASecondWorkspaceClosesTheFirst()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        const QString firstPath = file(QStringLiteral("first.clusterplan"));
        QVERIFY(!session.open(firstPath).isError());
        fill(session);
        QVERIFY(session.setCurrentScenario(session.workspace()->scenarios()[0].id));

        QSignalSpy changed(&session, &WorkspaceSession::workspaceChanged);
        QVERIFY(!session.open(file(QStringLiteral("second.clusterplan"))).isError());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.currentDocument(), nullptr);
        QVERIFY(session.workspace()->scenarios().empty());
        QVERIFY(!session.workspace()->isReadOnly());

        // The first workspace's lock went with it: another program may now edit it.
        cp::Workspace::OpenResult other = cp::Workspace::open(firstPath, cp::Workspace::OpenMode::ReadWrite);
        QVERIFY2(other.workspace, qPrintable(other.error.message));
    }

    void aRefusedFileKeepsTheOpenWorkspace()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        const QString good = file(QStringLiteral("kept.clusterplan"));
        QVERIFY(!session.open(good).isError());
        const QString junk = file(QStringLiteral("junk.clusterplan"));
        QFile out(junk);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("this is not a workspace");
        out.close();
        const cp::WorkspaceError error = session.open(junk);
        QCOMPARE(error.kind, cp::WorkspaceError::Kind::Refused);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(session.workspace()->path(), good);
    }

    void importTakesValidFilesWhole()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        QVERIFY(!session.open(file(QStringLiteral("import.clusterplan"))).isError());
        std::vector<cp::Problem> problems;
        const auto first = session.importScenario(examplePath("greenfield-grid-wait.json"), &problems);
        QVERIFY(first);
        const auto again = session.importScenario(examplePath("greenfield-grid-wait.json"), &problems);
        QVERIFY(again);
        const QString name = session.workspace()->scenario(*first)->name;
        QCOMPARE(session.workspace()->scenario(*again)->name, name + QStringLiteral(" (2)"));

        const QString broken = file(QStringLiteral("broken.json"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"format": "clusterplan.scenario", "formatVersion": 1, "name": "x", "startMonth": "2024-13",
                     "horizonMonths": 700, "sites": []})");
        out.close();
        QString error;
        QVERIFY(!session.importScenario(broken, &problems, &error));
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].file, broken);
        QCOMPARE(session.workspace()->scenarios().size(), std::size_t(2));
    }

    void exportWritesEveryResolvedValue()
    {
        WorkspaceSession session(cp::Catalog::builtIn());
        QVERIFY(!session.open(file(QStringLiteral("export.clusterplan"))).isError());
        fill(session);
        const cp::ScenarioId id = session.workspace()->scenarios()[0].id;
        const QString target = file(QStringLiteral("memphis-export.json"));
        QString error;
        QVERIFY2(session.exportScenario(id, target, &error), qPrintable(error));
        const cp::io::ParseResult back = cp::io::readScenarioFile(target, cp::Catalog::builtIn());
        QVERIFY(back.ok());
        QVERIFY(*back.scenario == cp::resolveScenario(memphis(), cp::Catalog::builtIn()));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceSession)
#include "tst_workspacesession.moc"
