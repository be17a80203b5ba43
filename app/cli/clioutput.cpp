#include "clioutput.h"

#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace cp::cli {

bool writeOutput(const QString &path, const QByteArray &data, CliStreams &io)
{
    if (path == QLatin1String("-")) {
        io.out.flush();
        const size_t written = std::fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
        std::fflush(stdout);
        if (written != static_cast<size_t>(data.size())) {
            io.err << "clusterplan-cli: could not write to standard output\n";
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        io.err << "clusterplan-cli: cannot write '" << path << "': " << file.errorString() << '\n';
        return false;
    }
    return true;
}

bool requireArgument(const QString &value, const QString &what, CliStreams &io)
{
    if (!value.isEmpty())
        return true;
    io.err << "clusterplan-cli: missing " << what << " (see --help)\n";
    return false;
}

} // namespace cp::cli
