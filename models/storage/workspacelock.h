#pragma once

#include <QLockFile>
#include <QString>

namespace cp::storage {

// The one-writer rule across programs: a lock file beside the workspace ("<file>.lock",
// QLockFile: pid, application and host inside, plus an OS lock while held). A lock left by a
// crashed process on this host is recognised and taken over, as is an empty one left by a
// process killed while creating it; a live holder never is, however long it has held the lock
// (no age-based expiry).
class WorkspaceLock
{
public:
    explicit WorkspaceLock(const QString &workspacePath);
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock &operator=(const WorkspaceLock &) = delete;

    enum class Outcome {
        Acquired,
        HeldElsewhere, // see holder()
        Unavailable,   // the lock file cannot be made (read-only or missing folder); see problem()
    };
    Outcome tryAcquire();
    void release();
    [[nodiscard]] bool isHeld() const { return m_lock.isLocked(); }

    // Who holds it, e.g. "clusterplan (process 4242 on host ws-7)".
    [[nodiscard]] QString holder() const;
    [[nodiscard]] QString problem() const { return m_problem; }

private:
    bool removeUnreadableStaleLock();
    // Removes `lockFilePath` when it says nothing and no process holds it (after a grace time).
    static bool removeOrphanedFile(const QString &lockFilePath);

    QString m_lockFilePath;
    QLockFile m_lock;
    QString m_problem;
};

} // namespace cp::storage
