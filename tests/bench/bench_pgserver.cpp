// Latency of a team workspace on a local PostgreSQL 15: list, open and save as one
// client sees them, then 20 clients saving at once, each with its own connection (its own thread):
// first each its own scenario, then all one scenario, where a refused save (a conflict) reloads
// and tries again. Every client's edit leaves a mark in the document, so the final document shows
// whether any update was lost. Starts its own throwaway server (tests/pgserver/pgserver.sh).
//   bench_pgserver [--quick]
// Figures go in tests/bench/README.md; nothing here is asserted except "no lost update".

#include "storage/pgconnection.h"
#include "storage/serveruri.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using cp::Workspace;

namespace {

QString g_serverUri; // the maintenance database, as postgres

bool serverScript(const QString &action, const QString &state)
{
    QProcess script;
    script.start(QStringLiteral("sh"), {QStringLiteral(CLUSTERPLAN_PGSERVER_SCRIPT), action, state});
    return script.waitForFinished(180'000) && script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0;
}

QString freshDatabase(int n)
{
    const QString name = QStringLiteral("bench_%1").arg(n);
    cp::storage::PgConnection admin;
    if (!admin.open(cp::storage::parseServerUri(g_serverUri).conninfo, false)
        || !admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return QString();
    QString uri = g_serverUri;
    uri.replace(QRegularExpression(QStringLiteral("/postgres\\?")), QStringLiteral("/%1?").arg(name));
    return uri;
}

// A plan-sized document (the shipped Memphis example) with a list of marks, one per edit.
QByteArray withMark(const QByteArray &document, const QString &mark)
{
    QJsonObject object = QJsonDocument::fromJson(document).object();
    QJsonArray marks = object.value(QStringLiteral("benchMarks")).toArray();
    marks.append(mark);
    object[QStringLiteral("benchMarks")] = marks;
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double worst(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

struct Concurrent {
    double wallMs = 0;
    int saves = 0;
    int conflicts = 0;
    int failures = 0;
    std::vector<double> saveMs;
};

// `clients` threads, each `rounds` edits; sameScenario: all on ids[0], else client i on ids[i].
Concurrent saveAtOnce(const QString &uri, const std::vector<cp::ScenarioId> &ids, int clients, int rounds,
                      bool sameScenario)
{
    Concurrent result;
    std::atomic<int> conflicts{0}, failures{0}, saves{0}, ready{0};
    std::atomic<bool> go{false};
    std::vector<std::vector<double>> times(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
            ++ready;
            while (!go)
                std::this_thread::yield();
            if (!opened.workspace) {
                ++failures;
                return;
            }
            Workspace &workspace = *opened.workspace;
            const cp::ScenarioId id = ids[sameScenario ? 0 : static_cast<size_t>(c)];
            for (int r = 0; r < rounds; ++r) {
                for (;;) { // load, mark, save; a conflict loads the newer one and marks again
                    const auto document = workspace.loadDocument(id);
                    if (!document) {
                        ++failures;
                        break;
                    }
                    const QByteArray next = withMark(*document, QStringLiteral("client %1 round %2").arg(c).arg(r));
                    QElapsedTimer timer;
                    timer.start();
                    const bool saved = workspace.saveDocument(id, next);
                    times[static_cast<size_t>(c)].push_back(timer.nsecsElapsed() / 1e6);
                    if (saved) {
                        ++saves;
                        break;
                    }
                    if (workspace.lastError().kind != cp::WorkspaceError::Kind::Conflict) {
                        std::fprintf(stderr, "%s\n", qPrintable(workspace.lastError().message));
                        ++failures;
                        break;
                    }
                    ++conflicts;
                }
            }
        });
    }
    while (ready < clients)
        std::this_thread::yield();
    wall.start();
    go = true;
    for (std::thread &thread : threads)
        thread.join();
    result.wallMs = wall.nsecsElapsed() / 1e6;
    result.saves = saves;
    result.conflicts = conflicts;
    result.failures = failures;
    for (const auto &each : times)
        result.saveMs.insert(result.saveMs.end(), each.begin(), each.end());
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTextStream out(stdout);
    QTemporaryDir state;
    if (!state.isValid() || !serverScript(QStringLiteral("start"), state.path())) {
        std::fprintf(stderr, "bench_pgserver: the throwaway server did not start (tests/pgserver/pgserver.sh)\n");
        return 1;
    }
    int code = 0;
    {
        QFile uriFile(state.filePath(QStringLiteral("uri")));
        if (!uriFile.open(QIODevice::ReadOnly))
            code = 1;
        g_serverUri = QString::fromUtf8(uriFile.readAll()).trimmed();
        QFile example(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/memphis-retrofit-100k-h100.json"));
        if (!example.open(QIODevice::ReadOnly))
            code = 1;
        const QByteArray plan = example.readAll();

        const int scenarios = quick ? 5 : 50;
        const int repeats = quick ? 5 : 200;
        const int clients = quick ? 4 : 20;
        const int rounds = quick ? 2 : 10;
        const QString uri = freshDatabase(1);
        std::vector<cp::ScenarioId> ids;
        {
            Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
            if (!opened.workspace) {
                std::fprintf(stderr, "%s\n", qPrintable(opened.error.message));
                serverScript(QStringLiteral("stop"), state.path());
                return 1;
            }
            for (int i = 0; i < std::max(scenarios, clients + 2); ++i)
                ids.push_back(*opened.workspace->createScenario(QStringLiteral("Scenario %1").arg(i), plan));
        }
        std::vector<double> openMs, listMs, loadMs, saveMs;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadWrite);
            openMs.push_back(timer.nsecsElapsed() / 1e6);
            Workspace &workspace = *opened.workspace;
            timer.restart();
            const auto list = workspace.scenarios();
            listMs.push_back(timer.nsecsElapsed() / 1e6);
            if (list.size() != ids.size())
                code = 1;
            timer.restart();
            const auto document = workspace.loadDocument(ids[0]);
            loadMs.push_back(timer.nsecsElapsed() / 1e6);
            const QByteArray next = withMark(*document, QStringLiteral("single %1").arg(i));
            timer.restart();
            if (!workspace.saveDocument(ids[0], next))
                code = 1;
            saveMs.push_back(timer.nsecsElapsed() / 1e6);
        }
        out << "document " << plan.size() << " bytes; " << ids.size() << " scenarios; " << repeats << " repeats\n";
        out << QStringLiteral("open (connect, check, upgrade check) median %1 ms, worst %2 ms\n")
                   .arg(median(openMs), 0, 'f', 2).arg(worst(openMs), 0, 'f', 2);
        out << QStringLiteral("list %1 scenarios median %2 ms, worst %3 ms\n")
                   .arg(ids.size()).arg(median(listMs), 0, 'f', 2).arg(worst(listMs), 0, 'f', 2);
        out << QStringLiteral("load one document median %1 ms, worst %2 ms\n")
                   .arg(median(loadMs), 0, 'f', 2).arg(worst(loadMs), 0, 'f', 2);
        out << QStringLiteral("save one document (with audit diff) median %1 ms, worst %2 ms\n")
                   .arg(median(saveMs), 0, 'f', 2).arg(worst(saveMs), 0, 'f', 2);

        for (const bool same : {false, true}) {
            // Different scenarios: ids[1..clients]; the same one: the last, which nobody else edits.
            const std::vector<cp::ScenarioId> targets = same ? std::vector<cp::ScenarioId>{ids.back()}
                                                             : std::vector<cp::ScenarioId>(ids.begin() + 1, ids.end());
            const Concurrent run = saveAtOnce(uri, targets, clients, rounds, same);
            out << QStringLiteral("%1 clients x %2 saves, %3: %4 saved in %5 ms wall, %6 conflicts (retried), "
                                  "%7 failures; save median %8 ms, worst %9 ms\n")
                       .arg(clients).arg(rounds)
                       .arg(same ? QStringLiteral("one scenario") : QStringLiteral("one scenario each"))
                       .arg(run.saves).arg(run.wallMs, 0, 'f', 0).arg(run.conflicts).arg(run.failures)
                       .arg(median(run.saveMs), 0, 'f', 2).arg(worst(run.saveMs), 0, 'f', 2);
            if (run.failures != 0 || run.saves != clients * rounds)
                code = 1;
            if (same) {
                // No lost update: every client's every mark is in the final document.
                Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadOnly);
                const auto document = opened.workspace->loadDocument(ids.back());
                const QJsonArray marks
                    = QJsonDocument::fromJson(document.value_or(QByteArray())).object().value(QStringLiteral("benchMarks")).toArray();
                const qint64 revision = opened.workspace->scenario(ids.back())->revision;
                out << QStringLiteral("  final document: %1 marks of %2 saves, revision %3 (1 + saves)\n")
                           .arg(marks.size()).arg(clients * rounds).arg(revision);
                if (marks.size() != clients * rounds || revision != 1 + clients * rounds) {
                    std::fprintf(stderr, "bench_pgserver: an update was lost\n");
                    code = 1;
                }
            }
        }
    }
    serverScript(QStringLiteral("stop"), state.path());
    return code;
}
