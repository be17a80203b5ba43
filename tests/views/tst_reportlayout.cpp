#include "report/markdownblocks.h"
#include "report/reportdocument.h"

#include <QBuffer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace cp::report;

// The report's page layout: what a reader would call a badly set page never happens — a heading
// alone at the foot of a page, one line of a paragraph cut off from the rest, a table row
// split or cut at the margin, a table that runs off the page.
namespace {

QString words(QRandomGenerator &random, int count)
{
    static const QStringList vocabulary{QStringLiteral("capacity"), QStringLiteral("power"), QStringLiteral("cooling"),
                                        QStringLiteral("accelerators"), QStringLiteral("interconnect"), QStringLiteral("the"),
                                        QStringLiteral("plan"), QStringLiteral("of"), QStringLiteral("$4.5B"),
                                        QStringLiteral("turbines"), QStringLiteral("months"), QStringLiteral("delivered")};
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << vocabulary[random.bounded(static_cast<int>(vocabulary.size()))];
    return out.join(QLatin1Char(' '));
}

// A document of headings, paragraphs, tables and drawings in sizes that land anywhere on a page.
void fill(ReportDocument &document, quint32 seed)
{
    QRandomGenerator random(seed);
    for (int section = 0; section < 3; ++section) {
        document.heading1(QStringLiteral("Section %1").arg(section));
        for (int part = 0; part < 6; ++part) {
            document.heading2(QStringLiteral("Part %1.%2").arg(section).arg(part));
            for (int p = random.bounded(4); p >= 0; --p)
                document.paragraph(words(random, 10 + random.bounded(160)));
            if (random.bounded(2)) {
                document.heading3(QStringLiteral("Table %1.%2").arg(section).arg(part));
                TableBlock &table = document.table({{QStringLiteral("Item"), Qt::AlignLeft, true},
                                                    {QStringLiteral("Quantity"), Qt::AlignRight, false},
                                                    {QStringLiteral("Cost"), Qt::AlignRight, false}});
                for (int r = random.bounded(1, 40); r > 0; --r)
                    table.addRow(QStringList{words(random, 1 + random.bounded(8)), QString::number(random.bounded(100000)),
                                             QStringLiteral("$%1M").arg(random.bounded(900))});
            }
            if (random.bounded(3) == 0)
                document.drawing(180.0 + random.bounded(200), [](QPainter &, const QRectF &) {});
        }
    }
}

int write(ReportDocument &document, QByteArray *pdf = nullptr)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    ReportDocument::WriteOptions options;
    options.title = QStringLiteral("Layout test");
    document.writePdf(&buffer, options);
    if (pdf)
        *pdf = bytes;
    return document.pageCount();
}

QString pdfText(const QByteArray &pdf, int page)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.pdf"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(pdf);
    file.close();
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-f"), QString::number(page),
                                                QStringLiteral("-l"), QString::number(page), path, QStringLiteral("-")});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool isHeading(const ReportBlock *block)
{
    const auto *text = dynamic_cast<const TextBlock *>(block);
    return text && (text->kind() == TextBlock::Kind::Heading1 || text->kind() == TextBlock::Kind::Heading2
                    || text->kind() == TextBlock::Kind::Heading3);
}

} // namespace

class TestReportLayout : public QObject
{
    Q_OBJECT

private slots:
    void pagesAreWellSet_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 25; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void pagesAreWellSet()
    {
        QFETCH(quint32, seed);
        ReportDocument document;
        fill(document, seed);
        write(document);
        const double height = document.contentSize(Orientation::Portrait).height();

        std::map<const ReportBlock *, int> unitsPlaced;
        for (std::size_t p = 0; p < document.pages().size(); ++p) {
            const LaidPage &page = document.pages()[p];
            QVERIFY(!page.placements.empty());
            for (const Placement &placement : page.placements) {
                const ReportBlock &block = *placement.block;
                const std::vector<double> &units = block.unitHeights();
                // Every unit once, in order.
                QCOMPARE(placement.first, unitsPlaced[&block]);
                unitsPlaced[&block] = placement.end;
                // Inside the content area: nothing is cut at the foot of the page.
                double bottom = placement.y + block.repeatHeight();
                for (int u = placement.first; u < placement.end; ++u)
                    bottom += units[static_cast<std::size_t>(u)];
                QVERIFY2(bottom <= height + 1e-6, qPrintable(QStringLiteral("page %1 overflows").arg(p + 2)));
                // No orphans or widows: a slice of a split block keeps its minimum.
                const int count = static_cast<int>(units.size());
                if (placement.end - placement.first < count)
                    QVERIFY(placement.end - placement.first >= block.minUnitsPerSlice());
            }
            // A heading never ends a page (the last page may end the document with anything).
            if (p + 1 < document.pages().size())
                QVERIFY2(!isHeading(page.placements.back().block), qPrintable(QStringLiteral("page %1").arg(p + 2)));
        }
        for (const auto &block : document.blocks())
            QCOMPARE(unitsPlaced[block.get()], static_cast<int>(block->unitHeights().size()));
        // Sections start pages and the contents point at them.
        QCOMPARE(document.sections().size(), std::size_t(3));
        for (const SectionEntry &section : document.sections()) {
            const LaidPage &page = document.pages()[static_cast<std::size_t>(section.pageNumber - 2)];
            QCOMPARE(page.placements.front().block->section, section.title);
            QCOMPARE(page.section, section.title);
        }
    }

