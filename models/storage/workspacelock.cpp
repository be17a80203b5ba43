#include "storage/workspacelock.h"

#include <QDir>
#include <QFileInfo>

namespace cp::storage {

WorkspaceLock::WorkspaceLock(const QString &workspacePath)
    : m_lockFilePath(workspacePath + QStringLiteral(".lock"))
    , m_lock(m_lockFilePath)
{
    // QLockFile's default treats a 30-second-old lock as stale even when its holder still runs;
    // a workspace stays open for hours. Staleness is decided by the holder being gone only.
    m_lock.setStaleLockTime(0);
}

WorkspaceLock::Outcome WorkspaceLock::tryAcquire()
{
    m_problem.clear();
    if (m_lock.isLocked() || m_lock.tryLock(0))
        return Outcome::Acquired;
    switch (m_lock.error()) {
    case QLockFile::LockFailedError:
        return Outcome::HeldElsewhere;
    case QLockFile::PermissionError:
        m_problem = QStringLiteral("its folder is read-only, so the lock file '%1' cannot be created")
                        .arg(m_lockFilePath);
        return Outcome::Unavailable;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    m_problem = QFileInfo(m_lockFilePath).absoluteDir().exists()
        ? QStringLiteral("the lock file '%1' cannot be created").arg(m_lockFilePath)
        : QStringLiteral("its folder '%1' does not exist").arg(QFileInfo(m_lockFilePath).absolutePath());
    return Outcome::Unavailable;
}

void WorkspaceLock::release()
{
    if (m_lock.isLocked())
        m_lock.unlock();
}

QString WorkspaceLock::holder() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (!m_lock.getLockInfo(&pid, &host, &application))
        return QStringLiteral("another program (the lock file '%1' does not say which)").arg(m_lockFilePath);
    if (application.isEmpty())
        application = QStringLiteral("another program");
    return host.isEmpty() ? QStringLiteral("%1 (process %2)").arg(application).arg(pid)
                          : QStringLiteral("%1 (process %2 on host %3)").arg(application).arg(pid).arg(host);
}

} // namespace cp::storage
