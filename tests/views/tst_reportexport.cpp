#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "report/exportactions.h"
#include "report/reportexport.h"
#include "report/reportexportdialog.h"

#include <QAction>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

using namespace cp;

// The window's exports: File > Export report (PDF) through the progress dialog, with Cancel,
// and Export results (CSV), whose numbers read back as the solver's.
namespace {

std::shared_ptr<const SolvedScenario> solvedExample(const char *name)
{
    const auto parsed = io::readScenarioFile(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(name),
                                             Catalog::builtIn());
    return parsed.ok() ? solveScenario(*parsed.scenario, Catalog::builtIn(), Month::fromYearMonth(2026, 5)) : nullptr;
}

int pdfPages(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {path});
    process.waitForFinished(30000);
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                           .match(QString::fromUtf8(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// RFC 4180 fields of one line (no quoted line breaks in this file's numeric rows).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"'))
                field += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void actionsFollowTheSolve()
    {
        QWidget window;
        report::ExportActions actions(&window);
        QVERIFY(!actions.exportReportAction()->isEnabled());
        QVERIFY(!actions.exportResultsAction()->isEnabled());
        actions.setSolved(solvedExample("gpt4-era-20k-a100.json"));
        QVERIFY(actions.exportReportAction()->isEnabled());
        QVERIFY(actions.exportResultsAction()->isEnabled());
        actions.setSolved(nullptr);
        QVERIFY(!actions.exportReportAction()->isEnabled());
    }

    void reportIsSaved()
    {
        QWidget window;
        report::ExportActions actions(&window);
        actions.setSolved(solvedExample("memphis-retrofit-100k-h100.json"));
        actions.setWorkspacePath(QStringLiteral("/tmp/plans.clusterplan"));
        const QString path = m_dir.filePath(QStringLiteral("memphis.pdf"));
        QVERIFY(actions.exportReportTo(path, report::Paper::Letter));
        QVERIFY(pdfPages(path) >= 10);
    }

    // Cancel during the risk run: nothing is written, and the dialog says it was cancelled.
    void cancelWritesNothing()
    {
        report::ScenarioReportInput input;
        input.solved = solvedExample("meta-2gw-gas-campus.json");
        input.info.preparedOn = QDate(2026, 5, 4);
        input.info.asOf = Month::fromYearMonth(2026, 5);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        report::ReportExportDialog dialog(input, path);
        QTimer::singleShot(0, &dialog, &QProgressDialog::cancel);
        QCOMPARE(dialog.run(), report::ReportExportDialog::Outcome::Cancelled);
        QVERIFY(!QFile::exists(path));
    }

    void unwritableFolderFails()
    {
        report::ComparisonReportInput input;
        input.scenarios = {solvedExample("gpt4-era-20k-a100.json"), solvedExample("greenfield-grid-wait.json")};
        input.info.preparedOn = QDate(2026, 5, 4);
        report::ReportExportDialog dialog(input, m_dir.filePath(QStringLiteral("missing/folder/x.pdf")));
        QCOMPARE(dialog.run(), report::ReportExportDialog::Outcome::Failed);
        QVERIFY(dialog.errorString().contains(QStringLiteral("missing/folder/x.pdf")));
    }

    // The CSV reads back to the solver's numbers: every portfolio row's energized count and
    // capex, for every month.
    void csvReadsBackAsTheSolver()
    {
        QWidget window;
        report::ExportActions actions(&window);
        const auto solved = solvedExample("meta-2gw-gas-campus.json");
        actions.setSolved(solved);
        const QString path = m_dir.filePath(QStringLiteral("meta.csv"));
        QVERIFY(actions.exportResultsTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        const QStringList header = csvFields(lines.first());
        const qsizetype scope = header.indexOf(QStringLiteral("scope"));
        const qsizetype energized = header.indexOf(QStringLiteral("energized"));
        const qsizetype capex = header.indexOf(QStringLiteral("capexUsd"));
        QVERIFY(scope >= 0 && energized >= 0 && capex >= 0);
        int month = 0;
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = csvFields(line);
            if (fields[scope] != QLatin1String("portfolio"))
                continue;
            QCOMPARE(fields[energized].toDouble(), solved->result.monthly.energized[month]);
            QCOMPARE(fields[capex].toDouble(), solved->result.monthly.capexUsd[month]);
            ++month;
        }
        QCOMPARE(month, solved->result.horizonMonths);
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
