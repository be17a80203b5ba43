#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

// The files clusterplan-cli writes (export, solve --json and --csv, risk --json) are the same
// bytes under LC_ALL=C and LC_ALL=de_DE.UTF-8, a locale that writes 1,5 for 1.5: the program
// takes the user's locale at start-up (QCoreApplication calls setlocale(LC_ALL, "")), so this
// is the check as a user in Germany runs it. The writers are tested in-process in
// tests/models/io/tst_localeindependence.cpp. installer/setup-deps.sh generates de_DE.UTF-8.
namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run cli(const QStringList &arguments, const char *locale)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QString::fromLatin1(locale));
    env.insert(QStringLiteral("LANG"), QString::fromLatin1(locale));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
    if (!process.waitForFinished(120000))
        return { -1, {}, QStringLiteral("timed out") };
    return { process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestCliLocale : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The test is only worth something if the German locale exists (setlocale would
        // otherwise fall back to "C" in the program without a word).
        const std::string saved = std::setlocale(LC_ALL, nullptr);
        const bool german = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr;
        std::setlocale(LC_ALL, saved.c_str());
        QVERIFY2(german, "the locale de_DE.UTF-8 is not installed; run installer/setup-deps.sh, which generates it");
    }

    void filesAreTheSameBytes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString memphis = QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/memphis-retrofit-100k-h100.json");
        const QString meta = QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/meta-2gw-gas-campus.json");
        const QString asOf = QStringLiteral("2026-11");
        const QString workspace = m_dir.filePath(QStringLiteral("locale.clusterplan"));
        const Run imported = cli({ QStringLiteral("import"), meta, QStringLiteral("--workspace"), workspace,
                                   QStringLiteral("--name"), QStringLiteral("Meta") },
                                 "C.UTF-8");
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        QTest::newRow("export") << QStringList { QStringLiteral("export"), QStringLiteral("--workspace"), workspace,
                                                 QStringLiteral("--scenario"), QStringLiteral("Meta"),
                                                 QStringLiteral("--json"), QStringLiteral("-") };
        for (const QString &file : { memphis, meta }) {
            const QString name = QFileInfo(file).baseName();
            QTest::newRow(qPrintable(QStringLiteral("solve --json ") + name))
                << QStringList { QStringLiteral("solve"), file, QStringLiteral("--as-of"), asOf,
                                 QStringLiteral("--json"), QStringLiteral("-") };
            QTest::newRow(qPrintable(QStringLiteral("solve --csv ") + name))
                << QStringList { QStringLiteral("solve"), file, QStringLiteral("--as-of"), asOf,
                                 QStringLiteral("--csv"), QStringLiteral("-") };
        }
        QTest::newRow("risk --json") << QStringList { QStringLiteral("risk"),    memphis,
                                                      QStringLiteral("--as-of"), asOf,
                                                      QStringLiteral("--trials"), QStringLiteral("200"),
                                                      QStringLiteral("--threads"), QStringLiteral("1"),
                                                      QStringLiteral("--json"),  QStringLiteral("-") };
    }
    void filesAreTheSameBytes()
    {
        QFETCH(QStringList, arguments);
        const Run c = cli(arguments, "C");
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const Run german = cli(arguments, "de_DE.UTF-8");
        QVERIFY2(german.exitCode == 0, qPrintable(german.err));
        QVERIFY(c.out.size() > 100);
        QVERIFY(c.out.contains('.')); // decimals are there, so a decimal comma would show
        QCOMPARE(german.out, c.out);
    }
};

QTEST_GUILESS_MAIN(TestCliLocale)
#include "tst_cli_locale.moc"
