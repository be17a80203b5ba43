#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "resolve/resolver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cp;
using namespace cp::io;

namespace {

QString examplesDir()
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples");
}

QStringList exampleFiles()
{
    return { QStringLiteral("memphis-retrofit-100k-h100.json"), QStringLiteral("meta-2gw-gas-campus.json"),
             QStringLiteral("anthropic-400k-trainium2-cloud.json"), QStringLiteral("gpt4-era-20k-a100.json"),
             QStringLiteral("greenfield-grid-wait.json"), QStringLiteral("greenfield-grid-wait-bridged.json"),
             QStringLiteral("greenfield-bridge-options.json") };
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A small valid document; bad-input rows replace one piece of it.
const char *const kValid = R"({
  "format": "clusterplan.scenario",
  "formatVersion": 1,
  "name": "Small",
  "startMonth": "2025-01",
  "horizonMonths": 24,
  "assumptions": {"utilizationPct": 85, "depreciationYears": {"compute": 4}},
  "sites": [
    {
      "name": "A",
      "facility": {"kind": "greenfield", "cooling": "dlc", "itCapacityMw": 20,
                   "permitStartMonth": "2025-01", "permitMonths": 2,
                   "constructionStartMonth": "2025-02", "buildMonths": {"low": 6, "mode": 8, "high": 12}},
      "compute": [{"name": "Phase 1", "accelerator": "h100_sxm", "count": 10000, "orderMonth": "2025-03",
                   "leadTimeMonths": 6}],
      "power": [{"name": "Grid", "kind": "grid", "capacityMw": 25, "orderMonth": "2024-06", "leadTimeMonths": 12},
                {"name": "Batteries", "kind": "bess", "powerMw": 10, "energyMwh": 20, "orderMonth": "2025-01",
                 "leadTimeMonths": 9}],
      "cooling": [{"name": "Chillers", "kind": "chiller", "capacityMw": 5, "orderMonth": "2025-02", "leadTimeMonths": 8}]
    }
  ]
})";

ParseResult parse(const QByteArray &bytes)
{
    return parseScenarioJson(bytes, Catalog::builtIn(), QStringLiteral("plan.json"));
}

