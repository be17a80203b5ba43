#include "storage/defaultworkspace.h"

#include "catalog/catalog.h"
#include "io/scenariojson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace cp {

QString defaultWorkspacePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/default.clusterplan");
}

QString featuredExampleName()
{
    const io::ParseResult parsed
        = io::readScenarioFile(QStringLiteral(":/examples/memphis-retrofit-100k-h100.json"), Catalog::builtIn());
    return parsed.ok() ? parsed.scenario->name : QString();
}

namespace {

// Makes a workspace holding every shipped example at `temporary`; error text on failure.
QString fillWithExamples(const QString &temporary)
{
    Workspace::OpenResult created = Workspace::open(temporary, Workspace::OpenMode::ReadWrite);
    if (!created.workspace)
        return created.error.message;
    const QDir examples(QStringLiteral(":/examples"));
    for (const QString &fileName : examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const io::ParseResult parsed = io::readScenarioFile(examples.filePath(fileName), Catalog::builtIn());
        if (!parsed.ok()) {
            for (const Problem &problem : parsed.problems)
                qWarning("shipped example left out of the new workspace: %s", qPrintable(problem.toString()));
            continue;
        }
        if (!created.workspace->createScenario(parsed.scenario->name, io::writeScenarioJson(*parsed.scenario)))
            return created.workspace->lastError().message;
    }
    return QString();
}

} // namespace

Workspace::OpenResult openOrCreateWorkspaceWithExamples(const QString &path, Workspace::OpenMode mode)
{
    const QFileInfo target(path);
    if (target.exists() || mode == Workspace::OpenMode::ReadOnly)
        return Workspace::open(path, mode);

    const QString temporary = target.absoluteDir().filePath(
        QStringLiteral(".%1.new-%2").arg(target.fileName()).arg(QRandomGenerator::global()->generate(), 8, 16,
                                                                 QLatin1Char('0')));
    const QString problem = fillWithExamples(temporary);
    // QFile::rename never replaces: if another ClusterPlan made the file meanwhile, use theirs.
    if (!problem.isEmpty() || !QFile::rename(temporary, target.absoluteFilePath())) {
        QFile::remove(temporary);
        QFile::remove(temporary + QStringLiteral("-journal"));
        if (!problem.isEmpty() && !target.exists()) {
            Workspace::OpenResult failed;
            failed.error = {WorkspaceError::Kind::Io,
                            QStringLiteral("Cannot create workspace '%1' with the shipped examples: %2")
                                .arg(target.absoluteFilePath(), problem)};
            return failed;
        }
    }
    return Workspace::open(path, mode);
}

Workspace::OpenResult openOrCreateDefaultWorkspace(Workspace::OpenMode mode)
{
    const QString path = defaultWorkspacePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        Workspace::OpenResult failed;
        failed.error = {WorkspaceError::Kind::Io,
                        QStringLiteral("Cannot create the folder '%1' for the default workspace. Check that you may "
                                       "write there, or open a workspace in another folder.")
                            .arg(QFileInfo(path).absolutePath())};
        return failed;
    }
    return openOrCreateWorkspaceWithExamples(path, mode);
}

} // namespace cp
