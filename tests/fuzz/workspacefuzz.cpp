// Harness for opening a workspace file that may come from anyone: the fuzz bytes are written to
// a file, which cp::Workspace opens read-only and then for editing; what opens is listed and
// every document loaded and parsed; a workspace open for editing takes one edit.
//
// Promises checked on every input (a broken one aborts):
// - a read-only open never changes the file, and leaves no journal or lock file;
// - a refusal (either mode) says why and leaves the file byte-for-byte as it was;
// - a workspace that was opened for editing and edited opens again afterwards.
// Crashes, hangs, leaks and undefined behaviour are found by the sanitizers around it.

#include "fuzzsupport.h"

#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace cpfuzz {

namespace {

using cp::Workspace;

// Every edit is synced to disk; on tmpfs that costs nothing, so the fuzzer runs many times faster.
const QTemporaryDir &scratch()
{
    static const QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                       ? QStringLiteral("/dev/shm/clusterplan-fuzz-XXXXXX")
                                       : QDir::tempPath() + QStringLiteral("/clusterplan-fuzz-XXXXXX"));
    if (!dir.isValid())
        fail("set-up", "no temporary folder");
    return dir;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<unreadable>");
    return file.readAll();
}

void removeFiles(const QString &path)
{
    for (const QString &suffix : { QString(), QStringLiteral("-journal"), QStringLiteral(".lock") })
        QFile::remove(path + suffix);
}

// Lists the scenarios and loads and parses every document, as the app does on opening.
void readEverything(const Workspace &workspace)
{
    for (const cp::ScenarioInfo &info : workspace.scenarios()) {
        if (!workspace.scenario(info.id))
            fail("list", "a listed scenario cannot be looked up");
        (void)workspace.findScenario(info.name); // names in a foreign file need not be trimmed: no promise
        if (const std::optional<QByteArray> document = workspace.loadDocument(info.id)) {
            const cp::io::ParseResult parsed = cp::io::parseScenarioJson(*document, cp::Catalog::builtIn(), info.name);
            if (parsed.scenario.has_value() == !parsed.problems.empty())
                fail("load", "a stored document's scenario and problems disagree");
        } else if (workspace.lastError().message.isEmpty()) {
            fail("load", "a failed load says nothing");
        }
    }
}

void checkRefusal(const Workspace::OpenResult &opened, const QString &path, const QByteArray &before, const char *mode)
{
    if (opened.error.kind == cp::WorkspaceError::Kind::None || opened.error.message.isEmpty())
        fail(mode, "a refusal says nothing");
    if (readFile(path) != before)
        fail(mode, "a refused file was changed");
}

} // namespace

int workspaceOneInput(const std::uint8_t *data, std::size_t size)
{
    ensureApplication();
    const QString path = scratch().filePath(QStringLiteral("fuzz.clusterplan"));
    removeFiles(path);
    const QByteArray before(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(before) != before.size())
            fail("set-up", "cannot write the input file");
    }

    {
        const Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        if (opened.workspace)
            readEverything(*opened.workspace);
        else
            checkRefusal(opened, path, before, "read-only open");
    }
    if (readFile(path) != before)
        fail("read-only open", "the file was changed");
    if (QFile::exists(path + QStringLiteral("-journal")) || QFile::exists(path + QStringLiteral(".lock")))
        fail("read-only open", "a journal or lock file was left behind");

    bool edited = false;
    {
        const Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace) {
            checkRefusal(opened, path, before, "open for editing");
        } else {
            Workspace &workspace = *opened.workspace;
            readEverything(workspace);
            if (!workspace.isReadOnly()) {
                const std::optional<cp::ScenarioId> id
                    = workspace.createScenario(QStringLiteral("Fuzz edit"), QByteArrayLiteral("{}\n"));
                if (id && workspace.saveDocument(*id, QByteArrayLiteral("{\"edited\": true}\n"))
                    && workspace.removeScenario(*id))
                    edited = true;
            }
        }
    }
    if (edited) {
        const Workspace::OpenResult again = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        if (!again.workspace) {
            const QByteArray message = again.error.message.toUtf8();
            fail("reopen after an edit", message.constData());
        }
        readEverything(*again.workspace);
    }
    removeFiles(path);
    return 0;
}

} // namespace cpfuzz