QString describe(const ParseResult &result)
{
    QStringList lines;
    for (const Problem &p : result.problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestScenarioJson : public QObject
{
    Q_OBJECT

private slots:
    void validDocumentReads()
    {
        const ParseResult r = parse(kValid);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const Scenario &s = *r.scenario;
        QCOMPARE(s.name, QStringLiteral("Small"));
        QCOMPARE(s.startMonth, Month::fromYearMonth(2025, 1));
        QCOMPARE(s.horizonMonths, 24);
        // Absent assumptions take the format's defaults (docs/scenario-format.md, section 3); given
        // ones win.
        QCOMPARE(s.assumptions.discountRatePct, 9.0);
        QCOMPARE(s.assumptions.electricityUsdPerMwh.mode, 80.0);
        QCOMPARE(s.assumptions.gasUsdPerMmbtu.mode, 3.5);
        QCOMPARE(s.assumptions.utilizationPct, 85.0);
        QCOMPARE(s.assumptions.depreciationYears.compute, 4.0);
        QCOMPARE(s.assumptions.depreciationYears.facility, 20.0);
        QCOMPARE(s.sites.size(), std::size_t(1));
        const Site &site = s.sites[0];
        QCOMPARE(site.ownership, SiteOwnership::Own);
        QVERIFY(!site.pue);
        QCOMPARE(site.facility.cooling, FacilityCooling::Dlc);
        QCOMPARE(site.facility.buildMonths, (ThreePoint { 6, 8, 12 }));
        QCOMPARE(site.facility.permitMonths, ThreePoint::fixed(2));
        QVERIFY(!site.facility.coolingMw);
        QCOMPARE(site.compute[0].count, 10000);
        QVERIFY(!site.compute[0].unitCapexUsd);
        QCOMPARE(site.power[1].kind, PowerKind::Bess);
        QCOMPARE(site.power[1].powerMw, 10.0);
        QCOMPARE(site.power[0].availabilityPct, 100.0);
        QCOMPARE(site.cooling[0].kind, CoolingPlantKind::Chiller);
    }

    void wholeNumbersMayBeWrittenAsFloats()
    {
        QByteArray doc(kValid);
        doc.replace("\"count\": 10000", "\"count\": 10000.0");
        doc.replace("\"horizonMonths\": 24", "\"horizonMonths\": 24.0");
        doc.replace("\"formatVersion\": 1", "\"formatVersion\": 1.0");
        const ParseResult r = parse(doc);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.scenario->sites[0].compute[0].count, 10000);
        QCOMPARE(r.scenario->horizonMonths, 24);
    }

    void unknownKeysAreIgnored()
    {
        QByteArray doc(kValid);
        doc.replace("\"name\": \"A\",", "\"name\": \"A\", \"x-notes\": {\"anything\": [1, 2, {\"deep\": null}]},");
        const ParseResult r = parse(doc);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.scenario->sites[0].name, QStringLiteral("A"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");

        QTest::newRow("missing required field")
            << QByteArray("\"name\": \"Small\",") << QByteArray() << QStringLiteral("name")
            << QStringLiteral("required field is missing");
        QTest::newRow("missing facility field")
            << QByteArray("\"itCapacityMw\": 20,") << QByteArray() << QStringLiteral("sites[0].facility.itCapacityMw")
            << QStringLiteral("required field is missing");
        QTest::newRow("bess without energy")
            << QByteArray(", \"energyMwh\": 20") << QByteArray() << QStringLiteral("sites[0].power[1].energyMwh")
            << QStringLiteral("required field is missing");
        QTest::newRow("wrong type") << QByteArray("\"horizonMonths\": 24") << QByteArray("\"horizonMonths\": \"24\"")
                                    << QStringLiteral("horizonMonths") << QStringLiteral("must be a number, not text");
        QTest::newRow("null number") << QByteArray("\"capacityMw\": 25") << QByteArray("\"capacityMw\": null")
                                     << QStringLiteral("sites[0].power[0].capacityMw")
                                     << QStringLiteral("must be a number, not null");
        QTest::newRow("sites not a list") << QByteArray("\"sites\": [") << QByteArray("\"sites\": \"none\", \"x\": [")
                                          << QStringLiteral("sites") << QStringLiteral("must be a list, not text");
        QTest::newRow("non-finite number")
            << QByteArray("\"itCapacityMw\": 20") << QByteArray("\"itCapacityMw\": 1e999")
            << QStringLiteral("sites[0].facility.itCapacityMw") << QStringLiteral("1e999 is not a finite number");
        QTest::newRow("horizon out of range")
            << QByteArray("\"horizonMonths\": 24") << QByteArray("\"horizonMonths\": 601")
            << QStringLiteral("horizonMonths") << QStringLiteral("from 1 to 600 (found 601)");
        QTest::newRow("percentage out of range")
            << QByteArray("\"utilizationPct\": 85") << QByteArray("\"utilizationPct\": 101")
            << QStringLiteral("assumptions.utilizationPct") << QStringLiteral("Utilization must be from 0 to 100% (found 101)");
        QTest::newRow("pue out of range")
            << QByteArray("\"name\": \"A\",") << QByteArray("\"name\": \"A\", \"pue\": 3.5,")
            << QStringLiteral("sites[0].pue") << QStringLiteral("from 1 to 3 (found 3.5)");
        QTest::newRow("depreciation zero")
            << QByteArray("\"compute\": 4") << QByteArray("\"compute\": 0")
            << QStringLiteral("assumptions.depreciationYears.compute") << QStringLiteral("more than 0 years");
        QTest::newRow("count not whole") << QByteArray("\"count\": 10000") << QByteArray("\"count\": 2.5")
                                         << QStringLiteral("sites[0].compute[0].count")
                                         << QStringLiteral("must be a whole number (found 2.5)");
        QTest::newRow("count zero") << QByteArray("\"count\": 10000") << QByteArray("\"count\": 0")
                                    << QStringLiteral("sites[0].compute[0].count")
                                    << QStringLiteral("Count must be a whole number from 1 to 10,000,000 (found 0)");
        QTest::newRow("count huge") << QByteArray("\"count\": 10000") << QByteArray("\"count\": 1e20")
                                    << QStringLiteral("sites[0].compute[0].count")
                                    << QStringLiteral("Count must be a whole number from 1 to 10,000,000 (found 1e+20)");
        QTest::newRow("itKw zero") << QByteArray("\"count\": 10000,")
                                   << QByteArray("\"count\": 10000, \"itKwPerAccelerator\": 0,")
                                   << QStringLiteral("sites[0].compute[0].itKwPerAccelerator")
                                   << QStringLiteral("more than 0 kW");
        QTest::newRow("unit capex above limit")
            << QByteArray("\"count\": 10000,") << QByteArray("\"count\": 10000, \"unitCapexUsd\": 2000000,")
            << QStringLiteral("sites[0].compute[0].unitCapexUsd") << QStringLiteral("Unit price must be from $0 to $1,000,000");
        QTest::newRow("duration not whole") << QByteArray("\"permitMonths\": 2") << QByteArray("\"permitMonths\": 2.5")
                                            << QStringLiteral("sites[0].facility.permitMonths")
                                            << QStringLiteral("whole number of months from 0 to 600");
        QTest::newRow("negative MW") << QByteArray("\"capacityMw\": 25") << QByteArray("\"capacityMw\": -25")
                                     << QStringLiteral("sites[0].power[0].capacityMw")
                                     << QStringLiteral("Capacity must be from 0 to 50,000 MW (found -25)");
        QTest::newRow("low above mode") << QByteArray("{\"low\": 6, \"mode\": 8")
                                        << QByteArray("{\"low\": 9, \"mode\": 8")
                                        << QStringLiteral("sites[0].facility.buildMonths")
                                        << QStringLiteral("Build duration: low 9 is above likely (mode) 8");
        QTest::newRow("mode above high") << QByteArray("\"high\": 12") << QByteArray("\"high\": 7")
                                         << QStringLiteral("sites[0].facility.buildMonths")
                                         << QStringLiteral("Build duration: likely (mode) 8 is above high 7");
        QTest::newRow("three-point extra key")
            << QByteArray("\"high\": 12}") << QByteArray("\"high\": 12, \"p50\": 8}")
            << QStringLiteral("sites[0].facility.buildMonths") << QStringLiteral("\"p50\" is not one of them");
        QTest::newRow("three-point missing key")
            << QByteArray("\"mode\": 8, ") << QByteArray() << QStringLiteral("sites[0].facility.buildMonths")
            << QStringLiteral("\"mode\" is missing");
        QTest::newRow("malformed month") << QByteArray("\"orderMonth\": \"2025-03\"")
                                         << QByteArray("\"orderMonth\": \"2025-13\"")
                                         << QStringLiteral("sites[0].compute[0].orderMonth")
                                         << QStringLiteral("\"2025-13\" is not a month");
        QTest::newRow("month with day") << QByteArray("\"startMonth\": \"2025-01\"")
                                        << QByteArray("\"startMonth\": \"2025-01-01\"") << QStringLiteral("startMonth")
                                        << QStringLiteral("write YYYY-MM");
        QTest::newRow("unknown kind") << QByteArray("\"kind\": \"grid\"") << QByteArray("\"kind\": \"nuclear\"")
                                      << QStringLiteral("sites[0].power[0].kind")
                                      << QStringLiteral("unknown power source kind \"nuclear\"");
        QTest::newRow("unknown cooling") << QByteArray("\"cooling\": \"dlc\"") << QByteArray("\"cooling\": \"water\"")
                                         << QStringLiteral("sites[0].facility.cooling")
                                         << QStringLiteral("use one of air, dlc, immersion");
        QTest::newRow("unknown catalog id")
            << QByteArray("\"h100_sxm\"") << QByteArray("\"h100\"") << QStringLiteral("sites[0].compute[0].accelerator")
            << QStringLiteral("unknown accelerator \"h100\"");
        QTest::newRow("duplicate site name")
            << QByteArray("\n  ]\n}")
            << QByteArray(", {\"name\": \"A\", \"facility\": {\"itCapacityMw\": 1, \"permitStartMonth\": \"2025-01\", "
                          "\"permitMonths\": 0, \"constructionStartMonth\": \"2025-01\", \"buildMonths\": 0}}\n  ]\n}")
            << QStringLiteral("sites[1].name") << QStringLiteral("already used by sites[0]");
        QTest::newRow("duplicate item name")
            << QByteArray("\"name\": \"Chillers\"") << QByteArray("\"name\": \"Phase 1\"")
            << QStringLiteral("sites[0].cooling[0].name") << QStringLiteral("already used by sites[0].compute[0]");
        QTest::newRow("duplicate key") << QByteArray("\"name\": \"A\",")
                                       << QByteArray("\"name\": \"A\", \"name\": \"B\",")
                                       << QStringLiteral("sites[0].name") << QStringLiteral("appears twice");
        QTest::newRow("wrong format") << QByteArray("\"clusterplan.scenario\"")
                                      << QByteArray("\"clusterplan.workspace\"") << QStringLiteral("format")
                                      << QStringLiteral("not a ClusterPlan scenario");
        QTest::newRow("newer format version")
            << QByteArray("\"formatVersion\": 1") << QByteArray("\"formatVersion\": 2")
            << QStringLiteral("formatVersion") << QStringLiteral("version 2 is not supported");
        QTest::newRow("syntax error") << QByteArray("\"horizonMonths\": 24,") << QByteArray("\"horizonMonths\": 24,,")
                                      << QStringLiteral("horizonMonths")
                                      << QStringLiteral("not valid JSON: parse error at line 6");
        // Returns (docs/methodology.md, "Returns"): an unknown residual value, a price out of range.
        QTest::newRow("unknown residual value")
            << QByteArray("\"utilizationPct\": 85,") << QByteArray("\"utilizationPct\": 85, \"residualValue\": \"market\",")
            << QStringLiteral("assumptions.residualValue") << QStringLiteral("unknown residual value \"market\"");
        QTest::newRow("negative price")
            << QByteArray("\"utilizationPct\": 85,")
            << QByteArray("\"utilizationPct\": 85, \"computePriceUsdPerAcceleratorHour\": -2,")
            << QStringLiteral("assumptions.computePriceUsdPerAcceleratorHour")
            << QStringLiteral("Value of compute must be from $0 to $1,000 per hour (found -2)");
        QTest::newRow("sold share over 100")
            << QByteArray("\"leadTimeMonths\": 6}") << QByteArray("\"leadTimeMonths\": 6, \"soldPct\": 120}")
            << QStringLiteral("sites[0].compute[0].soldPct") << QStringLiteral("Sold must be from 0 to 100%");
        // Optimizer inputs.
        const QByteArray grid("\"leadTimeMonths\": 12}");
        const auto gridWith = [](const char *extra) -> QByteArray {
            return QByteArray("\"leadTimeMonths\": 12, ") + extra + '}';
        };
        QTest::newRow("order window ends before it starts")
            << grid << gridWith(R"("orderWindow": {"earliest": "2024-09", "latest": "2024-06"})")
            << QStringLiteral("sites[0].power[0].orderWindow")
            << QStringLiteral("earliest 2024-09 is after latest 2024-06; a window needs earliest <= latest");
        QTest::newRow("retire window outside the accepted months")
            << grid << gridWith(R"("retireWindow": {"earliest": "1980-01", "latest": "2026-01", "none": true})")
            << QStringLiteral("sites[0].power[0].retireWindow.earliest")
            << QStringLiteral("1980-01 is outside the months a plan may name (1990-01 to 2100-12)");
        QTest::newRow("window without latest")
            << grid << gridWith(R"("orderWindow": {"earliest": "2024-06"})")
            << QStringLiteral("sites[0].power[0].orderWindow.latest") << QStringLiteral("required field is missing");
        QTest::newRow("window month malformed")
            << grid << gridWith(R"("orderWindow": {"earliest": "2024-6", "latest": "2024-07"})")
            << QStringLiteral("sites[0].power[0].orderWindow.earliest") << QStringLiteral("is not a month");
        QTest::newRow("none in an order window")
            << grid << gridWith(R"("orderWindow": {"earliest": "2024-06", "latest": "2024-07", "none": true})")
            << QStringLiteral("sites[0].power[0].orderWindow") << QStringLiteral("\"none\" is not one of them");
        QTest::newRow("optional not true or false")
            << grid << gridWith(R"("optional": "yes")") << QStringLiteral("sites[0].power[0].optional")
            << QStringLiteral("must be true or false, not text");
        QTest::newRow("tranche order window")
            << QByteArray("\"leadTimeMonths\": 6}")
            << QByteArray(R"("leadTimeMonths": 6, "optional": true, "orderWindow": {"earliest": "2025-04", "latest": "2025-03"}})")
            << QStringLiteral("sites[0].compute[0].orderWindow") << QStringLiteral("earliest 2025-04 is after latest 2025-03");
        QTest::newRow("item not an object")
            << QByteArray("\"power\": [") << QByteArray("\"power\": [42, ") << QStringLiteral("sites[0].power[0]")
            << QStringLiteral("must be an object, not a number");
    }
    void badInput()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, path);
        QFETCH(QString, message);
        QByteArray doc(kValid);
        QVERIFY2(doc.contains(from), from.constData());
        doc.replace(doc.indexOf(from), from.size(), to);
        const ParseResult r = parse(doc);
        QVERIFY(!r.scenario);
        QVERIFY(!r.ok());
        QVERIFY(!r.unreadable);
        bool found = false;
        for (const Problem &p : r.problems) {
            QCOMPARE(p.file, QStringLiteral("plan.json"));
            if (p.path == path && p.message.contains(message))
                found = true;
        }
        QVERIFY2(found, qPrintable(describe(r)));
        // One mistake, one problem: no follow-on noise about the same field.
        QCOMPARE(r.problems.size(), std::size_t(1));
    }

    void everyProblemAtOnce()
    {
        QByteArray doc(kValid);
        doc.replace("\"horizonMonths\": 24", "\"horizonMonths\": 0");
        doc.replace("\"count\": 10000", "\"count\": \"many\"");
        doc.replace("\"kind\": \"chiller\"", "\"kind\": \"icebox\"");
        doc.replace("\"orderMonth\": \"2024-06\"", "\"orderMonth\": \"June\"");
        const ParseResult r = parse(doc);
        QVERIFY(!r.scenario);
        QStringList paths;
        for (const Problem &p : r.problems)
            paths << p.path;
        paths.sort();
        QCOMPARE(paths,
                 (QStringList { QStringLiteral("horizonMonths"), QStringLiteral("sites[0].compute[0].count"),
                                QStringLiteral("sites[0].cooling[0].kind"),
                                QStringLiteral("sites[0].power[0].orderMonth") }));
    }

    void topLevelMustBeAnObject()
    {
        const ParseResult r = parse("[1, 2]");
        QVERIFY(!r.scenario);
        QCOMPARE(r.problems.size(), std::size_t(1));
        QVERIFY2(r.problems[0].message.contains(QStringLiteral("must be a JSON object")), qPrintable(describe(r)));
    }

    void deepNestingIsRefused_data()
    {
        QTest::addColumn<int>("levels");
        QTest::addColumn<bool>("accepted");
        // The document object is level 1, so an unknown key can hold 63 more levels.
        QTest::newRow("64 levels") << 63 << true;
        QTest::newRow("65 levels") << 64 << false;
        // Far beyond any stack a recursive parser could survive.
        QTest::newRow("1,000,000 levels") << 1000000 << false;
    }
    void deepNestingIsRefused()
    {
        QFETCH(int, levels);
        QFETCH(bool, accepted);
        QByteArray doc(kValid);
        const QByteArray nested = QByteArray(levels, '[') + QByteArray(levels, ']');
        const QByteArray withDeepKey = QByteArray("\"name\": \"Small\", \"x-deep\": ") + nested + QByteArray(",");
        doc.replace("\"name\": \"Small\",", withDeepKey);
        const ParseResult r = parse(doc);
        QCOMPARE(r.ok(), accepted);
        if (!accepted) {
            QCOMPARE(r.problems.size(), std::size_t(1));
            QVERIFY2(r.problems[0].message.contains(QStringLiteral("more than 64 levels")), qPrintable(describe(r)));
            QVERIFY2(r.problems[0].path.startsWith(QStringLiteral("x-deep[0][0]")), qPrintable(describe(r)));
        }
    }

    void fileOver64MiBIsRefusedUnread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // A valid document padded with whitespace to 64 MiB + 1 byte: refused on size alone.
        QVERIFY(file.write(kValid) > 0);
        QVERIFY(file.resize(kMaxScenarioFileBytes + 1));
        QVERIFY(file.seek(qstrlen(kValid)));
        const QByteArray spaces(1024 * 1024, ' ');
        while (file.pos() < file.size())
            QVERIFY(file.write(spaces.constData(), std::min<qint64>(spaces.size(), file.size() - file.pos())) > 0);
        file.close();
        const ParseResult r = readScenarioFile(path, Catalog::builtIn());
        QVERIFY(!r.scenario);
        QVERIFY(!r.unreadable);
        QCOMPARE(r.problems.size(), std::size_t(1));
        QCOMPARE(r.problems[0].file, path);
        QVERIFY2(r.problems[0].message.contains(QStringLiteral("64 MiB")), qPrintable(describe(r)));

        // The same bytes in memory are refused as well.
        QVERIFY(!parse(readAll(path)).ok());
        // One byte less is read (and is a valid document).
        QVERIFY(QFile::resize(path, kMaxScenarioFileBytes));
        const ParseResult atLimit = readScenarioFile(path, Catalog::builtIn());
        QVERIFY2(atLimit.ok(), qPrintable(describe(atLimit)));
    }

    void missingFileIsUnreadable()
    {
        const ParseResult r = readScenarioFile(QStringLiteral("/nonexistent/plan.json"), Catalog::builtIn());
        QVERIFY(!r.scenario);
        QVERIFY(r.unreadable);
        QCOMPARE(r.problems.size(), std::size_t(1));
        QCOMPARE(r.problems[0].file, QStringLiteral("/nonexistent/plan.json"));
        QVERIFY(r.problems[0].message.startsWith(QStringLiteral("cannot read the file")));
    }

    void canonicalForm()
    {
        Scenario s;
        s.name = QStringLiteral("Zürich ✓");
        s.startMonth = Month::fromYearMonth(2030, 2);
        s.horizonMonths = 12;
        s.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(0.1);
        Site site;
        site.name = QStringLiteral("S");
        site.facility.itCapacityMw = 45000.0;
        site.facility.permitStartMonth = Month::fromYearMonth(2030, 1);
        site.facility.constructionStartMonth = Month::fromYearMonth(2030, 3);
        site.facility.permitMonths = ThreePoint::fixed(3);
        site.facility.buildMonths = ThreePoint { 1, 2, 3 };
        site.facility.capexUsd = ThreePoint::fixed(1e12); // the bound: $1 trillion
        s.sites.push_back(site);
        const QByteArray text = writeScenarioJson(s);
        QVERIFY(text.endsWith("}\n"));
        QVERIFY(text.startsWith(
            "{\n  \"format\": \"clusterplan.scenario\",\n  \"formatVersion\": 1,\n  \"name\": \"Zürich ✓\",\n"));
        QVERIFY2(text.contains("\"itCapacityMw\": 45000,"), text.constData());
        QVERIFY2(text.contains("\"gasUsdPerMmbtu\": 0.1,"), text.constData());
        QVERIFY2(text.contains("\"permitMonths\": 3,"), text.constData());
        QVERIFY2(
            text.contains(
                "\"buildMonths\": {\n          \"low\": 1,\n          \"mode\": 2,\n          \"high\": 3\n        }"),
            text.constData());
        QVERIFY2(text.contains("\"capexUsd\": 1000000000000"), text.constData());
        QVERIFY2(text.contains("\"startMonth\": \"2030-02\""), text.constData());
        QVERIFY2(text.contains("\"compute\": [],"), text.constData());
        // Absent optionals stay absent.
        QVERIFY(!text.contains("\"pue\""));
        QVERIFY(!text.contains("\"coolingMw\""));
        QVERIFY(!text.contains("\"capexUsdPerMwIt\""));
        // Spec key order within the document.
        QVERIFY(text.indexOf("\"startMonth\"") < text.indexOf("\"horizonMonths\""));
        QVERIFY(text.indexOf("\"horizonMonths\"") < text.indexOf("\"assumptions\""));
        QVERIFY(text.indexOf("\"assumptions\"") < text.indexOf("\"sites\""));

        const ParseResult back = parse(text);
        QVERIFY2(back.ok(), qPrintable(describe(back)));
        QCOMPARE(*back.scenario, s);
        QCOMPARE(writeScenarioJson(*back.scenario), text);
    }

    // Every returns field survives write -> read -> write; a plan without them writes none.
    void returnsFieldsRoundTrip()
    {
        ParseResult r = parse(QByteArray(kValid));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(!writeScenarioJson(*r.scenario).contains("computePriceUsdPerAcceleratorHour"));
        QVERIFY(!writeScenarioJson(*r.scenario).contains("residualValue"));
        Scenario s = *r.scenario;
        s.assumptions.computePriceUsdPerAcceleratorHour = ThreePoint{1.7, 2.2, 4.0};
        s.assumptions.burnInMonths = 2;
        s.assumptions.residualValue = ResidualValue::Book;
        s.assumptions.residualPctOfBook = ResidualPctOfBook{40, 90, 60, 50};
        s.sites[0].compute[0].priceUsdPerAcceleratorHour = ThreePoint::fixed(3.0);
        s.sites[0].compute[0].soldPct = 70;
        s.sites[0].compute[0].salvagePctOfBook = 20;
        s.sites[0].power[0].salvagePctOfBook = 10;
        s.sites[0].cooling[0].salvagePctOfBook = 5;
        const QByteArray text = writeScenarioJson(s);
        const ParseResult back = parse(text);
        QVERIFY2(back.ok(), qPrintable(describe(back)));
        QCOMPARE(*back.scenario, s);
        QCOMPARE(writeScenarioJson(*back.scenario), text);
        QVERIFY(text.contains("\"residualValue\": \"book\""));
    }

    void optimizerInputsRoundTrip()
    {
        // The optimizer's fields are written after retireMonth, only when present, and read back
        // as written.
        ParseResult r = parse(QByteArray(kValid));
        QVERIFY(r.ok());
        Scenario s = *r.scenario;
        const QByteArray without = writeScenarioJson(s);
        QVERIFY(!without.contains("optional"));
        QVERIFY(!without.contains("Window"));
        Site &site = s.sites[0];
        site.compute[0].optional = true;
        site.compute[0].orderWindow = OrderWindow { Month::fromYearMonth(2025, 1), Month::fromYearMonth(2025, 6) };
        site.power[1].optional = true;
        site.power[1].retireWindow = RetireWindow { Month::fromYearMonth(2026, 1), Month::fromYearMonth(2026, 6), true };
        site.cooling[0].orderWindow = OrderWindow { Month::fromYearMonth(2025, 2), Month::fromYearMonth(2025, 2) };
        site.cooling[0].retireWindow = RetireWindow { Month::fromYearMonth(2027, 1), Month::fromYearMonth(2027, 3), false };
        const QByteArray text = writeScenarioJson(s);
        QVERIFY2(text.contains("\"depositPct\": 0,\n          \"optional\": true,\n          \"orderWindow\": {\n"
                               "            \"earliest\": \"2025-01\",\n            \"latest\": \"2025-06\"\n          }"),
                 text.constData());
        QVERIFY2(text.contains("\"retireWindow\": {\n            \"earliest\": \"2026-01\",\n            \"latest\": "
                               "\"2026-06\",\n            \"none\": true\n          }"),
                 text.constData());
        QVERIFY2(text.contains("\"latest\": \"2027-03\"\n          }"), text.constData()); // no "none": false
        const ParseResult back = parse(text);
        QVERIFY2(back.ok(), qPrintable(describe(back)));
        QCOMPARE(*back.scenario, s);
        QCOMPARE(writeScenarioJson(*back.scenario), text);
    }

    void examplesAreValidAndCanonical_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : exampleFiles())
            QTest::newRow(qPrintable(file)) << file;
    }
    void examplesAreValidAndCanonical()
    {
        QFETCH(QString, file);
        const QByteArray bytes = readAll(examplesDir() + QLatin1Char('/') + file);
        QVERIFY(!bytes.isEmpty());
        // The copy compiled into the program is the same file.
        QCOMPARE(readAll(QStringLiteral(":/examples/") + file), bytes);
        const ParseResult r = parse(bytes);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.scenario->description.size() > 200);
        // write -> parse -> write gives the same bytes, and the shipped file is that form.
        QCOMPARE(writeScenarioJson(*r.scenario), bytes);
    }

    void exportImportExportIsIdentical_data() { examplesAreValidAndCanonical_data(); }
    void exportImportExportIsIdentical()
    {
        QFETCH(QString, file);
        const ParseResult r = parse(readAll(examplesDir() + QLatin1Char('/') + file));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QByteArray exported = exportScenarioJson(*r.scenario, Catalog::builtIn());
        const ParseResult imported = parse(exported);
        QVERIFY2(imported.ok(), qPrintable(describe(imported)));
        QCOMPARE(exportScenarioJson(*imported.scenario, Catalog::builtIn()), exported);
        // An exported file is its own as-written form: everything is stated.
        QCOMPARE(writeScenarioJson(*imported.scenario), exported);
        QVERIFY(exported.contains("\"pue\""));
    }

    void exportDoesNotDependOnTheCatalog_data() { examplesAreValidAndCanonical_data(); }
    void exportDoesNotDependOnTheCatalog()
    {
        QFETCH(QString, file);
        // A catalog whose defaults all differ from the shipped one where the examples use them.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source = QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/catalog/");
        for (const char *name : { "accelerators.json", "power.json", "cooling.json", "globals.json" }) {
            QByteArray bytes = readAll(source + QLatin1String(name));
            QVERIFY(!bytes.isEmpty());
            // Scale every default value by 1.25 (ranges stay ordered: low and high scale too).
            QByteArray out;
            for (const QByteArray &line : bytes.split('\n')) {
                QByteArray l = line;
                for (const char *key : { "\"value\": ", "\"low\": ", "\"high\": " }) {
                    const qsizetype at = l.indexOf(key);
                    if (at < 0)
                        continue;
                    const qsizetype start = at + qstrlen(key);
                    const bool comma = l.endsWith(',');
                    bool ok = false;
                    const double v = l.mid(start, l.size() - start - (comma ? 1 : 0)).toDouble(&ok);
                    QVERIFY(ok);
                    // PUE must stay within 1..3 and fractions within 0..1: nudge instead of scaling.
                    const double changed = v > 0 && v < 1 ? v * 0.9 : (v > 1 && v < 2 ? v * 1.01 : v * 1.25);
                    l = l.left(start) + QByteArray::number(changed, 'g', 17) + (comma ? "," : "");
                }
                out += l + '\n';
            }
            out.chop(1);
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write(out) == out.size());
        }
        QString error;
        const std::optional<Catalog> other = Catalog::loadFromDirectory(dir.path(), &error);
        QVERIFY2(other, qPrintable(error));

        const ParseResult r = parse(readAll(examplesDir() + QLatin1Char('/') + file));
        QVERIFY(r.ok());
        const QByteArray exported = exportScenarioJson(*r.scenario, Catalog::builtIn());
        const ParseResult imported = parseScenarioJson(exported, *other, QStringLiteral("exported.json"));
        QVERIFY2(imported.ok(), qPrintable(describe(imported)));
        // Resolving the exported plan against another catalog changes nothing.
        QCOMPARE(exportScenarioJson(*imported.scenario, *other), exported);
        QVERIFY(exportScenarioJson(*r.scenario, *other) != exported);
    }
};

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "tst_scenariojson.moc"
