#include "renderexec.h"

#include <QByteArray>
#include <QFileInfo>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace cp::cli {

namespace {

// The running program's folder, before any QCoreApplication exists (applicationDirPath needs one).
QString programDir()
{
    char path[4096];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return {};
    return QFileInfo(QString::fromLocal8Bit(path, length)).absolutePath();
}

} // namespace

QStringList renderProgramCandidates()
{
    const QString dir = programDir();
    if (dir.isEmpty())
        return {};
    const QString name = QString::fromLatin1(kRenderProgram);
    return {dir + QLatin1Char('/') + name, QFileInfo(dir + QStringLiteral("/../lib/clusterplan/") + name).absoluteFilePath()};
}

void execRenderProgram(char **argv)
{
    const QStringList candidates = renderProgramCandidates();
    for (const QString &candidate : candidates) {
        const QByteArray path = candidate.toLocal8Bit();
        if (::access(path.constData(), X_OK) != 0)
            continue;
        std::fflush(stdout);
        std::fflush(stderr);
        ::execv(path.constData(), argv);
        std::fprintf(stderr, "clusterplan-cli: cannot start %s: %s\n", path.constData(), std::strerror(errno));
        return;
    }
    std::fprintf(stderr, "clusterplan-cli: this command draws a PDF with %s, which is not installed (looked for %s)\n",
                 kRenderProgram, candidates.join(QStringLiteral(" and ")).toLocal8Bit().constData());
}

} // namespace cp::cli
