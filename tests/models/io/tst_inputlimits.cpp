#include "catalog/catalog.h"
#include "io/scenariojson.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cp;
using namespace cp::io;

// Valid-looking but extreme input (issue 21): reading and checking it takes time and memory in
// proportion to the input, and what is reported stays readable.
namespace {

QByteArray header()
{
    return QByteArrayLiteral(R"({"format": "clusterplan.scenario", "formatVersion": 1, "name": "Extreme",)"
                             R"( "startMonth": "2025-01", "horizonMonths": 60, "sites": [)");
}

// `sites` sites, each with `items` empty compute items: every one of them is missing its fields,
// so tens of thousands of problems, each found by the reader and again by validation.
QByteArray emptyItems(int sites, int items)
{
    QByteArray text = header();
    for (int s = 0; s < sites; ++s) {
        text += s ? ",{\"compute\": [" : "{\"compute\": [";
        for (int i = 0; i < items; ++i)
            text += i ? ",{}" : "{}";
        text += "]}";
    }
    return text + "]}";
}

} // namespace

class TestInputLimits : public QObject
{
    Q_OBJECT

private slots:
    // 500 sites x 20 empty items: 51,000 problems from the reader and more from validation.
    // Matching them pair by pair grew with the square of their number; now it is one pass. Only the first 100
    // are listed, then a count of the rest.
    void manyProblemsAreFoundInOnePassAndCapped()
    {
        const QByteArray text = emptyItems(500, 20);
        QElapsedTimer timer;
        timer.start();
        const ParseResult parsed = parseScenarioJson(text, Catalog::builtIn(), QStringLiteral("many.json"));
        const qint64 ms = timer.elapsed();
        // Pair by pair this took 7 s on the 2-core CI machine; one pass takes 0.2 s.
        QVERIFY2(ms < 3000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        QVERIFY(!parsed.scenario);
        QCOMPARE(parsed.problems.size(), kMaxReportedProblems + 1);
        QCOMPARE(parsed.problems.front().path, QStringLiteral("sites[0].name"));
        const Problem &last = parsed.problems.back();
        QCOMPARE(last.file, QStringLiteral("many.json"));
        QVERIFY(last.path.isEmpty());
        QVERIFY2(last.message.contains(QStringLiteral(" more problems are not listed")), qPrintable(last.message));
        // The count is the rest: a number well above the 100 shown.
        const qlonglong rest = last.message.section(QLatin1Char(' '), 0, 0).toLongLong();
        QVERIFY2(rest > 10000, qPrintable(last.message));
    }

    // A few problems are all listed, with no count line.
    void fewProblemsAreAllListed()
    {
        const ParseResult parsed = parseScenarioJson(emptyItems(1, 1), Catalog::builtIn(), QStringLiteral("few.json"));
        QVERIFY(!parsed.problems.empty());
        QVERIFY(parsed.problems.size() <= kMaxReportedProblems);
        for (const Problem &p : parsed.problems)
            QVERIFY2(!p.message.contains(QStringLiteral("not listed")), qPrintable(p.message));
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_inputlimits.moc"
