#include "clirun.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace clitest;

// Outputs that never lie: a lost output is exit 1 with a message, a device or pipe
// is written in place and never replaced, and terminal output carries no escape sequences.
namespace {

// The CLI with standard output sent to `stdoutFile` (e.g. /dev/full).
Run cliTo(const QString &stdoutFile, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(stdoutFile);
    process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
    if (!process.waitForFinished(120'000))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitCode(), {}, QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCliOutputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("w.clusterplan"));
        const Run imported = cli({QStringLiteral("import"), example("gpt4-era-20k-a100.json"), QStringLiteral("--workspace"),
                                  m_workspace});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }

    // Standard output on a full disk: every command that prints says so and exits 1 (list,
    // validate and solve used to exit 0 having printed nothing).
    void fullStandardOutputIsAFailure_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString plan = example("gpt4-era-20k-a100.json");
        QTest::newRow("validate") << QStringList{QStringLiteral("validate"), plan};
        QTest::newRow("solve") << QStringList{QStringLiteral("solve"), plan, QStringLiteral("--as-of"), QStringLiteral("2026-11")};
        QTest::newRow("solve --json -") << QStringList{QStringLiteral("solve"), plan, QStringLiteral("--as-of"),
                                                       QStringLiteral("2026-11"), QStringLiteral("--json"), QStringLiteral("-")};
        QTest::newRow("list") << QStringList{QStringLiteral("list"), QStringLiteral("--workspace"), QStringLiteral("@W")};
        QTest::newRow("list --json") << QStringList{QStringLiteral("list"), QStringLiteral("--workspace"), QStringLiteral("@W"),
                                                    QStringLiteral("--json")};
        QTest::newRow("export --json -") << QStringList{QStringLiteral("export"), QStringLiteral("--workspace"), QStringLiteral("@W"),
                                                        QStringLiteral("--scenario"), QStringLiteral("GPT-4 era, 20k A100"),
                                                        QStringLiteral("--json"), QStringLiteral("-")};
    }
    void fullStandardOutputIsAFailure()
    {
        QFETCH(QStringList, arguments);
        arguments.replaceInStrings(QStringLiteral("@W"), m_workspace);
        QVERIFY(QFileInfo::exists(QStringLiteral("/dev/full")));
        const Run run = cliTo(QStringLiteral("/dev/full"), arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("could not write to standard output")), qPrintable(run.err));
        // The same command with somewhere to write succeeds.
        QCOMPARE(cliTo(QStringLiteral("/dev/null"), arguments).exitCode, 0);
    }

    // An output file on a full disk says so (it said "Unknown error").
    void fullDiskIsNamed()
    {
        const Run run = cli({QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--as-of"),
                             QStringLiteral("2026-11"), QStringLiteral("--csv"), QStringLiteral("/dev/full")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("the disk is full")), qPrintable(run.err));
        QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile()); // still the device
    }

    // An output that is a pipe is written into, not replaced by a renamed regular file (which, as
    // root, once replaced the machine's /dev/null).
    void aPipeIsWrittenNotReplaced()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("out.fifo"));
        const QString copy = m_dir.filePath(QStringLiteral("from-fifo.csv"));
        const QString file = m_dir.filePath(QStringLiteral("plain.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess reader; // cat fifo > copy, as a shell's process substitution would read it
        reader.setStandardOutputFile(copy);
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        const QStringList solve{QStringLiteral("solve"), example("gpt4-era-20k-a100.json"), QStringLiteral("--as-of"),
                                QStringLiteral("2026-11"), QStringLiteral("--csv")};
        const Run toFifo = cli(solve + QStringList{fifo});
        QCOMPARE(toFifo.exitCode, 0);
        QVERIFY(reader.waitForFinished(30'000));
        QFileInfo info(fifo);
        QVERIFY(info.exists());
        QVERIFY2(!info.isFile(), "the FIFO was replaced by a regular file");
        QCOMPARE(cli(solve + QStringList{file}).exitCode, 0);
        QFile a(copy), b(file);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray written = a.readAll();
        QVERIFY(!written.isEmpty());
        QCOMPARE(written, b.readAll());
    }

    // Names with terminal escape sequences reach the terminal escaped, never raw.
    void terminalOutputCarriesNoEscapes()
    {
        QFile source(example("gpt4-era-20k-a100.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray text = source.readAll();
        text.replace("\"name\": \"GPT-4 era, 20k A100\"", "\"name\": \"\\u001b[2J\\u001b]0;owned\\u0007\"");
        const QString path = m_dir.filePath(QStringLiteral("escapes.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(text) == text.size());
        out.close();
        for (const QString &command : {QStringLiteral("validate"), QStringLiteral("solve")}) {
            QStringList arguments{command, path};
            if (command == QLatin1String("solve"))
                arguments << QStringLiteral("--as-of") << QStringLiteral("2026-11");
            const Run run = cli(arguments);
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(QStringLiteral("\\u001b[2J")), qPrintable(run.err));
            QVERIFY(!run.err.contains(QChar(0x1b)));
            QVERIFY(!run.err.contains(QChar(0x07)));
            QVERIFY(!run.out.contains('\x1b'));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
