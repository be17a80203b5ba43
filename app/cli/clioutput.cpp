#include "clioutput.h"

#include "domain/problem.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace cp::cli {

namespace {

// Why a write failed, in words: a full disk says so (QSaveFile reports "Unknown error" there).
QString writeFailure(const QFileDevice &file, int savedErrno, const QString &path, qint64 bytes)
{
    const qint64 available = QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable();
    if (savedErrno == ENOSPC || savedErrno == EDQUOT || (available >= 0 && available < bytes))
        return QStringLiteral("the disk is full (%1 bytes to write); free some space and run again").arg(bytes);
    if (savedErrno != 0)
        return QString::fromLocal8Bit(std::strerror(savedErrno));
    return file.errorString();
}

} // namespace

bool finishStandardOutput(CliStreams &io, bool report)
{
    io.out.flush();
    const bool streamOk = io.out.status() == QTextStream::Ok;
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
    if (streamOk && flushed)
        return true;
    if (!report)
        return false;
    const int error = errno;
    io.err << "clusterplan-cli: could not write to standard output ("
           << (error ? QString::fromLocal8Bit(std::strerror(error)) : QStringLiteral("is the disk full?"))
           << "); the output is lost\n";
    io.err.flush();
    return false;
}

bool writeOutput(const QString &path, const QByteArray &data, CliStreams &io)
{
    if (path == QLatin1String("-")) {
        io.out.flush();
        errno = 0;
        const size_t written = std::fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
        const bool flushed = std::fflush(stdout) == 0;
        if (written != static_cast<size_t>(data.size()) || !flushed || std::ferror(stdout)) {
            const int error = errno;
            io.err << "clusterplan-cli: could not write to standard output"
                   << (error ? QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(error)) : QString()) << '\n';
            return false;
        }
        return true;
    }
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        // A device, pipe or socket: written in place. A temporary file renamed over it would
        // replace it with a regular file (as root, --csv /dev/null replaced the machine's /dev/null).
        QFile device(path);
        errno = 0;
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || device.write(data) != data.size()
            || !device.flush()) {
            const int error = errno;
            io.err << "clusterplan-cli: cannot write '" << path << "': " << writeFailure(device, error, path, data.size())
                   << '\n';
            return false;
        }
        device.close();
        return true;
    }
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        const int error = errno;
        io.err << "clusterplan-cli: cannot write '" << path << "': " << writeFailure(file, error, path, data.size())
               << '\n';
        return false;
    }
    return true;
}

QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u != u'\n' && u != u'\t' && isControlOrBidi(u))
            out += QStringLiteral("\\u%1").arg(static_cast<int>(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

bool requireArgument(const QString &value, const QString &what, CliStreams &io)
{
    if (!value.isEmpty())
        return true;
    io.err << "clusterplan-cli: missing " << what << " (see --help)\n";
    return false;
}

} // namespace cp::cli
