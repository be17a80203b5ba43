#include "workspaceseeds.h"

#include "storage/defaultworkspace.h"
#include "storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>

namespace cpfuzz {

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

std::vector<std::pair<QString, QByteArray>> makeWorkspaceSeeds()
{
    using cp::Workspace;
    QTemporaryDir dir;
    if (!dir.isValid())
        return {};
    const QByteArray small = QByteArrayLiteral("{\"format\": \"clusterplan.scenario\", \"formatVersion\": 1, "
                                               "\"name\": \"Small\", \"startMonth\": \"2025-01\", "
                                               "\"horizonMonths\": 12, \"sites\": []}\n");
    std::vector<std::pair<QString, QByteArray>> seeds;
    const auto add = [&](const QString &name) {
        const QByteArray bytes = readFile(dir.filePath(name));
        if (!bytes.isEmpty())
            seeds.emplace_back(name, bytes);
    };
    {
        auto opened = Workspace::open(dir.filePath(QStringLiteral("empty.clusterplan")), Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return {};
    }
    add(QStringLiteral("empty.clusterplan"));
    {
        auto opened = Workspace::open(dir.filePath(QStringLiteral("small.clusterplan")), Workspace::OpenMode::ReadWrite);
        if (!opened.workspace || !opened.workspace->createScenario(QStringLiteral("Small"), small))
            return {};
    }
    add(QStringLiteral("small.clusterplan"));
    {
        auto opened = cp::openOrCreateWorkspaceWithExamples(dir.filePath(QStringLiteral("examples.clusterplan")),
                                                            Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return {};
    }
    add(QStringLiteral("examples.clusterplan"));
    {
        // Renamed, duplicated and removed scenarios leave free pages and a longer history.
        auto opened = Workspace::open(dir.filePath(QStringLiteral("edited.clusterplan")), Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            return {};
        Workspace &workspace = *opened.workspace;
        const auto first = workspace.createScenario(QStringLiteral("First"), small);
        const auto second = workspace.createScenario(QStringLiteral("Second"), small + QByteArray(5000, ' '));
        if (!first || !second || !workspace.renameScenario(*first, QStringLiteral("First, renamed"))
            || !workspace.duplicateScenario(*first) || !workspace.removeScenario(*second))
            return {};
    }
    add(QStringLiteral("edited.clusterplan"));
    return seeds.size() == 4 ? seeds : std::vector<std::pair<QString, QByteArray>>();
}

} // namespace cpfuzz
