#include "analysis/comparison.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "format/units.h"
#include "io/scenariojson.h"
#include "itemmodels/kpilistmodel.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "storage/workspace.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// `clusterplan-cli report ... --pdf OUT` end to end, read back the way a person or a script
// would: poppler's pdftotext and pdfinfo (poppler-utils, installed by installer/setup-deps.sh).
namespace {

struct Run {
    int exitCode;
    QByteArray out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const QStringList &arguments)
{
    return run(QStringLiteral(CLUSTERPLAN_BIN_DIR "/clusterplan-cli"), arguments);
}

QString example(const char *name)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(name);
}

cp::Scenario scenarioOf(const QString &file)
{
    const auto parsed = cp::io::readScenarioFile(file, cp::Catalog::builtIn());
    return parsed.ok() ? *parsed.scenario : cp::Scenario{};
}

// Text of the PDF (or of pages first..last): "-layout" keeps table rows on one line; "-raw"
// keeps the order things were drawn in, so a wrapped cell reads as one run of words.
QString pdfText(const QString &pdf, const QString &mode, int first = 0, int last = 0)
{
    QStringList args{mode};
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    args << pdf << QStringLiteral("-");
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), args).out);
}

// Whitespace runs as one space, and a line broken after a hyphen ("accelerator-\nyear") joined
// again: the PDF's text wraps where the line ends, the message does not.
QString collapsed(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("-\\s*\\n\\s*")), QStringLiteral("-"));
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

QString pdfInfo(const QString &pdf)
{
    return QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).out);
}

int pageCount(const QString &pdf)
{
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(pdf));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// "label   value" on one line of the layout text (a table row).
bool hasRow(const QString &layoutText, const QString &label, const QString &value)
{
    const QRegularExpression row(QStringLiteral("(^|\\n)\\s*") + QRegularExpression::escape(label) + QStringLiteral("\\s{2,}")
                                 + QRegularExpression::escape(value) + QStringLiteral("(\\s|$)"));
    return row.match(layoutText).hasMatch();
}

