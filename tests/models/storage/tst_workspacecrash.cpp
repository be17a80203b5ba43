#include "crashedits.h"
#include "storage/workspace.h"
#include "storagetestutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using cp::Workspace;
using crashedits::State;
using namespace storagetest;

// A crash loses nothing shown as saved. A child process keeps editing a workspace and prints
// each edit the workspace reports as saved; the test kills it with SIGKILL after a delay that
// differs on every run (so the kills land in start-up, in the middle of transactions, in
// commits and between edits), then opens the workspace, which must pass integrity_check and
// hold exactly the reported edits, or one more (committed just before the kill, not yet printed).
class TestWorkspaceCrash : public QObject
{
    Q_OBJECT

private:
    static QString describe(const State &state)
    {
        QStringList parts;
        for (const auto &[name, document] : state)
            parts << name + QStringLiteral("=") + QString::fromLatin1(document.left(16));
        return parts.join(QStringLiteral(", "));
    }

    static bool readState(const QString &path, State &state, QString &error)
    {
        state.clear();
        auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace) {
            error = opened.error.message;
            return false;
        }
        for (const cp::ScenarioInfo &info : opened.workspace->scenarios()) {
            const auto document = opened.workspace->loadDocument(info.id);
            if (!document) {
                error = opened.workspace->lastError().message;
                return false;
            }
            state.emplace_back(info.name, *document);
        }
        return true;
    }

private slots:
    void expectedStatesAreWhatTheEditsDo()
    {
        // The model the test compares with, checked once against a real workspace.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("model.clusterplan"));
        {
            auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QVERIFY(opened.workspace);
            for (qint64 n = 0; n < 40; ++n)
                QVERIFY(crashedits::apply(*opened.workspace, n));
        }
        State state;
        QString error;
        QVERIFY2(readState(path, state, error), qPrintable(error));
        QCOMPARE(describe(state), describe(crashedits::expectedState(39)));
        QVERIFY(state == crashedits::expectedState(39));
        QCOMPARE(state.size(), size_t(3)); // "t5 (copy)", "t6", "t6 (copy)": the workspace stays small
    }

    void killedAtManyPointsLosesNothingSaved()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("crash.clusterplan"));
        constexpr int kRuns = 220;
        qint64 lastSaved = -1; // highest edit known to be committed
        int runsWithEdits = 0;
        int runsWithJournal = 0;
        int unreportedCommits = 0;
        qint64 editsReported = 0;
        // How long the helper takes to start and save its first edit on this machine: far
        // longer under the sanitizers or a loaded machine. Kills spread over that time plus
        // 150 ms of editing, so they land in start-up and in edits however fast the build is.
        qint64 startUpUs = 0;
        {
            QProcess probe;
            QElapsedTimer clock;
            clock.start();
            probe.start(QStringLiteral(CLUSTERPLAN_CRASH_HELPER),
                        {QStringLiteral("edit"), dir.filePath(QStringLiteral("probe.clusterplan")), QStringLiteral("0")});
            QVERIFY(probe.waitForStarted());
            QVERIFY2(probe.waitForReadyRead(120000), "the helper saved no edit within two minutes");
            startUpUs = clock.nsecsElapsed() / 1000;
            probe.kill();
            QVERIFY(probe.waitForFinished(10000));
        }
        const qint64 spreadUs = startUpUs + 150000;
        for (int run = 0; run < kRuns; ++run) {
            if (run % 40 == 0) { // now and then from nothing, so kills also hit the creation
                for (const QString &suffix : {QString(), QStringLiteral("-journal"), QStringLiteral(".lock")})
                    QFile::remove(path + suffix);
                lastSaved = -1;
            }
            QProcess helper;
            helper.start(QStringLiteral(CLUSTERPLAN_CRASH_HELPER),
                         {QStringLiteral("edit"), path, QString::number(lastSaved + 1)});
            QVERIFY(helper.waitForStarted());
            // 0 to start-up + 150 ms in steps that do not repeat within the runs.
            const int delayUs = static_cast<int>((qint64(run) * 104729) % spreadUs);
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
            helper.kill(); // SIGKILL
            QVERIFY(helper.waitForFinished(10000));
            QVERIFY2(helper.exitStatus() == QProcess::CrashExit,
                     qPrintable(QStringLiteral("run %1: the helper stopped by itself: %2")
                                    .arg(run)
                                    .arg(QString::fromLocal8Bit(helper.readAllStandardError()))));
            if (QFile::exists(path + QStringLiteral("-journal")))
                ++runsWithJournal;

            qint64 reported = lastSaved;
            const QList<QByteArray> lines = helper.readAllStandardOutput().split('\n');
            for (const QByteArray &line : lines) {
                if (line.isEmpty())
                    continue;
                QVERIFY2(line.startsWith("saved "), line.constData());
                const qint64 n = line.mid(6).toLongLong();
                QCOMPARE(n, reported + 1); // consecutive, starting where the last run stopped
                reported = n;
                ++editsReported;
            }
            if (reported > lastSaved)
                ++runsWithEdits;

            State state;
            QString error;
            QVERIFY2(readState(path, state, error), qPrintable(QStringLiteral("run %1: %2").arg(run).arg(error)));
            QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
            if (state != crashedits::expectedState(reported)) {
                QVERIFY2(state == crashedits::expectedState(reported + 1),
                         qPrintable(QStringLiteral("run %1 (killed after %2 us, last reported edit %3): workspace has "
                                                   "[%4], expected [%5]")
                                        .arg(run)
                                        .arg(delayUs)
                                        .arg(reported)
                                        .arg(describe(state), describe(crashedits::expectedState(reported)))));
                ++reported;
                ++unreportedCommits;
            }
            lastSaved = reported;
        }
        qInfo("%d kills: %d during edits, %lld edits reported, %d left a journal to undo, %d committed but not yet "
              "reported; start-up to the first saved edit %lld ms",
              kRuns, runsWithEdits, static_cast<long long>(editsReported), runsWithJournal, unreportedCommits,
              static_cast<long long>(startUpUs / 1000));
        QVERIFY(editsReported > 0); // the helper did edit: the checks above were not vacuous
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceCrash)
#include "tst_workspacecrash.moc"
