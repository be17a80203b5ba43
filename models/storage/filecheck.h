#pragma once

#include <QString>

namespace cp::storage {

// What a workspace file is, found without changing it: every check reads through a read-only
// connection (or works on a copy), so a refused file stays byte-for-byte unchanged.
struct FileCheck {
    enum class Verdict {
        Usable,        // a ClusterPlan workspace of a version this build reads
        Empty,         // an empty file (or an empty SQLite database): fine to initialise
        NeedsRecovery, // an edit was interrupted (a hot journal beside it): see recoverInterruptedEdit()
        Refused,       // see problem
    };
    Verdict verdict = Verdict::Refused;
    int schemaVersion = 0;
    qint64 trailingBytes = 0; // bytes after the last database page (readable, but not a sound file)
    // For Refused: what is wrong and what to do, phrased to follow "Cannot open workspace 'F': ".
    QString problem;
};

// In order: an SQLite file at all; our application_id (or an empty database); a schema version
// not newer than ours; PRAGMA quick_check; the length the header promises; and a schema of
// exactly the objects our migrations create (no triggers, views or unknown tables).
[[nodiscard]] FileCheck checkWorkspaceFile(const QString &absolutePath);

// For a file whose last edit was interrupted: SQLite would undo that edit from the journal at the
// next write-enabled open, writing to the file. The journal is played back on a copy first and
// the copy checked; only if it passes is the real file recovered the same way and checked again.
// The caller must hold the workspace lock.
[[nodiscard]] FileCheck recoverInterruptedEdit(const QString &absolutePath);

// A private copy to read a workspace without writing beside it (read-only commands write
// nothing): the file with its rollback journal or WAL copied into `folder`, the interrupted
// edit undone (or the WAL folded in) on the copy only. Returns the copy's path, or an empty
// string with *problem set (phrased to follow "Cannot open workspace 'F': ").
[[nodiscard]] QString makeReadableCopy(const QString &absolutePath, const QString &folder, QString *problem);

// True when the file's header says WAL mode (ClusterPlan writes the rollback journal; another
// tool may have switched it). Reading such a file in place creates -wal and -shm files.
[[nodiscard]] bool isWalFile(const QString &absolutePath);

// "<file>-journal": SQLite's rollback journal beside the file.
[[nodiscard]] QString journalPath(const QString &absolutePath);

} // namespace cp::storage
