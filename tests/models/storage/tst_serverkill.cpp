// The PostgreSQL server killed in the middle of a save: the save is stopped after its
// UPDATE ran and before its commit (another connection holds the audit table, so the save's
// trigger waits there), then the server is killed as a power cut would (pg_ctl stop -m
// immediate) and started again. The scenario must be wholly the old one, its checksums intact,
// and the client told which workspace failed. A save that was reported done survives the kill.
// This test runs its own throwaway server (tests/pgserver/pgserver.sh with its own folder), so
// killing it never disturbs the other tests' shared server.

#include "pgtestserver.h"
#include "storage/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <thread>

using cp::ScenarioId;
using cp::Workspace;
using cp::WorkspaceError;

namespace {

// Runs pgserver.sh `action` on this test's own server; its error output, or empty on success.
QString serverScript(const QString &action)
{
    QProcess script;
    script.start(QStringLiteral("sh"), {QStringLiteral(CLUSTERPLAN_PGSERVER_SCRIPT), action,
                                        QStringLiteral(CLUSTERPLAN_PG_STATE_DIR)});
    if (!script.waitForFinished(180'000) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0)
        return QStringLiteral("pgserver.sh %1 failed: %2").arg(action, QString::fromUtf8(script.readAllStandardError()));
    return QString();
}

QByteArray documentWith(const QString &text)
{
    QJsonObject object;
    object[QStringLiteral("formatVersion")] = 1;
    object[QStringLiteral("description")] = text;
    return QJsonDocument(object).toJson();
}

struct SaveOutcome {
    bool opened = false;
    bool saved = false;
    WorkspaceError error;
};

} // namespace

class TestServerKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QCOMPARE(serverScript(QStringLiteral("start")), QString()); }
    void cleanupTestCase() { QCOMPARE(serverScript(QStringLiteral("stop")), QString()); }

    void killedMidSaveKeepsTheOldScenario()
    {
        const QString uri = pgtest::freshDatabase();
        QVERIFY(!uri.isEmpty());
        const QString database = pgtest::databaseOf(uri);
        ScenarioId id = 0;
        {
            Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
            QVERIFY2(opened.workspace, qPrintable(opened.error.message));
            const auto created = opened.workspace->createScenario(QStringLiteral("Capex"), documentWith(QStringLiteral("old")));
            QVERIFY(created);
            id = *created;
        }

        // Another session holds the audit table: the save's UPDATE runs, its trigger then waits.
        cp::storage::PgConnection holder;
        QVERIFY(holder.open(cp::storage::parseServerUri(uri).conninfo, false));
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE scenario_audit IN EXCLUSIVE MODE")));

        // A Qt SQL connection belongs to the thread that made it: the saving client lives in its own.
        SaveOutcome outcome;
        std::thread client([&] {
            Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
            outcome.opened = opened.workspace != nullptr;
            if (!opened.workspace)
                return;
            (void)opened.workspace->loadDocument(id);
            outcome.saved = opened.workspace->saveDocument(id, documentWith(QStringLiteral("new, never committed")));
            outcome.error = opened.workspace->lastError();
        });

        // Wait (for a state, not a time) until the save has written its row and waits for the lock.
        cp::storage::PgConnection watcher;
        QVERIFY(watcher.open(cp::storage::parseServerUri(uri).conninfo, false));
        bool waiting = false;
        for (int attempt = 0; attempt < 6000 && !waiting; ++attempt) {
            const auto count = watcher.scalar(QStringLiteral(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'scenario_audit'::regclass"));
            waiting = count && count->toLongLong() == 1;
            if (!waiting)
                QThread::msleep(10);
        }
        if (!waiting) {
            holder.exec(QStringLiteral("ROLLBACK")); // let the client finish before failing
            client.join();
            QFAIL("the save never reached the audit table's lock");
        }
        // The save's transaction has the new row already (uncommitted): its xmin is a live transaction.
        const auto uncommitted = watcher.scalar(QStringLiteral(
            "SELECT count(*) FROM pg_locks WHERE granted AND mode = 'RowExclusiveLock' AND relation = 'scenario'::regclass "
            "AND pid <> pg_backend_pid()"));
        QVERIFY(uncommitted && uncommitted->toLongLong() == 1);

        QCOMPARE(serverScript(QStringLiteral("crash")), QString());
        client.join();
        QVERIFY(outcome.opened);
        QVERIFY(!outcome.saved);
        QCOMPARE(outcome.error.kind, WorkspaceError::Kind::Io);
        QVERIFY2(outcome.error.message.contains(QStringLiteral("Could not save scenario 'Capex' in workspace '%1'").arg(uri)),
                 qPrintable(outcome.error.message));
        holder.close();
        watcher.close();

        QCOMPARE(serverScript(QStringLiteral("restart")), QString());
        Workspace::OpenResult reopened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
        QVERIFY2(reopened.workspace, qPrintable(reopened.error.message));
        Workspace &workspace = *reopened.workspace;
        const auto info = workspace.scenario(id);
        QVERIFY(info);
        QVERIFY(!info->damaged);
        QCOMPARE(info->revision, 1);
        const auto document = workspace.loadDocument(id); // checks both checksums
        QVERIFY2(document, qPrintable(workspace.lastError().message));
        QCOMPARE(*document, documentWith(QStringLiteral("old")));
        const auto trail = workspace.auditTrail();
        QVERIFY(trail);
        QCOMPARE(trail->size(), size_t(1)); // the insert; the lost save left no audit row either

        // A save reported as done survives the next kill whole.
        QVERIFY2(workspace.saveDocument(id, documentWith(QStringLiteral("committed"))),
                 qPrintable(workspace.lastError().message));
        reopened.workspace.reset();
        QCOMPARE(serverScript(QStringLiteral("crash")), QString());
        QCOMPARE(serverScript(QStringLiteral("restart")), QString());
        Workspace::OpenResult again = Workspace::open(uri, Workspace::OpenMode::ReadOnly);
        QVERIFY2(again.workspace, qPrintable(again.error.message));
        QCOMPARE(again.workspace->scenario(id)->revision, 2);
        const auto saved = again.workspace->loadDocument(id);
        QVERIFY2(saved, qPrintable(again.workspace->lastError().message));
        QCOMPARE(*saved, documentWith(QStringLiteral("committed")));
        Q_UNUSED(database);
    }
};

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_serverkill.moc"
