#include "catalog/catalog.h"
#include "domain/kinds.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cp;

// The shipped catalog loads, every value carries its provenance and a consistent range, and a
// broken catalog is refused with a message naming the file, the entry and the field.
class TestCatalog : public QObject
{
    Q_OBJECT

private:
    static QString sourceCatalogDir() { return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/catalog"); }

    // A copy of the shipped catalog in a temporary directory, with `from` replaced by `to` in `file`.
    static bool writeBrokenCopy(const QTemporaryDir &dir, const QString &file, const QByteArray &from,
                                const QByteArray &to)
    {
        for (const char *name : { "accelerators.json", "power.json", "cooling.json", "globals.json" }) {
            QFile in(sourceCatalogDir() + QLatin1Char('/') + QLatin1String(name));
            if (!in.open(QIODevice::ReadOnly))
                return false;
            QByteArray bytes = in.readAll();
            if (file == QLatin1String(name)) {
                if (!bytes.contains(from))
                    return false;
                bytes.replace(from, to);
            }
            QFile out(dir.filePath(QLatin1String(name)));
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
                return false;
        }
        return true;
    }

private slots:
    void builtInHasEverySpecId()
    {
        const Catalog &catalog = Catalog::builtIn();
        for (const char *id : { "a100_sxm", "h100_sxm", "h200_sxm", "b200_hgx", "gb200_nvl72", "gb300_nvl72", "mi300x",
                                "mi325x", "mi355x", "trainium2", "tpu_v5p", "tpu_v6e" })
            QVERIFY2(catalog.accelerator(QString::fromLatin1(id)) != nullptr, id);
        QVERIFY(catalog.accelerator(u"h100") == nullptr);
        QCOMPARE(catalog.accelerators().size(), std::size_t(12));
    }

    void builtInMatchesTheDirectory()
    {
        QString error;
        const std::optional<Catalog> fromDisk = Catalog::loadFromDirectory(sourceCatalogDir(), &error);
        QVERIFY2(fromDisk, qPrintable(error));
        QCOMPARE(fromDisk->entries().size(), Catalog::builtIn().entries().size());
    }

    void everyValueHasProvenanceAndOrderedRange()
    {
        const std::vector<CatalogEntry> entries = Catalog::builtIn().entries();
        QVERIFY(entries.size() > 100);
        for (const CatalogEntry &e : entries) {
            const QString where = e.group + QLatin1Char('/') + e.item + QLatin1Char('/') + e.key;
            QVERIFY2(!e.field.isEmpty() && !e.item.isEmpty(), qPrintable(where));
            QVERIFY2(!e.value.source.isEmpty(), qPrintable(where));
            QVERIFY2(!e.value.unit.isEmpty(), qPrintable(where));
            QVERIFY2(e.value.asOfMonth().has_value(), qPrintable(where));
            QVERIFY2(e.value.asOfMonth() <= Month::fromYearMonth(2026, 11), qPrintable(where)); // no future dates
            QVERIFY2(QStringList({ QStringLiteral("H"), QStringLiteral("M"), QStringLiteral("L") })
                         .contains(e.value.confidence),
                     qPrintable(where));
            QVERIFY2(e.value.low <= e.value.value && e.value.value <= e.value.high, qPrintable(where));
            QVERIFY2(e.value.low >= 0, qPrintable(where));
            // Estimates must say why.
            if (e.value.estimate)
                QVERIFY2(!e.value.note.isEmpty(), qPrintable(where));
        }
    }

    void figuresFromTheReference()
    {
        // Spot checks against domain-data.md section 8.
        const Catalog &c = Catalog::builtIn();
        const AcceleratorSpec *h100 = c.accelerator(u"h100_sxm");
        QVERIFY(h100);
        QCOMPARE(h100->itKwPerAccelerator.range(), (solver::ThreePoint { 1.25, 1.4, 1.6 }));
        QVERIFY(h100->unitCapexUsd);
        QCOMPARE(h100->unitCapexUsd->range(), (solver::ThreePoint { 38000, 45000, 55000 }));
        QCOMPARE(h100->bf16Tflops.value, 989.0);
        for (const char *cloudOnly : { "trainium2", "tpu_v5p", "tpu_v6e" })
            QVERIFY2(!c.accelerator(QString::fromLatin1(cloudOnly))->unitCapexUsd, cloudOnly);

        QCOMPARE(c.facilityCooling(FacilityCooling::Dlc).pue.value, 1.15);
        QCOMPARE(c.facilityCooling(FacilityCooling::Air).pue.value, 1.35);
        QCOMPARE(c.facilityCooling(FacilityCooling::Immersion).pue.value, 1.05);

        const PowerKindSpec &grid = c.powerKind(PowerKind::Grid);
        QCOMPARE(grid.fixedOmUsdPerKwYear.value, 0.0);
        QVERIFY(!grid.heatRateBtuPerKwh);
        QCOMPARE(c.powerKind(PowerKind::GasCcgt).heatRateBtuPerKwh->value, 6300.0);
        QCOMPARE(c.powerKind(PowerKind::Bess).capexUsdPerKwh->range(), (solver::ThreePoint { 180, 300, 450 }));
        // $30 per kW-month = $30,000 per MW-month.
        QCOMPARE(c.powerKind(PowerKind::MobileTurbine).rentUsdPerMwMonth->value, 30000.0);
        // $40 per ton-month x (1000 / 3.517) tons per MW = $11,373 -> $11,400 per MW-month.
        QCOMPARE(c.coolingPlant(CoolingPlantKind::RentalChiller).rentUsdPerMwMonth->value, 11400.0);
        for (int k = 0; k < 7; ++k)
            QCOMPARE(c.powerKind(static_cast<PowerKind>(k)).kind, static_cast<PowerKind>(k));

        QCOMPARE(c.globals().capexUsdPerMwIt.value, 12e6);
        QCOMPARE(c.globals().swingFraction.value, 0.6);
        QCOMPARE(c.globals().interruptionsPerAcceleratorYear.value, 0.17);
        QCOMPARE(c.globals().spareRatio.value, 0.05);
    }

    void staleness()
    {
        CatalogValue v;
        v.asOf = QStringLiteral("2024-06");
        // 24 months later is still fresh; 25 months later is stale.
        QVERIFY(!v.isStale(Month::fromYearMonth(2026, 6)));
        QVERIFY(v.isStale(Month::fromYearMonth(2026, 7)));
        v.asOf = QStringLiteral("June 2024");
        QVERIFY(v.isStale(Month::fromYearMonth(2024, 6)));
    }

    void brokenCatalogNamesFileEntryAndField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected");

        // h100 itKwPerAccelerator is {"value": 1.4, "low": 1.25, ...}.
        QTest::newRow("low above value")
            << QStringLiteral("accelerators.json") << QByteArray("\"value\": 1.4,\n        \"low\": 1.25")
            << QByteArray("\"value\": 1.4,\n        \"low\": 1.6")
            << QStringLiteral(
                   "accelerators.json: entry 'h100_sxm': field 'itKwPerAccelerator': low 1.6 is above value 1.4");
        QTest::newRow("bad month")
            << QStringLiteral("power.json") << QByteArray("\"asOf\": \"2025-05\"") << QByteArray("\"asOf\": \"2025-5\"")
            << QStringLiteral(
                   "power.json: entry 'gas_ccgt': field 'leadTimeMonths': asOf '2025-5' is not a month (YYYY-MM)");
        QTest::newRow("bad confidence")
            << QStringLiteral("globals.json") << QByteArray("\"confidence\": \"H\"")
            << QByteArray("\"confidence\": \"X\"")
            << QStringLiteral("globals.json: entry 'globals': field 'spareRatio': confidence 'X' must be H, M or L");
        QTest::newRow("unknown kind")
            << QStringLiteral("cooling.json") << QByteArray("\"kind\": \"rental_chiller\"")
            << QByteArray("\"kind\": \"rental_chiler\"")
            << QStringLiteral(
                   "cooling.json: entry 'rental_chiler': unknown cooling plant kind (chiller, rental_chiller)");
        QTest::newRow("duplicate id") << QStringLiteral("accelerators.json") << QByteArray("\"id\": \"h200_sxm\"")
                                      << QByteArray("\"id\": \"h100_sxm\"")
                                      << QStringLiteral("accelerators.json: entry 'h100_sxm': the id is listed twice");
        QTest::newRow("missing source")
            << QStringLiteral("accelerators.json")
            << QByteArray("\"source\": \"glennklockwood.com/garden/processors/A100 citing the NVIDIA A100 datasheet\"")
            << QByteArray("\"sauce\": \"x\"")
            << QStringLiteral(
                   "accelerators.json: entry 'a100_sxm': field 'bf16Tflops': \"source\" must be a non-empty string");
        QTest::newRow("not json") << QStringLiteral("globals.json") << QByteArray("\"globals\": {")
                                  << QByteArray("\"globals\": {,")
                                  << QStringLiteral(
                                         "globals.json: globals: not valid JSON: parse error at line 5, column 15");
    }
    void brokenCatalogNamesFileEntryAndField()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeBrokenCopy(dir, file, from, to));
        QString error;
        const std::optional<Catalog> catalog = Catalog::loadFromDirectory(dir.path(), &error);
        QVERIFY(!catalog);
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void missingFileIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(!Catalog::loadFromDirectory(dir.path(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("accelerators.json: cannot read ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
