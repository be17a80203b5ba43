#include "fuzzsupport.h"
#include "workspaceseeds.h"

#include <QDir>
#include <QFile>
#include <QTest>

// The fuzz harnesses in the normal suite: each seed, and every input a fuzzer ever crashed on
// (tests/fuzz/regressions/<target>/, one file each), goes through the same harness function
// the libFuzzer target runs. A broken promise aborts the harness, so this test fails with the
// harness's message; under the sanitize preset these rows also run under ASan and UBSan.
class TestFuzzReplay : public QObject
{
    Q_OBJECT

private:
    static QString sourcePath(const QString &relative)
    {
        return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/") + relative;
    }

    // One row per file of each folder; `minimum` keeps a moved folder from passing silently.
    static void addFiles(const QStringList &folders, int minimum)
    {
        int rows = 0;
        for (const QString &folder : folders) {
            const QDir dir(sourcePath(folder));
            for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Name)) {
                if (info.fileName() == QLatin1String("README.md"))
                    continue;
                QFile file(info.filePath());
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(info.filePath()));
                QTest::newRow(qPrintable(folder + QLatin1Char('/') + info.fileName())) << file.readAll();
                ++rows;
            }
        }
        QVERIFY2(rows >= minimum, qPrintable(QStringLiteral("%1 files found in %2").arg(rows).arg(folders.join(u' '))));
    }

private slots:
    void scenarioJson_data()
    {
        QTest::addColumn<QByteArray>("input");
        addFiles({ QStringLiteral("data/examples"), QStringLiteral("tests/fuzz/seeds/scenariojson"),
                   QStringLiteral("tests/fuzz/regressions/scenariojson") },
                 5);
    }
    void scenarioJson()
    {
        QFETCH(QByteArray, input);
        QCOMPARE(cpfuzz::scenarioJsonOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                                              static_cast<std::size_t>(input.size())),
                 0);
    }

    void workspace_data()
    {
        QTest::addColumn<QByteArray>("input");
        const auto seeds = cpfuzz::makeWorkspaceSeeds();
        QCOMPARE(seeds.size(), std::size_t(4));
        for (const auto &[name, bytes] : seeds)
            QTest::newRow(qPrintable(QStringLiteral("seed/") + name)) << bytes;
        // Damage the seeds as the storage tests do by hand: cut in half, a zeroed page, junk
        // appended. Each must be refused or opened safely.
        const QByteArray examples = seeds[2].second;
        QTest::newRow("seed/examples cut in half") << examples.left(examples.size() / 2);
        QTest::newRow("seed/examples with page 2 zeroed")
            << examples.left(4096) + QByteArray(4096, '\0') + examples.mid(8192);
        QTest::newRow("seed/examples with junk appended") << examples + QByteArray(100, 'x');
        QTest::newRow("empty file") << QByteArray();
        addFiles({ QStringLiteral("tests/fuzz/regressions/workspace") }, 0);
    }
    void workspace()
    {
        QFETCH(QByteArray, input);
        QCOMPARE(cpfuzz::workspaceOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                                           static_cast<std::size_t>(input.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzzreplay.moc"
