#include "recentworkspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace cp::gui::recent {

namespace {
const QString kRecentKey = QStringLiteral("recentWorkspaces");
const QString kLastScenarioKey = QStringLiteral("lastScenario");

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}
} // namespace

QStringList workspaces()
{
    QStringList out;
    for (const QString &path : QSettings().value(kRecentKey).toStringList())
        if (QFileInfo::exists(path))
            out << path;
    return out;
}

void addWorkspace(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(kRecentKey).toStringList();
    const QString entry = canonical(path);
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMaxRecent)
        list.removeLast();
    settings.setValue(kRecentKey, list);
}

void clearWorkspaces()
{
    QSettings().remove(kRecentKey);
}

QString lastScenario(const QString &workspacePath)
{
    return QSettings().value(kLastScenarioKey).toMap().value(canonical(workspacePath)).toString();
}

void setLastScenario(const QString &workspacePath, const QString &scenarioName)
{
    QSettings settings;
    QVariantMap map = settings.value(kLastScenarioKey).toMap();
    map.insert(canonical(workspacePath), scenarioName);
    settings.setValue(kLastScenarioKey, map);
}

} // namespace cp::gui::recent
