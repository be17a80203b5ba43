#pragma once

#include "storage/workspace.h"

#include <QString>

namespace cp {

// The workspace ClusterPlan opens when the user has not chosen one:
// QStandardPaths::AppDataLocation + "/default.clusterplan".
[[nodiscard]] QString defaultWorkspacePath();

// Opens the workspace at `path`. When no file is there yet, one is first made with every
// shipped example in it (":/examples/*.json", in file-name order), all or nothing: it is
// filled under a temporary name in the same folder and renamed into place, so a crash during
// the first start leaves no half-filled workspace. An example that does not parse is left out
// with a warning (the tests keep that from shipping).
[[nodiscard]] Workspace::OpenResult openOrCreateWorkspaceWithExamples(const QString &path, Workspace::OpenMode mode);

// openOrCreateWorkspaceWithExamples() on defaultWorkspacePath(), making its folder if needed.
[[nodiscard]] Workspace::OpenResult
openOrCreateDefaultWorkspace(Workspace::OpenMode mode = Workspace::OpenMode::ReadWriteOrReadOnly);

} // namespace cp