const QString kAsOf = QStringLiteral("2026-05");

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString report(const QString &input, const QString &name, const QStringList &extra = {})
    {
        const QString out = m_dir.filePath(name);
        const Run r = cli(QStringList{QStringLiteral("report"), input, QStringLiteral("--pdf"), out, QStringLiteral("--as-of"), kAsOf}
                          + extra);
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(r.err));
            return QString();
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyExampleRenders_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name : {"memphis-retrofit-100k-h100.json", "meta-2gw-gas-campus.json",
                                 "anthropic-400k-trainium2-cloud.json", "gpt4-era-20k-a100.json", "greenfield-grid-wait.json"})
            QTest::newRow(name) << example(name);
    }

    // Cover, summary, sites, warnings, risk, assumptions, methodology and references; every
    // page after the cover carries the running header and "Page n of N".
    void everyExampleRenders()
    {
        QFETCH(QString, file);
        const cp::Scenario scenario = scenarioOf(file);
        QVERIFY(!scenario.name.isEmpty());
        const QString pdf = report(file, QFileInfo(file).baseName() + QStringLiteral(".pdf"));
        QVERIFY(!pdf.isEmpty());
        const int pages = pageCount(pdf);
        // Cover + summary + sites + warnings + risk + assumptions + methodology (several pages) + references.
        QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));

        const QString all = collapsed(pdfText(pdf, QStringLiteral("-raw")));
        for (const char *section : {"Executive summary", "Sites", "Timelines", "Checks and warnings", "Risk",
                                    "Assumptions and sources", "Methodology", "Reference sources", "Contents"})
            QVERIFY2(all.contains(QLatin1String(section)), section);
        QVERIFY(all.contains(QStringLiteral("ClusterPlan 0.1.0")));
        QVERIFY(all.contains(collapsed(scenario.name)));

        const QString cover = pdfText(pdf, QStringLiteral("-raw"), 1, 1);
        QVERIFY(!cover.contains(QStringLiteral("Page 1 of")));
        for (int page = 2; page <= pages; ++page) {
            const QString text = pdfText(pdf, QStringLiteral("-raw"), page, page);
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)), qPrintable(QString::number(page)));
            // The running header names the scenario (long names are elided, so its first word).
            QVERIFY2(text.contains(scenario.name.section(QLatin1Char(' '), 0, 0)), qPrintable(QString::number(page)));
        }
    }

    // Every KPI label with its value exactly as the window shows it: the KPI panel's eight
    // (KpiListModel) and the full list of the compare view (ResultComparisonModel::formatValue).
    void kpisReadAsOnScreen()
    {
        const QString file = example("meta-2gw-gas-campus.json");
        const QString pdf = report(file, QStringLiteral("kpis.pdf"));
        QVERIFY(!pdf.isEmpty());
        const auto solved = cp::solveScenario(scenarioOf(file), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        QVERIFY(solved->ok());

        const QString summary = pdfText(pdf, QStringLiteral("-raw"), 2, 3);
        cp::KpiListModel panel;
        panel.setSolved(solved);
        // Meta's campus states no value of compute: the eight figures every plan has.
        QCOMPARE(panel.rowCount(), int(cp::KpiListModel::KpiCount) - int(cp::KpiListModel::TotalCapex));
        for (int row = 0; row < panel.rowCount(); ++row) {
            const QString label = panel.index(row, cp::KpiListModel::Label).data().toString();
            const QString value = panel.index(row, cp::KpiListModel::Value).data().toString();
            // A tile: its label, then its value on the next line.
            QVERIFY2(summary.contains(label + QLatin1Char('\n') + value), qPrintable(label + QStringLiteral(": ") + value));
        }

        const QString layout = pdfText(pdf, QStringLiteral("-layout"), 2, 3);
        for (const cp::KpiDefinition &kpi : cp::comparisonKpis()) {
            const QString label = QString::fromUtf8(kpi.label);
            const QString value = cp::ResultComparisonModel::formatValue(kpi, kpi.value(solved->result.kpis));
            QVERIFY2(hasRow(layout, label, value), qPrintable(label + QStringLiteral(": ") + value));
        }
        // Hand-checked against the plan: 150k + 250k GB200 and 300k + 140k GB300 = 840,000.
        QVERIFY(hasRow(layout, QStringLiteral("Planned accelerators"), QStringLiteral("840,000")));
    }

    // Memphis states a value of compute: the summary's tiles lead with the net figures, as the
    // window's panel does, and "Every result" lists the returns figures.
    void netFiguresLeadTheSummary()
    {
        const QString file = example("memphis-retrofit-100k-h100.json");
        const QString pdf = report(file, QStringLiteral("net.pdf"));
        QVERIFY(!pdf.isEmpty());
        const auto solved = cp::solveScenario(scenarioOf(file), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        QVERIFY(solved->ok() && solved->result.kpis.returnsStated);
        const QString summary = pdfText(pdf, QStringLiteral("-raw"), 2, 3);
        cp::KpiListModel panel;
        panel.setSolved(solved);
        QCOMPARE(panel.rowCount(), int(cp::KpiListModel::KpiCount));
        QCOMPARE(panel.kpiAt(0), cp::KpiListModel::NpvNet);
        for (int row = 0; row < panel.rowCount(); ++row) {
            const QString label = panel.index(row, cp::KpiListModel::Label).data().toString();
            const QString value = panel.index(row, cp::KpiListModel::Value).data().toString();
            QVERIFY2(summary.contains(label + QLatin1Char('\n') + value), qPrintable(label + QStringLiteral(": ") + value));
        }
        // The net figure comes before the cost figures on the page.
        QVERIFY(summary.indexOf(QStringLiteral("NPV of net cash flow")) < summary.indexOf(QStringLiteral("Total capex")));
        const QString layout = pdfText(pdf, QStringLiteral("-layout"), 2, 4);
        QVERIFY(hasRow(layout, QStringLiteral("IRR"), cp::format::percent(*solved->result.kpis.irrPct)));
    }

    void warningsAreListed()
    {
        const QString file = example("memphis-retrofit-100k-h100.json");
        const QString pdf = report(file, QStringLiteral("warnings.pdf"));
        QVERIFY(!pdf.isEmpty());
        const auto solved = cp::solveScenario(scenarioOf(file), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        QVERIFY(!solved->result.warnings.empty());
        const QString text = collapsed(pdfText(pdf, QStringLiteral("-raw")));
        for (const auto &warning : solved->result.warnings)
            QVERIFY2(text.contains(collapsed(QString::fromStdString(warning.message))), warning.message.c_str());
    }

    // The executive summary's three answers, in the words a CFO reads.
    void summaryAnswersThreeQuestions()
    {
        const QString pdf = report(example("meta-2gw-gas-campus.json"), QStringLiteral("summary.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString text = collapsed(pdfText(pdf, QStringLiteral("-raw"), 2, 2));
        QVERIFY(text.contains(QStringLiteral("When is it fully powered? From Apr 2029 all 840,000 planned accelerators")));
        QVERIFY(text.contains(QStringLiteral("What does it cost? $83.4B of capital")));
        // The example's own description: power binds until the CCGTs run; CCGT 2 brings full power.
        QVERIFY(text.contains(QStringLiteral("What gates it? Firm power does: Richland Parish campus waits for firm power "
                                             "until CCGT 2 arrives in Apr 2029.")));
    }

    // A plan the building gates reads as one, not "waits for the building until the building arrives".
    void buildingGateReadsPlainly()
    {
        const QString file = example("greenfield-bridge-options.json");
        const QString pdf = report(file, QStringLiteral("building.pdf"));
        QVERIFY(!pdf.isEmpty());
        const auto solved = cp::solveScenario(scenarioOf(file), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        QVERIFY(solved->result.kpis.fullPowerMonth);
        const QString text = collapsed(pdfText(pdf, QStringLiteral("-raw"), 2, 2));
        QVERIFY2(text.contains(QStringLiteral("What gates it? The building does: Northern Virginia greenfield reaches full "
                                              "power when its building is ready, in %1.")
                                   .arg(cp::format::monthLabel(*solved->result.kpis.fullPowerMonth))),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("until the building")));
    }

    void deliveriesGateAgreesInNumber()
    {
        const QString pdf = report(example("gpt4-era-20k-a100.json"), QStringLiteral("deliveries.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString text = collapsed(pdfText(pdf, QStringLiteral("-raw"), 2, 2));
        QVERIFY2(text.contains(QStringLiteral("What gates it? Accelerator deliveries do: ")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("deliveries does")));
    }

    void paperSizes()
    {
        const QString file = example("gpt4-era-20k-a100.json");
        const QString a4 = report(file, QStringLiteral("a4.pdf"));
        const QString letter = report(file, QStringLiteral("letter.pdf"), {QStringLiteral("--paper"), QStringLiteral("letter")});
        QVERIFY(!a4.isEmpty() && !letter.isEmpty());
        // ISO A4 is 210 x 297 mm = 595.28 x 841.89 pt (whole points in the file); US Letter
        // 8.5 x 11 in = 612 x 792 pt.
        QVERIFY2(pdfInfo(a4).contains(QStringLiteral("595 x 842 pts (A4)")), qPrintable(pdfInfo(a4)));
        QVERIFY2(pdfInfo(letter).contains(QStringLiteral("612 x 792 pts (letter)")), qPrintable(pdfInfo(letter)));
    }

    // Catalog values older than two years at --as-of are flagged; the A100's BF16 figure is
    // dated 2020-01 in the catalog, so it is stale in May 2026 and not in June 2021.
    void staleValuesFollowAsOf()
    {
        const QString file = example("gpt4-era-20k-a100.json");
        const QString late = report(file, QStringLiteral("late.pdf"));
        QVERIFY(!late.isEmpty());
        const QString text = collapsed(pdfText(late, QStringLiteral("-raw")));
        QVERIFY(text.contains(QStringLiteral("BF16: NVIDIA A100 SXM 80GB 312 TFLOPS (dense)")));
        QVERIFY(text.contains(QStringLiteral("2020-01 stale")));

        const QString out = m_dir.filePath(QStringLiteral("early.pdf"));
        QCOMPARE(cli({QStringLiteral("report"), file, QStringLiteral("--pdf"), out, QStringLiteral("--as-of"),
                      QStringLiteral("2021-06")})
                     .exitCode,
                 0);
        const QString early = collapsed(pdfText(out, QStringLiteral("-raw")));
        QVERIFY(!early.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2} stale"))));
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2} stale"))));
        QVERIFY(early.contains(QStringLiteral("No value is older than two years as of Jun 2021.")));
    }

    // A name that a spreadsheet would run as a formula is only text in the PDF (no link, no
    // action) and a quoted, prefixed cell in the CSV.
    void formulaNamesExportSafely()
    {
        cp::Scenario scenario = scenarioOf(example("gpt4-era-20k-a100.json"));
        const QString evil = QStringLiteral("=HYPERLINK(\"x\")");
        scenario.name = evil;
        scenario.sites.front().name = evil;
        const QString file = m_dir.filePath(QStringLiteral("evil.json"));
        QFile json(file);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(cp::io::writeScenarioJson(scenario));
        json.close();

        const QString pdf = report(file, QStringLiteral("evil.pdf"));
        QVERIFY(!pdf.isEmpty());
        QVERIFY(pdfText(pdf, QStringLiteral("-raw")).contains(evil));
        QFile bytes(pdf);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray raw = bytes.readAll();
        for (const char *action : {"/URI", "/Launch", "/JavaScript", "/JS", "/OpenAction"})
            QVERIFY2(!raw.contains(action), action);

        const Run csv = cli({QStringLiteral("solve"), file, QStringLiteral("--csv"), QStringLiteral("-"), QStringLiteral("--as-of"), kAsOf});
        QCOMPARE(csv.exitCode, 0);
        // RFC 4180 quoting of the quotes, and the leading ' that keeps a spreadsheet from evaluating it.
        QVERIFY(csv.out.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        QVERIFY(!csv.out.contains(",=HYPERLINK"));
    }

    void fromWorkspace()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("board.clusterplan"));
        {
            auto opened = cp::Workspace::open(workspace, cp::Workspace::OpenMode::ReadWrite);
            QVERIFY(opened.workspace);
            QVERIFY(opened.workspace->createScenario(QStringLiteral("Board case"),
                                                     cp::io::writeScenarioJson(scenarioOf(example("memphis-retrofit-100k-h100.json")))));
        }
        const QString out = m_dir.filePath(QStringLiteral("workspace.pdf"));
        const Run r = cli({QStringLiteral("report"), QStringLiteral("--workspace"), workspace, QStringLiteral("--scenario"),
                           QStringLiteral("Board case"), QStringLiteral("--pdf"), out, QStringLiteral("--as-of"), kAsOf});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("pages, A4"));
        const QString cover = collapsed(pdfText(out, QStringLiteral("-raw"), 1, 1));
        QVERIFY(cover.contains(QStringLiteral("Board case")));
        QVERIFY(cover.contains(QStringLiteral("Workspace board.clusterplan")));
    }

    // `compare ... --pdf`: every KPI with its delta against the baseline as the compare view
    // shows it, the overlaid charts and the input changes; Letter on request.
    void comparisonReport()
    {
        const QString a = example("gpt4-era-20k-a100.json");
        const QString b = example("memphis-retrofit-100k-h100.json");
        const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
        const Run r = cli({QStringLiteral("compare"), a, b, QStringLiteral("--pdf"), pdf, QStringLiteral("--paper"),
                           QStringLiteral("letter"), QStringLiteral("--as-of"), kAsOf});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty()); // with --pdf alone no table on standard output
        QVERIFY(pdfInfo(pdf).contains(QStringLiteral("612 x 792 pts (letter)")));
        const int pages = pageCount(pdf);
        QVERIFY(pages >= 4);
        const QString text = collapsed(pdfText(pdf, QStringLiteral("-raw")));
        for (const char *section : {"Comparison summary", "Side by side", "Input changes", "Contents"})
            QVERIFY2(text.contains(QLatin1String(section)), section);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));

        const auto base = cp::solveScenario(scenarioOf(a), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        const auto other = cp::solveScenario(scenarioOf(b), cp::Catalog::builtIn(), *cp::Month::parse(kAsOf));
        const cp::Comparison comparison = cp::compareScenarios({base, other});
        const QString layout = pdfText(pdf, QStringLiteral("-layout"));
        const auto &kpis = cp::comparisonKpis();
        for (std::size_t k = 0; k < kpis.size(); ++k) {
            const QString label = QString::fromUtf8(kpis[k].label);
            const QString delta = cp::ResultComparisonModel::formatDelta(kpis[k], comparison.scenarios[1].kpis[k].delta);
            QVERIFY2(layout.contains(delta), qPrintable(label + QStringLiteral(": ") + delta));
        }
        // By hand: 20,000 A100 at $27k is $540M of compute, 100,000 H100 at $45k is $4.50B; the
        // difference $3.96B is 733.3% of $540M.
        QVERIFY(layout.contains(QRegularExpression(
            QStringLiteral("Capex: compute\\s+\\$540M\\s+\\$4\\.50B\\s+\\+\\$3\\.96B \\(\\+733\\.3%\\)"))));

        // Four at most side by side.
        const QStringList five{a, b, a, b, a};
        QCOMPARE(cli(QStringList{QStringLiteral("compare")} + five + QStringList{QStringLiteral("--pdf"), pdf}).exitCode, 2);
    }

    void usageErrors()
    {
        const QString file = example("gpt4-era-20k-a100.json");
        QCOMPARE(cli({QStringLiteral("report"), file}).exitCode, 2); // no --pdf
        const Run paper = cli({QStringLiteral("report"), file, QStringLiteral("--pdf"), m_dir.filePath(QStringLiteral("x.pdf")),
                               QStringLiteral("--paper"), QStringLiteral("a3")});
        QCOMPARE(paper.exitCode, 2);
        QVERIFY(paper.err.contains(QStringLiteral("use a4 or letter")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.pdf"))));

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "clusterplan.scenario", "formatVersion": 1, "name": "x", "startMonth": "2025-13",
                    "horizonMonths": 12, "sites": []})");
        f.close();
        const Run invalid = cli({QStringLiteral("report"), broken, QStringLiteral("--pdf"), m_dir.filePath(QStringLiteral("y.pdf"))});
        QCOMPARE(invalid.exitCode, 3);
        QVERIFY(invalid.err.contains(QStringLiteral("startMonth")));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
