#pragma once

#include "domain/scenario.h"
#include "domain/problem.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace cp {
class Catalog;
}

// The scenario exchange format (docs/scenario-format.md, section 3): reading with every problem
// named, and canonical writing: spec key order, 2-space indent, trailing newline, C-locale numbers,
// whole numbers without ".0", a three-point value with low == mode == high as a plain number.
namespace cp::io {

inline constexpr qint64 kMaxScenarioFileBytes = 64LL * 1024 * 1024;
// A file with thousands of problems gets the first ones and a count of the rest: nobody reads
// more, and a list without end costs memory and time.
inline constexpr std::size_t kMaxReportedProblems = 100;

struct ParseResult {
    std::optional<Scenario> scenario; // set only when there is no problem: nothing is half-imported
    std::vector<Problem> problems;    // the problems found (the first kMaxReportedProblems, then one that counts
                                      // the rest), each with file, JSON path and reason
    bool unreadable = false;          // the file could not be opened or read (an I/O failure, not bad input)
    [[nodiscard]] bool ok() const { return scenario.has_value() && problems.empty(); }
};

// Reads a scenario document. `fileForMessages` goes into every Problem::file.
[[nodiscard]] ParseResult parseScenarioJson(const QByteArray &bytes, const Catalog &catalog,
                                            const QString &fileForMessages);
// Reads a file, refusing one over 64 MiB before reading it. Problems name `path` as given.
[[nodiscard]] ParseResult readScenarioFile(const QString &path, const Catalog &catalog);

// The scenario as written: absent optionals stay absent (the workspace's storage form).
[[nodiscard]] QByteArray writeScenarioJson(const Scenario &scenario);
// exportScenarioJson, which fills in the catalog's values first, is resolve/scenarioexport.h.

} // namespace cp::io
