#pragma once

#include <QString>
#include <QStringList>

namespace cp::cli {

// The helper that draws the PDF reports (renderbackend.h). Looked for beside the running program
// (the build tree's bin/) and then in ../lib/clusterplan/ (the .deb's /usr/lib/clusterplan, the
// .tar.gz's lib/clusterplan): the first that exists and is executable.
inline constexpr const char *kRenderProgram = "clusterplan-cli-render";
[[nodiscard]] QStringList renderProgramCandidates();

// Replaces this process with the helper, given the same arguments (standard input, output and
// error, the working directory and the exit code are the helper's own, so a caller sees one
// program). Returns only when it could not: then it has written why to standard error and the
// caller exits with ExitFailure.
void execRenderProgram(char **argv);

} // namespace cp::cli