    // A long table breaks between rows and repeats its header on every page it reaches.
    void longTableRepeatsItsHeader()
    {
        ReportDocument document;
        document.heading1(QStringLiteral("Tranches"));
        TableBlock &table = document.table({{QStringLiteral("Tranche"), Qt::AlignLeft, true},
                                            {QStringLiteral("Accelerators"), Qt::AlignRight, false}});
        for (int r = 0; r < 150; ++r)
            table.addRow(QStringList{QStringLiteral("Row %1").arg(r), QString::number(1000 * r)});
        QByteArray pdf;
        const int pages = write(document, &pdf);
        QVERIFY(pages >= 4); // 150 rows of ~13 pt on ~720 pt pages, plus the cover
        for (int page = 2; page <= pages; ++page) {
            const QString text = pdfText(pdf, page);
            QVERIFY2(text.contains(QStringLiteral("Tranche Accelerators")), qPrintable(QString::number(page)));
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
        }
        QVERIFY(pdfText(pdf, pages).contains(QStringLiteral("Row 149 149000")));
    }

    // Fourteen columns of wide figures do not fit at the normal size: the table is set smaller
    // until it fits the page width, and every figure stays on one line.
    void wideTableIsScaledNotCut()
    {
        ReportDocument document;
        std::vector<TableColumn> columns;
        for (int c = 0; c < 14; ++c)
            columns.push_back({QStringLiteral("Column %1").arg(c), Qt::AlignRight, false});
        TableBlock &table = document.table(columns);
        for (int r = 0; r < 5; ++r) {
            QStringList row;
            for (int c = 0; c < 14; ++c)
                row << QStringLiteral("$123,456,789.%1").arg(c);
            table.addRow(row);
        }
        write(document);
        const double width = document.contentSize(Orientation::Portrait).width();
        QVERIFY(table.fontScale() < 1.0);
        QVERIFY(table.tableWidth() <= width + 1e-6);
        for (const double row : table.unitHeights()) // one line each: the first row's height
            QCOMPARE(row, table.unitHeights().front());
    }

    // A block in landscape starts a landscape page; portrait resumes on a new page after it.
    void landscapeBlocksGetLandscapePages()
    {
        ReportDocument document;
        document.heading1(QStringLiteral("Portrait"));
        document.paragraph(QStringLiteral("Before."));
        document.setOrientation(Orientation::Landscape);
        document.heading1(QStringLiteral("Landscape"));
        document.paragraph(QStringLiteral("Wide."));
        document.setOrientation(Orientation::Portrait);
        document.paragraph(QStringLiteral("After."));
        write(document);
        QCOMPARE(document.pages().size(), std::size_t(3));
        QCOMPARE(document.pages()[0].orientation, Orientation::Portrait);
        QCOMPARE(document.pages()[1].orientation, Orientation::Landscape);
        QCOMPARE(document.pages()[2].orientation, Orientation::Portrait);
        const QSizeF landscape = document.contentSize(Orientation::Landscape);
        QVERIFY(landscape.width() > document.contentSize(Orientation::Portrait).width());
    }

    void markdownBecomesBlocks()
    {
        ReportDocument document;
        appendMarkdown(document, QStringLiteral("# Method\n\nText with **bold** and `code`.\n\n"
                                                "- one\n- two\n\n1. first\n2. second\n\n"
                                                "```\na = b\nc = d\n```\n\n## Table\n\n| Name | Value |\n|---|--:|\n| x | 1 |\n"));
        std::vector<TextBlock::Kind> kinds;
        QStringList markers;
        const TableBlock *table = nullptr;
        for (const auto &block : document.blocks()) {
            if (const auto *text = dynamic_cast<const TextBlock *>(block.get()))
                kinds.push_back(text->kind());
            else
                table = dynamic_cast<const TableBlock *>(block.get());
        }
        using K = TextBlock::Kind;
        const std::vector<K> expected{K::Heading1, K::Body, K::Bullet, K::Bullet, K::Bullet, K::Bullet, K::Code, K::Heading2};
        QCOMPARE(kinds, expected);
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        const auto *code = dynamic_cast<const TextBlock *>(document.blocks()[6].get());
        // The two lines of the formula stay two lines (U+2028 is QTextLayout's line break).
        QCOMPARE(code->text(), QStringLiteral("a = b") + QChar(QChar::LineSeparator) + QStringLiteral("c = d"));
        QCOMPARE(document.blocks().front()->section, QStringLiteral("Method"));
    }
};

QTEST_MAIN(TestReportLayout)
#include "tst_reportlayout.moc"
