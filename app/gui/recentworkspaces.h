#pragma once

#include <QString>
#include <QStringList>

// The workspaces opened lately (File > Recent workspaces) and the scenario last shown in each,
// kept in QSettings so they survive a restart.
namespace cp::gui::recent {

inline constexpr int kMaxRecent = 8;

// Most recent first; files that no longer exist are left out.
[[nodiscard]] QStringList workspaces();
void addWorkspace(const QString &path);
void clearWorkspaces();

[[nodiscard]] QString lastScenario(const QString &workspacePath);
void setLastScenario(const QString &workspacePath, const QString &scenarioName);

} // namespace cp::gui::recent
