#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `clusterplan-cli validate FILE.json`: 0 and one summary line when valid; 3 with every problem
// as "FILE: path: message" on stderr; 1 when the file cannot be read; 2 for usage mistakes.
class TestCliValidate : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int exitCode;
        QString out;
        QString err;
    };
    static Run validate(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"),
                      QStringList { QStringLiteral("validate") } + arguments);
        if (!process.waitForFinished(60000))
            return { -1, {}, QStringLiteral("timed out") };
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }
    static QString example(const char *file)
    {
        return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(file);
    }
    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private slots:
    void validFileSummarizes()
    {
        const QString file = example("memphis-retrofit-100k-h100.json");
        const Run r = validate({ file });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // The example has 1 site, 2 tranches of 50,000, 4 power sources, 1 cooling plant, 60 months from 2024-01.
        QCOMPARE(r.out,
                 file
                     + QStringLiteral(": valid: \"Memphis retrofit, 100k H100\", 1 site, 2 compute tranches "
                                      "(100,000 accelerators), 4 power sources, 1 cooling plant, 2024-01 to "
                                      "2028-12 (60 months)\n"));
    }

    void everyExampleIsValid_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name :
             { "memphis-retrofit-100k-h100.json", "meta-2gw-gas-campus.json", "anthropic-400k-trainium2-cloud.json",
               "gpt4-era-20k-a100.json", "greenfield-grid-wait.json" })
            QTest::newRow(name) << example(name);
    }
    void everyExampleIsValid()
    {
        QFETCH(QString, file);
        const Run r = validate({ file });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    void invalidFileListsEveryProblem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile in(example("greenfield-grid-wait.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        // Three mistakes in different places.
        QVERIFY(bytes.contains("\"horizonMonths\": 72"));
        bytes.replace("\"horizonMonths\": 72", "\"horizonMonths\": 0");
        QVERIFY(bytes.contains("\"accelerator\": \"h200_sxm\""));
        bytes.replace("\"accelerator\": \"h200_sxm\"", "\"accelerator\": \"h200\"");
        QVERIFY(bytes.contains("\"kind\": \"grid\""));
        bytes.replace("\"kind\": \"grid\"", "\"kind\": \"fusion\"");
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(path, bytes));

        const Run r = validate({ path });
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
        QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        lines.sort();
        QVERIFY2(lines[0].startsWith(
                     path + QStringLiteral(": horizonMonths: Horizon must be a whole number of months from 1 to 600")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(
                     path + QStringLiteral(": sites[0].compute[0].accelerator: unknown accelerator \"h200\"")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(
                     path + QStringLiteral(": sites[0].power[0].kind: unknown power source kind \"fusion\"")),
                 qPrintable(lines[2]));
    }

    // Validate refuses what the editor refuses (the same checks, the same bounds),
    // naming the field as the window shows it and its JSON path.
    void refusesWhatTheEditorRefuses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile in(example("greenfield-grid-wait.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        QVERIFY(bytes.contains("\"itCapacityMw\": 80"));
        bytes.replace("\"itCapacityMw\": 80", "\"itCapacityMw\": 1000000000");
        QVERIFY(bytes.contains("\"startMonth\": \"2025-01\""));
        bytes.replace("\"startMonth\": \"2025-01\"", "\"startMonth\": \"1900-02\"");
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(path, bytes));

        const Run r = validate({ path });
        QCOMPARE(r.exitCode, 3);
        QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.sort();
        QCOMPARE(lines,
                 QStringList({ path + QStringLiteral(": sites[0].facility.itCapacityMw: IT capacity must be from 0 to 50,000 "
                                                     "MW (found 1000000000)"),
                               path + QStringLiteral(": startMonth: Start must be a month from Jan 1990 to Dec 2100 (found "
                                                     "Feb 1900)") }));
    }

    void notJsonIsInvalidInput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("notes.json"));
        QVERIFY(writeFile(path, "just some notes\n"));
        const Run r = validate({ path });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.startsWith(path + QStringLiteral(": not valid JSON: parse error at line 1")), qPrintable(r.err));
    }

    void unreadableFileIsFailure_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/plan.json");
        QTest::newRow("directory") << QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples");
    }
    void unreadableFileIsFailure()
    {
        QFETCH(QString, path);
        const Run r = validate({ path });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(path + QStringLiteral(": cannot read the file")), qPrintable(r.err));
    }

    void usageMistakes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no file") << QStringList {};
        QTest::newRow("two files") << QStringList { example("gpt4-era-20k-a100.json"),
                                                    example("greenfield-grid-wait.json") };
        QTest::newRow("unknown option") << QStringList { QStringLiteral("--strict"),
                                                         example("gpt4-era-20k-a100.json") };
    }
    void usageMistakes()
    {
        QFETCH(QStringList, arguments);
        const Run r = validate(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
