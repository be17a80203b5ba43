// The window's side of a team workspace, on a real throwaway PostgreSQL server (the
// pgserver CTest fixture): File > Open Team Workspace's dialog, the reload offered after a save
// conflict, and other users' saves reaching an open window without a restart (LISTEN/NOTIFY),
// with two sessions on one database as two planners' windows would be.

#include "catalog/catalog.h"
#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "domain/scenario.h"
#include "itemmodels/workspacelistmodel.h"
#include "pgtestserver.h"
#include "storage/workspace.h"
#include "team/newerrevisionbanner.h"
#include "team/teamworkspacedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using cp::ScenarioDocument;
using cp::ScenarioId;
using cp::Workspace;
using cp::WorkspaceSession;

namespace {

QByteArray exampleDocument()
{
    QFile file(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/memphis-retrofit-100k-h100.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A fresh database holding one scenario, "Capex"; its URI and the scenario's id.
std::pair<QString, ScenarioId> databaseWithOneScenario()
{
    const QString uri = pgtest::freshDatabase();
    if (uri.isEmpty())
        return {};
    Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
    if (!opened.workspace)
        return {};
    const auto id = opened.workspace->createScenario(QStringLiteral("Capex"), exampleDocument());
    return {uri, id.value_or(0)};
}

qsizetype siteCount(const ScenarioDocument *document)
{
    return document ? static_cast<qsizetype>(document->scenario().sites.size()) : -1;
}

} // namespace

class TestTeamWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!pgtest::serverUri().isEmpty(),
                 "the test server did not start (CTest fixture pgserver_start; see tests/pgserver/pgserver.sh)");
        QVERIFY(!exampleDocument().isEmpty());
    }

    // The dialog checks the URI with the parser every open and the CLI use; the password is
    // typed hidden and is the dialog's only.
    void dialogChecksTheUri()
    {
        cp::views::TeamWorkspaceDialog dialog;
        auto *uri = dialog.findChild<QLineEdit *>(QStringLiteral("uriEdit"));
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problemLabel"));
        auto *open = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
        QVERIFY(uri && password && problem && open);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(!open->isEnabled()); // nothing typed yet

        QTest::keyClicks(uri, QStringLiteral("plans.clusterplan"));
        QVERIFY(!open->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("postgresql://")), qPrintable(problem->text()));

        uri->clear();
        QTest::keyClicks(uri, QStringLiteral("postgresql://alice:s3cret@plans.example/capex"));
        QVERIFY(!open->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("password")), qPrintable(problem->text()));
        QVERIFY2(!problem->text().contains(QStringLiteral("s3cret")), qPrintable(problem->text()));

        uri->clear();
        QTest::keyClicks(uri, QStringLiteral("postgresql://alice@plans.example:5432/capex?sslmode=require"));
        QVERIFY2(open->isEnabled(), qPrintable(problem->text()));
        QVERIFY(dialog.problem().isEmpty());
        QTest::keyClicks(password, QStringLiteral("typed"));
        QCOMPARE(dialog.password(), QStringLiteral("typed"));
        QCOMPARE(dialog.uri(), QStringLiteral("postgresql://alice@plans.example:5432/capex?sslmode=require"));

        // Shown, a wrapped reason that appears gets the rows it needs, starting as a sentence.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        uri->clear();
        QTest::keyClicks(uri, QStringLiteral("postgresql://alice:pw@plans.example/capex"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(QStringLiteral("It ")), qPrintable(problem->text()));
        QTRY_VERIFY(problem->height() >= problem->heightForWidth(problem->width()));
    }

    // Alice's window is behind Bob's save: her edit is refused as a conflict naming Bob's
    // revision; Reload gives her Bob's plan with an empty undo history, and her next edit saves.
    void conflictOffersReload()
    {
        const auto [uri, id] = databaseWithOneScenario();
        QVERIFY(!uri.isEmpty() && id != 0);
        WorkspaceSession alice(cp::Catalog::builtIn());
        QVERIFY(!alice.openServer(uri, QString()).isError());
        QVERIFY(alice.setCurrentScenario(id));
        ScenarioDocument *stale = alice.currentDocument();
        const qsizetype sitesBefore = siteCount(stale);

        WorkspaceSession bob(cp::Catalog::builtIn());
        QVERIFY(!bob.openServer(uri, QString()).isError());
        QVERIFY(bob.setCurrentScenario(id));
        QVERIFY(bob.currentDocument()->addSite()); // revision 2

        QSignalSpy conflicts(&alice, &WorkspaceSession::saveConflict);
        QSignalSpy failures(&alice, &WorkspaceSession::saveFailed);
        QString reason;
        QVERIFY(!stale->addSite(-1, &reason));
        QCOMPARE(conflicts.count(), 1);
        QCOMPARE(failures.count(), 0); // a conflict is offered a reload, not shown as a plain failure
        QCOMPARE(conflicts.at(0).at(0).toLongLong(), id);
        const QString message = conflicts.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("postgres saved it at ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("(revision 2) after you opened revision 1")), qPrintable(message));
        QCOMPARE(siteCount(stale), sitesBefore); // the refused edit is not in her window either
        QCOMPARE(stale->undoStack()->count(), 0);

        QSignalSpy reloaded(&alice, &WorkspaceSession::scenarioReloaded);
        QSignalSpy current(&alice, &WorkspaceSession::currentDocumentChanged);
        QVERIFY(alice.reloadScenario(id, &reason));
        QCOMPARE(reloaded.count(), 1);
        ScenarioDocument *fresh = alice.currentDocument();
        QVERIFY(fresh);
        QCOMPARE(siteCount(fresh), sitesBefore + 1); // Bob's site
        QCOMPARE(fresh->undoStack()->count(), 0);    // nothing to undo into the stale revision
        QCOMPARE(current.count(), 2);                 // the stale one let go, then the fresh one
        QVERIFY2(fresh->addSite(-1, &reason), qPrintable(reason)); // revision 3, on top of Bob's
        QCOMPARE(alice.workspace()->scenario(id)->revision, 3);
        QCOMPARE(siteCount(alice.currentDocument()), sitesBefore + 2);
    }

    // Bob's saves reach Alice's open window without a restart: the list refreshes, an open
    // scenario she has not edited reloads by itself, and one she has edited shows the banner.
    void otherUsersChangesAppear()
    {
        const auto [uri, id] = databaseWithOneScenario();
        QVERIFY(!uri.isEmpty() && id != 0);
        WorkspaceSession alice(cp::Catalog::builtIn());
        QVERIFY(!alice.openServer(uri, QString()).isError());
        QVERIFY(alice.setCurrentScenario(id));
        cp::WorkspaceListModel list;
        list.setWorkspace(alice.workspace());
        QCOMPARE(list.rowCount(), 1);
        const qsizetype sitesBefore = siteCount(alice.currentDocument());

        WorkspaceSession bob(cp::Catalog::builtIn());
        QVERIFY(!bob.openServer(uri, QString()).isError());
        QVERIFY(bob.setCurrentScenario(id));

        // A new scenario and a rename appear in Alice's list.
        QVERIFY(bob.workspace()->createScenario(QStringLiteral("Opex"), exampleDocument()));
        QTRY_COMPARE(list.rowCount(), 2);
        QVERIFY(bob.workspace()->renameScenario(id, QStringLiteral("Capex 2027")));
        QTRY_COMPARE(list.data(list.index(0), Qt::EditRole).toString(), QStringLiteral("Capex 2027"));

        // Bob saves; Alice has no edits of it: her window reloads it by itself.
        QSignalSpy reloaded(&alice, &WorkspaceSession::scenarioReloaded);
        QVERIFY(bob.currentDocument()->addSite()); // revision 2
        QTRY_COMPARE(reloaded.count(), 1);
        QCOMPARE(siteCount(alice.currentDocument()), sitesBefore + 1);

        // Alice edits (revision 3); Bob has an edit in his undo history: he gets the banner, not a reload.
        cp::views::NewerRevisionBanner banner;
        connect(&bob, &WorkspaceSession::newerRevisionAvailable, &banner, &cp::views::NewerRevisionBanner::showNewer);
        connect(&banner, &cp::views::NewerRevisionBanner::reloadRequested, &bob,
                [&bob](qint64 scenario) { bob.reloadScenario(scenario); });
        QSignalSpy bobReloaded(&bob, &WorkspaceSession::scenarioReloaded);
        QVERIFY(alice.currentDocument()->addSite());
        QTRY_VERIFY(!banner.isHidden());
        QCOMPARE(bobReloaded.count(), 0);
        QVERIFY2(banner.text().contains(QStringLiteral("postgres saved a newer revision (3)")), qPrintable(banner.text()));
        QCOMPARE(siteCount(bob.currentDocument()), sitesBefore + 1); // still his view
        QTest::mouseClick(banner.findChild<QPushButton *>(QStringLiteral("reloadButton")), Qt::LeftButton);
        QCOMPARE(bobReloaded.count(), 1);
        QVERIFY(banner.isHidden());
        QCOMPARE(siteCount(bob.currentDocument()), sitesBefore + 2);
        QCOMPARE(bob.currentDocument()->undoStack()->count(), 0);

        // Bob deletes it: Alice's document closes and her list loses the row.
        QVERIFY(bob.workspace()->removeScenario(id));
        QTRY_COMPARE(list.rowCount(), 1);
        QTRY_VERIFY(alice.currentDocument() == nullptr);
    }
};

QTEST_MAIN(TestTeamWorkspace)
#include "tst_teamworkspace.moc"
