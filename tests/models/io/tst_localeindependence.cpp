#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "io/riskjson.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "solver/risk.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTest>

#include <clocale>
#include <cstdio>

// Files are the same bytes whatever the user's locale. Tested in this process: the C library's
// locale is switched with setlocale() (what QCoreApplication does with the user's LC_ALL/LANG
// at start-up) and Qt's with QLocale::setDefault(), to German, which writes 1,5 for 1.5 and
// 1.000 for a thousand; then every writer runs again and must give the same bytes as under "C".
// tests/app/cli/tst_cli_locale.cpp checks the installed programs the same way through LC_ALL.
// de_DE.UTF-8 must exist: installer/setup-deps.sh generates it (locale-gen) when it is missing.
namespace {

const char *const kGerman = "de_DE.UTF-8";

struct Files {
    QByteArray written;  // the workspace's storage form
    QByteArray exported; // clusterplan-cli export
    QByteArray resultJson;
    QByteArray resultCsv;
    QByteArray riskJson;
};

Files writeEverything(const QByteArray &input)
{
    const cp::Catalog &catalog = cp::Catalog::builtIn();
    const cp::io::ParseResult parsed = cp::io::parseScenarioJson(input, catalog, QStringLiteral("example.json"));
    if (!parsed.ok())
        return {};
    Files files;
    files.written = cp::io::writeScenarioJson(*parsed.scenario);
    files.exported = cp::io::exportScenarioJson(*parsed.scenario, catalog);
    const auto solved = cp::solveScenario(*parsed.scenario, catalog, cp::Month::fromYearMonth(2026, 11));
    if (!solved->ok())
        return {};
    files.resultJson = cp::io::writeResultJson(solved->result);
    files.resultCsv = cp::io::writeResultCsv(solved->result);
    cp::solver::RiskOptions options;
    options.trials = 200;
    options.threads = 1;
    files.riskJson = cp::io::writeRiskJson(cp::solver::runRisk(solved->resolved.plan, options));
    return files;
}

void useCLocale()
{
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
}

} // namespace

class TestLocaleIndependence : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { useCLocale(); }

    void germanLocaleIsReallyInForce()
    {
        // Without this the comparisons below could pass because nothing was switched.
        QVERIFY2(std::setlocale(LC_ALL, kGerman),
                 "the locale de_DE.UTF-8 is not installed; run installer/setup-deps.sh, which generates it");
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", 1.5);
        QCOMPARE(QByteArray(text), QByteArray("1,5"));
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
    }

    void filesAreTheSameBytes_data()
    {
        QTest::addColumn<QString>("file");
        const QDir examples(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));
        const QStringList names = examples.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 5);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }
    void filesAreTheSameBytes()
    {
        QFETCH(QString, file);
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray input = in.readAll();

        useCLocale();
        const Files c = writeEverything(input);
        QVERIFY(!c.resultJson.isEmpty());
        QVERIFY(std::setlocale(LC_ALL, kGerman));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const Files german = writeEverything(input);
        useCLocale();

        QCOMPARE(german.written, c.written);
        QCOMPARE(german.exported, c.exported);
        QCOMPARE(german.resultJson, c.resultJson);
        QCOMPARE(german.resultCsv, c.resultCsv);
        QCOMPARE(german.riskJson, c.riskJson);
        // And the files do hold decimals, written with a point: the comparison was not of integers only.
        QVERIFY(c.resultJson.contains('.'));
        QVERIFY(!c.resultCsv.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocaleIndependence)
#include "tst_localeindependence.moc"
