#pragma once

#include <QString>

namespace cp {

// One thing wrong with a scenario or a file: where (the file, the JSON path of the field) and
// why, in words a planner can act on.
struct Problem {
    QString file;    // as given to the reader; empty for a scenario held in memory
    QString path;    // JSON path, e.g. "sites[2].power[0].leadTimeMonths"; empty for the whole document
    QString message; // what is wrong and, where it helps, what to do

    // "file: path: message", leaving out the parts that are empty.
    [[nodiscard]] QString toString() const;
    friend bool operator==(const Problem &, const Problem &) = default;
};

} // namespace cp
