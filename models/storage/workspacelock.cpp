#include "storage/workspacelock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace cp::storage {

namespace {

// QLockFile creates the file, then writes pid, application and host into it, then takes an OS
// lock (flock) on it for as long as it holds it. A process killed between the first two steps
// leaves a lock file that says nothing; one that is that old and that no process holds is stale.
constexpr qint64 kUnreadableLockGraceMs = 1000;

// True while some process holds the OS lock of a QLockFile (live holders always do).
bool heldByAProcess(const QString &lockFilePath)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(lockFilePath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd); // also releases our probe lock
    return held;
#else
    Q_UNUSED(lockFilePath);
    return true; // cannot tell: never take over
#endif
}

} // namespace

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
    if (m_lock.error() == QLockFile::LockFailedError && removeUnreadableStaleLock() && m_lock.tryLock(0))
        return Outcome::Acquired;
    // QLockFile clears a stale lock under a second lock file, "<lock>.rmlock"; a process killed
    // while making that one leaves it empty, and QLockFile then refuses every writer for 30 s,
    // naming the dead process. Nobody holds an empty one after the grace time: remove it at once.
    if (m_lock.error() == QLockFile::LockFailedError && removeOrphanedFile(m_lockFilePath + QStringLiteral(".rmlock"))
        && m_lock.tryLock(0))
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

bool WorkspaceLock::removeOrphanedFile(const QString &lockFilePath)
{
    if (!QFileInfo::exists(lockFilePath))
        return false;
    QLockFile probe(lockFilePath);
    qint64 pid = 0;
    QString host;
    QString application;
    if (probe.getLockInfo(&pid, &host, &application))
        return false; // it says who made it: QLockFile judges that one
    const QDateTime modified = QFileInfo(lockFilePath).lastModified();
    const qint64 ageMs = modified.isValid() ? modified.msecsTo(QDateTime::currentDateTime()) : kUnreadableLockGraceMs;
    if (ageMs >= 0 && ageMs < kUnreadableLockGraceMs) // maybe a live process about to write it
        QThread::msleep(static_cast<unsigned long>(kUnreadableLockGraceMs - ageMs));
    if (probe.getLockInfo(&pid, &host, &application) || heldByAProcess(lockFilePath))
        return false;
    return QFile::remove(lockFilePath);
}

bool WorkspaceLock::removeUnreadableStaleLock()
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock.getLockInfo(&pid, &host, &application))
        return false; // readable: QLockFile has judged it already
    const QDateTime modified = QFileInfo(m_lockFilePath).lastModified();
    const qint64 ageMs = modified.isValid() ? modified.msecsTo(QDateTime::currentDateTime()) : kUnreadableLockGraceMs;
    if (ageMs >= 0 && ageMs < kUnreadableLockGraceMs) // maybe a live process about to write it
        QThread::msleep(static_cast<unsigned long>(kUnreadableLockGraceMs - ageMs));
    if (m_lock.getLockInfo(&pid, &host, &application) || heldByAProcess(m_lockFilePath))
        return false;
    return m_lock.removeStaleLockFile();
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
