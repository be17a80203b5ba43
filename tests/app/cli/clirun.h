#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// The CLI tests run clusterplan-cli as a user does: its own process, then its exit code and
// what it wrote. Header-only; each test is one executable.
namespace clitest {

struct Run {
    int exitCode; // -1 when it timed out
    QByteArray out;
    QString err;
};

inline Run cli(const QStringList &arguments, int timeoutMs = 120'000)
{
    QProcess process;
    process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
    if (!process.waitForFinished(timeoutMs))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

// A shipped example scenario (data/examples).
inline QString example(const char *name)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(name);
}

// A hand-checked scenario of the charts and compare tests (tests/fixtures/charts).
inline QString fixture(const char *name)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/tests/fixtures/charts/") + QLatin1String(name);
}

} // namespace clitest
