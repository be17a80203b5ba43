#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace cpfuzz {

// Real workspace files for the workspace fuzzer to start from, made by this build (so they
// always have the current schema): an empty workspace, one with a single small scenario, one
// with every shipped example, and one that was edited and shrunk (free pages). Each is a
// (file name, bytes) pair; an empty list means they could not be made.
[[nodiscard]] std::vector<std::pair<QString, QByteArray>> makeWorkspaceSeeds();

} // namespace cpfuzz
