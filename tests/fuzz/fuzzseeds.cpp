// Writes the workspace fuzzer's seed files (see workspaceseeds.h) into a folder:
//   clusterplan_fuzzseeds <folder>
#include "fuzzsupport.h"
#include "workspaceseeds.h"

#include <QDir>
#include <QFile>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: clusterplan_fuzzseeds <folder>\n");
        return 2;
    }
    const auto seeds = cpfuzz::makeWorkspaceSeeds();
    if (seeds.empty() || !QDir().mkpath(args.at(1))) {
        std::fprintf(stderr, "clusterplan_fuzzseeds: could not make the seed workspaces\n");
        return 1;
    }
    for (const auto &[name, bytes] : seeds) {
        QFile file(QDir(args.at(1)).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "clusterplan_fuzzseeds: cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
    }
    return 0;
}
