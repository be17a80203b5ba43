#include "itemmodels/tsv.h"

#include <QTest>

// Tab-separated text as spreadsheets copy it.
class TestTsv : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatExcelCopies()
    {
        // Excel ends every row with CRLF and quotes a cell holding a line break.
        const QString text = QStringLiteral("Name\tCount\r\nPhase 1\t1,000\r\n\"two\nlines\"\t5\r\n");
        const auto rows = cp::tsv::parse(text);
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[1], (QStringList{QStringLiteral("Phase 1"), QStringLiteral("1,000")}));
        QCOMPARE(rows[2][0], QStringLiteral("two\nlines"));
    }

    void keepsEmptyCellsAndALastLineWithoutBreak()
    {
        const auto rows = cp::tsv::parse(QStringLiteral("a\t\tc\nd\te"));
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0], (QStringList{QStringLiteral("a"), QString(), QStringLiteral("c")}));
        QCOMPARE(rows[1], (QStringList{QStringLiteral("d"), QStringLiteral("e")}));
    }

    void doubledQuotesInsideQuotes()
    {
        const auto rows = cp::tsv::parse(QStringLiteral("\"say \"\"hi\"\"\tthere\"\tx\n"));
        QCOMPARE(rows[0], (QStringList{QStringLiteral("say \"hi\"\tthere"), QStringLiteral("x")}));
    }

    void writeReadsBack()
    {
        const std::vector<QStringList> rows{{QStringLiteral("plain"), QStringLiteral("tab\there")},
                                            {QStringLiteral("\"quoted\""), QString()}};
        QCOMPARE(cp::tsv::parse(cp::tsv::write(rows)), rows);
        QCOMPARE(cp::tsv::write({{QStringLiteral("a"), QStringLiteral("b")}}), QStringLiteral("a\tb\n"));
    }
};

QTEST_APPLESS_MAIN(TestTsv)
#include "tst_tsv.moc"
