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

// The example a first start shows: the one that shows the product best (an owned 100k-GPU
// retrofit whose date hangs on power, cooling and the build, with a real capex), not the
// cloud-partner plan whose headline is "Total capex $0". Its scenario name; empty if missing.
[[nodiscard]] QString featuredExampleName();

// openOrCreateWorkspaceWithExamples() on defaultWorkspacePath(), making its folder if needed.
[[nodiscard]] Workspace::OpenResult
openOrCreateDefaultWorkspace(Workspace::OpenMode mode = Workspace::OpenMode::ReadWriteOrReadOnly);

} // namespace cp
