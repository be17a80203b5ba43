// A child process for the storage tests: it uses a workspace the way the application does and
// is killed (SIGKILL) by the test at arbitrary moments.
//
//   workspacecrashhelper hold PATH        open PATH for editing, print "ready", wait to be killed
//   workspacecrashhelper interrupt PATH   start a write transaction with a plain connection, let its
//                                         pages reach the file, print "dirty", wait to be killed
//   workspacecrashhelper edit PATH FIRST  run edits FIRST, FIRST+1, ... (crashedits.h), printing
//                                         "saved N" after each edit the workspace reports as saved
#include "crashedits.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

[[noreturn]] void waitToBeKilled()
{
    for (;;)
        QThread::sleep(1);
}

int hold(const QString &path)
{
    auto opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
    if (!opened.workspace)
        return fail(opened.error.message);
    std::printf("ready\n");
    std::fflush(stdout);
    waitToBeKilled();
}

int interrupt(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(path);
    if (!db.open())
        return fail(QStringLiteral("cannot open ") + path);
    QSqlQuery query(db);
    // A one-page cache spills changed pages into the file before COMMIT, so the file itself is
    // half-changed when the process dies; only the journal can undo it.
    if (!query.exec(QStringLiteral("PRAGMA cache_size = 1")) || !query.exec(QStringLiteral("BEGIN IMMEDIATE"))
        || !query.exec(QStringLiteral("UPDATE scenario SET document = printf('%.*c', 50000, 'x'), name = name || '!'")))
        return fail(QStringLiteral("cannot start the transaction"));
    std::printf("dirty\n");
    std::fflush(stdout);
    waitToBeKilled();
}

int edit(const QString &path, qint64 first)
{
    auto opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
    if (!opened.workspace)
        return fail(opened.error.message);
    cp::Workspace &workspace = *opened.workspace;
    for (qint64 n = first;; ++n) {
        if (!crashedits::apply(workspace, n))
            return fail(QStringLiteral("edit %1 failed: %2").arg(n).arg(workspace.lastError().message));
        std::printf("saved %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args[1] == QLatin1String("hold"))
        return hold(args[2]);
    if (args.size() == 3 && args[1] == QLatin1String("interrupt"))
        return interrupt(args[2]);
    if (args.size() == 4 && args[1] == QLatin1String("edit"))
        return edit(args[2], args[3].toLongLong());
    return fail(QStringLiteral("usage: workspacecrashhelper hold|interrupt PATH | edit PATH FIRST"));
}
