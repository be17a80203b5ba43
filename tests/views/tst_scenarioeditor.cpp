#include "../models/document/scenariotestutil.h"
#include "common/wheelguard.h"
#include "document/scenariodocument.h"
#include "editors/fieldform.h"
#include "io/scenariojson.h"
#include "editors/choicecombo.h"
#include "editors/monthedit.h"
#include "editors/threepointedit.h"
#include "editors/unitspinbox.h"
#include "itemmodels/itemtablemodel.h"
#include "widgets/itemtablepanel.h"
#include "widgets/scenarioeditor.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QWheelEvent>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QUndoStack>

using cp::FieldPath;
using cp::ItemList;
using cp::ScenarioDocument;
using cp::views::ItemTablePanel;
using cp::views::ScenarioEditor;
using namespace scenariotest;

// The Plan tab driven as a user drives it: keys and clicks on real widgets.
class TestScenarioEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScenarioDocument> m_document;
    std::unique_ptr<ScenarioEditor> m_editor;

    ItemTablePanel *panel(ItemList list) const { return m_editor->panel(list); }

    // Opens the cell's editor, types `text` over its content and presses Enter.
    // One notch of the wheel (towards the user: the page scrolls down) over the middle of `widget`,
    // delivered as the window system delivers it: spontaneous (only those travel up to the
    // parents when a widget ignores them), to the widget under the pointer.
    static void wheelDown(QWidget *widget)
    {
        QWidget *target = widget;
        const QPoint centre = widget->rect().center();
        if (QWidget *child = widget->childAt(centre))
            target = child; // a spin box's line edit
        const QPointF local = target->mapFrom(widget, centre);
        QWheelEvent wheel(local, target->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QSpontaneKeyEvent::setSpontaneous(&wheel); // as QTest's own mouse and key events
        qApp->notify(target, &wheel);
    }

    static void typeIntoCell(ItemTablePanel *table, int row, const QString &key, const QString &text)
    {
        QTableView *view = table->view();
        const QModelIndex index = table->model()->index(row, table->model()->columnOf(key));
        view->setFocus();
        view->setCurrentIndex(index);
        view->edit(index);
        auto *box = view->viewport()->findChild<cp::views::UnitSpinBox *>();
        QVERIFY(box);
        auto *line = box->findChild<QLineEdit *>();
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits and closes the editor from a queued call
    }

private slots:
    void initTestCase() { cp::views::WheelGuard::install(*qApp); }

    void init()
    {
        m_document = std::make_unique<ScenarioDocument>(memphis(), cp::Catalog::builtIn());
        m_editor = std::make_unique<ScenarioEditor>(cp::Catalog::builtIn());
        m_editor->resize(1100, 900);
        m_editor->setDocument(m_document.get());
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup()
    {
        m_editor.reset();
        m_document.reset();
    }

    // One wheel tick over "Build cost, total" set it to $0. Scrolling past fields must
    // scroll the page and leave the plan as it was; a field the user has clicked into steps.
    void theWheelScrollsThePageOverFieldsWithoutFocus()
    {
        m_editor->resize(1100, 420); // the page is taller than the window: it can scroll
        QCoreApplication::processEvents();
        QScrollBar *page = m_editor->findChild<QScrollArea *>()->verticalScrollBar();
        QVERIFY(page->maximum() > 0);
        cp::views::FieldForm *facility = m_editor->form(FieldPath::Scope::Facility);
        auto *capex = qobject_cast<cp::views::ThreePointEdit *>(facility->editor(QStringLiteral("capexUsdPerMwIt")));
        auto *kind = qobject_cast<cp::views::ChoiceCombo *>(facility->editor(QStringLiteral("kind")));
        auto *permit = qobject_cast<cp::views::MonthEdit *>(facility->editor(QStringLiteral("permitStartMonth")));
        auto *it = qobject_cast<cp::views::UnitSpinBox *>(facility->editor(QStringLiteral("itCapacityMw")));
        QVERIFY(capex && kind && permit && it);
        panel(ItemList::Compute)->view()->setFocus(); // the focus is elsewhere, as after a click in a table
        const QByteArray before = cp::io::writeScenarioJson(m_document->scenario());
        for (QWidget *field : std::initializer_list<QWidget *>{capex->lowBox(), capex->modeBox(), capex->highBox(),
                                                               kind, permit, it}) {
            QVERIFY(field->focusPolicy() == Qt::StrongFocus || field->focusPolicy() == Qt::ClickFocus
                    || field->focusPolicy() == Qt::TabFocus);
            const int scrolled = page->value();
            wheelDown(field);
            QVERIFY2(page->value() > scrolled || page->value() == page->maximum(),
                     qPrintable(field->objectName() + QStringLiteral(": the page did not scroll")));
            QVERIFY(!field->hasFocus());
            page->setValue(0);
        }
        QCOMPARE(cp::io::writeScenarioJson(m_document->scenario()), before);
        QCOMPARE(m_document->undoStack()->count(), 0);

        // Clicked into, the field takes the wheel: one step of its own.
        it->setFocus();
        QVERIFY(it->hasFocus());
        wheelDown(it);
        QCOMPARE(m_document->scenario().sites[0].facility.itCapacityMw, std::max(0.0, 150.0 - it->singleStep()));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    // Up on an empty "Retired" cell gave Feb 1900. A month field steps by month from a
    // sensible start, stays in the window, opens a month picker, and the document refuses a
    // month outside the window or a retirement before the order.
    void monthFieldsStepByMonthFromASensibleStart()
    {
        ItemTablePanel *compute = panel(ItemList::Compute);
        QTableView *view = compute->view();
        const QModelIndex retired = compute->model()->index(0, compute->model()->columnOf(QStringLiteral("retireMonth")));
        view->setFocus();
        view->setCurrentIndex(retired);
        view->edit(retired);
        auto *edit = view->viewport()->findChild<cp::views::MonthEdit *>();
        QVERIFY(edit);
        QVERIFY(!edit->month()); // empty: "none"
        QTest::keyClick(edit, Qt::Key_Up);
        // Ordered Feb 2024 with a likely lead time of 5 months: it arrives in Jul 2024.
        QCOMPARE(edit->text(), QStringLiteral("Jul 2024"));
        QTest::keyClick(edit, Qt::Key_PageUp); // a year
        QTest::keyClick(edit, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(m_document->scenario().sites[0].compute[0].retireMonth, cp::Month::fromYearMonth(2025, 7));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Change retired"));

        // A form's month: Up on Dec 2026 is Jan 2027; Page Down a year back.
        cp::views::FieldForm *facility = m_editor->form(FieldPath::Scope::Facility);
        auto *permit = qobject_cast<cp::views::MonthEdit *>(facility->editor(QStringLiteral("permitStartMonth")));
        QVERIFY(permit);
        permit->setFocus();
        permit->setMonth(cp::Month::fromYearMonth(2026, 12));
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, cp::Month::fromYearMonth(2026, 12));
        QTest::keyClick(permit, Qt::Key_Up);
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, cp::Month::fromYearMonth(2027, 1));
        QTest::keyClick(permit, Qt::Key_PageDown);
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, cp::Month::fromYearMonth(2026, 1));

        // Stepping stops at the window's edge.
        permit->setMonth(cp::Month::fromYearMonth(2100, 12));
        QTest::keyClick(permit, Qt::Key_Up);
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, cp::Month::fromYearMonth(2100, 12));

        // F4 opens a month picker (twelve months, no days); a click picks Mar of the year shown.
        QTest::keyClick(permit, Qt::Key_F4);
        cp::views::MonthPicker *picker = permit->picker();
        QVERIFY(picker && picker->isVisible());
        QCOMPARE(picker->year(), 2100);
        QTest::mouseClick(picker->findChild<QToolButton *>(QStringLiteral("month3")), Qt::LeftButton);
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, cp::Month::fromYearMonth(2100, 3));
        QVERIFY(!permit->picker() || !permit->picker()->isVisible());
    }

    void monthsOutsideTheWindowOrRetiringBeforeTheOrderAreRefused()
    {
        cp::views::FieldForm *facility = m_editor->form(FieldPath::Scope::Facility);
        auto *permit = qobject_cast<cp::views::MonthEdit *>(facility->editor(QStringLiteral("permitStartMonth")));
        const cp::Month before = m_document->scenario().sites[0].facility.permitStartMonth;
        permit->setFocus();
        permit->setMonth(cp::Month::fromYearMonth(1900, 7)); // as typed: typing is not clamped
        QCOMPARE(m_document->scenario().sites[0].facility.permitStartMonth, before);
        QVERIFY2(facility->message(QStringLiteral("permitStartMonth"))
                     .contains(QStringLiteral("Permit start must be a month from Jan 1990 to Dec 2100 (found Jul 1900)")),
                 qPrintable(facility->message(QStringLiteral("permitStartMonth"))));
        QCOMPARE(permit->month(), before); // put back

        // A retirement before the order month (Feb 2024).
        ItemTablePanel *compute = panel(ItemList::Compute);
        QTableView *view = compute->view();
        const QModelIndex retired = compute->model()->index(1, compute->model()->columnOf(QStringLiteral("retireMonth")));
        view->setFocus();
        view->setCurrentIndex(retired);
        view->edit(retired);
        auto *edit = view->viewport()->findChild<cp::views::MonthEdit *>();
        QVERIFY(edit);
        edit->setMonth(cp::Month::fromYearMonth(2023, 12));
        QTest::keyClick(edit, Qt::Key_Return);
        QCoreApplication::processEvents();
        QVERIFY(!m_document->scenario().sites[0].compute[1].retireMonth);
        QVERIFY2(compute->message().contains(
                     QStringLiteral("Row 2: Retired (Dec 2023) is before Ordered (Feb 2024)")),
                 qPrintable(compute->message()));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    // Typing a likely value above the high one threw the whole edit away. It stays,
    // the box is marked, the message says what to do, and fixing the range takes it all.
    void aRangeOutOfOrderKeepsWhatWasTyped()
    {
        cp::views::FieldForm *facility = m_editor->form(FieldPath::Scope::Facility);
        auto *build = qobject_cast<cp::views::ThreePointEdit *>(facility->editor(QStringLiteral("buildMonths")));
        QVERIFY(build); // memphis: 3 / 4 / 6 months
        const auto type = [](cp::views::UnitSpinBox *box, const QString &text) {
            box->setFocus();
            auto *line = box->findChild<QLineEdit *>();
            line->selectAll();
            QTest::keyClicks(line, text);
            QTest::keyClick(line, Qt::Key_Return);
        };
        type(build->modeBox(), QStringLiteral("9"));
        QCOMPARE(m_document->scenario().sites[0].facility.buildMonths, (cp::ThreePoint{3, 4, 6}));
        QCOMPARE(build->value(), (cp::ThreePoint{3, 9, 6})); // kept
        QCOMPARE(build->markedBox(), build->modeBox());
        QVERIFY2(facility->message(QStringLiteral("buildMonths"))
                     .contains(QStringLiteral("Build duration: likely (mode) 9 is above high 6")),
                 qPrintable(facility->message(QStringLiteral("buildMonths"))));
        type(build->highBox(), QStringLiteral("12"));
        QCOMPARE(m_document->scenario().sites[0].facility.buildMonths, (cp::ThreePoint{3, 9, 12}));
        QVERIFY(facility->message(QStringLiteral("buildMonths")).isEmpty());
        QVERIFY(!build->markedBox());
        QCOMPARE(m_document->undoStack()->count(), 1);

        // In a table cell: Enter on a range out of order keeps the editor open with it.
        ItemTablePanel *compute = panel(ItemList::Compute);
        QTableView *view = compute->view();
        const QModelIndex lead = compute->model()->index(0, compute->model()->columnOf(QStringLiteral("leadTimeMonths")));
        view->setFocus();
        view->setCurrentIndex(lead);
        view->edit(lead);
        auto *range = view->viewport()->findChild<cp::views::ThreePointEdit *>();
        QVERIFY(range); // 4 / 5 / 7 months
        type(range->modeBox(), QStringLiteral("9"));
        QCoreApplication::processEvents();
        QCOMPARE(m_document->scenario().sites[0].compute[0].leadTimeMonths, (cp::ThreePoint{4, 5, 7}));
        QVERIFY(view->viewport()->findChild<cp::views::ThreePointEdit *>() == range && range->isVisible());
        QCOMPARE(range->value(), (cp::ThreePoint{4, 9, 7}));
        QCOMPARE(range->markedBox(), range->modeBox());
        QVERIFY2(compute->message().contains(QStringLiteral("Row 1: Lead time: likely (mode) 9 is above high 7")),
                 qPrintable(compute->message()));
        type(range->highBox(), QStringLiteral("10"));
        QCoreApplication::processEvents();
        QCOMPARE(m_document->scenario().sites[0].compute[0].leadTimeMonths, (cp::ThreePoint{4, 9, 10}));
        QVERIFY(compute->message().isEmpty());
    }

    void typingACountEditsTheDocument()
    {
        typeIntoCell(panel(ItemList::Compute), 0, QStringLiteral("count"), QStringLiteral("60000"));
        QCOMPARE(m_document->scenario().sites[0].compute[0].count, 60000);
        QVERIFY(panel(ItemList::Compute)->message().isEmpty());
        m_document->undoStack()->undo();
        QCOMPARE(panel(ItemList::Compute)->model()->index(0, 2).data().toString(), QStringLiteral("50,000"));
    }

    void anInvalidValueIsRefusedWithTheReason()
    {
        typeIntoCell(panel(ItemList::Compute), 0, QStringLiteral("count"), QStringLiteral("0"));
        QCOMPARE(m_document->scenario().sites[0].compute[0].count, 50000);
        QCOMPARE(m_document->undoStack()->count(), 0);
        const QString message = panel(ItemList::Compute)->message();
        QVERIFY2(message.contains(QStringLiteral("Row 1: Count must be a whole number from 1 to 10,000,000 (found 0)")),
                 qPrintable(message));
    }

    void aFormRefusesAtTheFieldAndPutsItBack()
    {
        cp::views::FieldForm *facility = m_editor->form(FieldPath::Scope::Facility);
        auto *box = qobject_cast<cp::views::UnitSpinBox *>(facility->editor(QStringLiteral("itCapacityMw")));
        QVERIFY(box);
        QCOMPARE(box->text(), QStringLiteral("150 MW"));
        auto *line = box->findChild<QLineEdit *>();
        box->setFocus();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("-5"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(m_document->scenario().sites[0].facility.itCapacityMw, 150.0);
        QVERIFY2(
            facility->message(QStringLiteral("itCapacityMw")).contains(QStringLiteral("IT capacity must be from 0 to 50,000 MW (found -5)")),
            qPrintable(facility->message(QStringLiteral("itCapacityMw"))));
        QCOMPARE(box->value(), 150.0);

        // A billion MW ("$12000.00T" of capex) is beyond any plan.
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("1,000,000,000"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(m_document->scenario().sites[0].facility.itCapacityMw, 150.0);
        QVERIFY2(facility->message(QStringLiteral("itCapacityMw"))
                     .contains(QStringLiteral("IT capacity must be from 0 to 50,000 MW (found 1000000000)")),
                 qPrintable(facility->message(QStringLiteral("itCapacityMw"))));
        QCOMPARE(m_document->undoStack()->count(), 0);

        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("170"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(m_document->scenario().sites[0].facility.itCapacityMw, 170.0);
        QVERIFY(facility->message(QStringLiteral("itCapacityMw")).isEmpty());
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Change IT capacity"));
    }

    void addAndRemoveAPowerSourceWithButtonsAndKeys()
    {
        ItemTablePanel *power = panel(ItemList::Power);
        auto *add = power->findChildren<QToolButton *>().value(0);
        QCOMPARE(add->text(), QStringLiteral("Add"));
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(m_document->scenario().sites[0].power.size(), std::size_t(5));
        QCOMPARE(m_document->scenario().sites[0].power[4].name, QStringLiteral("Power 5"));

        // The new row is current and the table has the focus: Delete removes it again.
        QCOMPARE(power->view()->currentIndex().row(), 4);
        QTest::keyClick(power->view(), Qt::Key_Delete);
        QCOMPARE(m_document->scenario().sites[0].power.size(), std::size_t(4));

        power->view()->setCurrentIndex(power->model()->index(0, 0));
        QTest::keyClick(power->view(), Qt::Key_Insert);
        QCOMPARE(m_document->scenario().sites[0].power.size(), std::size_t(5));
        QCOMPARE(m_document->scenario().sites[0].power[1].name, QStringLiteral("Power 5")); // after the current row
        QCOMPARE(m_document->undoStack()->count(), 3);
    }

    void copyAndPasteRowsThroughTheClipboard()
    {
        ItemTablePanel *cooling = panel(ItemList::Cooling);
        QTableView *view = cooling->view();
        view->setFocus();
        view->setCurrentIndex(cooling->model()->index(0, 0));
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("Name\tKind\tCapacity (MW)\tOrdered\tLead time (months)")),
                 qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("Rented chillers\trental_chiller\t45\t2024-06\t0; 1; 2")));

        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].cooling.size(), std::size_t(2));
        QCOMPARE(m_document->scenario().sites[0].cooling[1].name, QStringLiteral("Rented chillers (2)"));

        // As a spreadsheet would copy them: no header, one bad number.
        QGuiApplication::clipboard()->setText(QStringLiteral("Chiller A\tchiller\t20\t2025-01\t6\r\n"
                                                             "Chiller B\tchiller\ttwenty\t2025-01\t6\r\n"));
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].cooling.size(), std::size_t(2));
        QVERIFY2(cooling->message().contains(QStringLiteral("Line 2, Capacity: \"twenty\" is not a number")),
                 qPrintable(cooling->message()));
    }

    // Ctrl+V of "Phase A" with one Name cell selected created a tranche of 1,000 H100.
    void aSingleValuePastesIntoTheSelectedCells()
    {
        ItemTablePanel *compute = panel(ItemList::Compute);
        QTableView *view = compute->view();
        cp::ItemTableModel *model = compute->model();
        view->setFocus();
        view->setCurrentIndex(model->index(0, model->columnOf(QStringLiteral("name"))));
        QGuiApplication::clipboard()->setText(QStringLiteral("Phase A"));
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].compute.size(), std::size_t(2)); // no row added
        QCOMPARE(m_document->scenario().sites[0].compute[0].name, QStringLiteral("Phase A"));
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Paste into 1 cell"));

        // Into every selected cell, as one undo step.
        const int count = model->columnOf(QStringLiteral("count"));
        view->selectionModel()->select(QItemSelection(model->index(0, count), model->index(1, count)),
                                       QItemSelectionModel::ClearAndSelect);
        QGuiApplication::clipboard()->setText(QStringLiteral("60,000\n")); // as a spreadsheet copies one cell
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].compute[0].count, 60000);
        QCOMPARE(m_document->scenario().sites[0].compute[1].count, 60000);
        QCOMPARE(m_document->undoStack()->count(), 2);
        QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Paste into 2 cells"));

        // A value a cell refuses: nothing changes, and the message names the kinds as the list does.
        const int accelerator = model->columnOf(QStringLiteral("accelerator"));
        view->selectionModel()->select(QItemSelection(model->index(0, accelerator), model->index(1, accelerator)),
                                       QItemSelectionModel::ClearAndSelect);
        QGuiApplication::clipboard()->setText(QStringLiteral("Phase B"));
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].compute[0].accelerator, QStringLiteral("h100_sxm"));
        QCOMPARE(m_document->undoStack()->count(), 2);
        QVERIFY2(compute->message().contains(QStringLiteral("\"Phase B\" is not one of NVIDIA A100 SXM")),
                 qPrintable(compute->message()));
        QVERIFY2(!compute->message().contains(QStringLiteral("a100_sxm")), qPrintable(compute->message()));

        // Out of bounds through a paste: refused, every cell as it was.
        view->selectionModel()->select(QItemSelection(model->index(0, count), model->index(1, count)),
                                       QItemSelectionModel::ClearAndSelect);
        QGuiApplication::clipboard()->setText(QStringLiteral("20000000"));
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].compute[0].count, 60000);
        QCOMPARE(m_document->scenario().sites[0].compute[1].count, 60000);
        QVERIFY2(compute->message().contains(QStringLiteral("Count must be a whole number from 1 to 10,000,000")),
                 qPrintable(compute->message()));

        // Whole rows (copied from the table) add rows.
        view->clearSelection();
        view->setCurrentIndex(model->index(0, 0));
        QTest::keySequence(view, QKeySequence::Copy);
        QTest::keySequence(view, QKeySequence::Paste);
        QCOMPARE(m_document->scenario().sites[0].compute.size(), std::size_t(3));
        QCOMPARE(m_document->scenario().sites[0].compute[1].name, QStringLiteral("Phase A (2)"));
    }

    // The Name column scrolled away at 1366x768. Scrolled sideways, it stays in view.
    void theNameColumnStaysInViewWhenScrolledSideways()
    {
        m_editor->resize(700, 900);
        QCoreApplication::processEvents();
        ItemTablePanel *power = panel(ItemList::Power);
        QScrollBar *sideways = power->view()->horizontalScrollBar();
        QVERIFY(sideways->maximum() > 0);
        QVERIFY(!power->frozenView()->isVisible());
        sideways->setValue(sideways->maximum());
        QVERIFY(power->frozenView()->isVisible());
        const int name = power->model()->columnOf(QStringLiteral("name"));
        QCOMPARE(power->frozenView()->columnWidth(name), power->view()->columnWidth(name));
        QVERIFY(power->frozenView()->geometry().left() <= power->view()->verticalHeader()->width() + 2);
        const QModelIndex first = power->model()->index(0, name);
        QVERIFY(power->frozenView()->visualRect(first).isValid());
        QCOMPARE(power->frozenView()->visualRect(first).left(), 0);
        sideways->setValue(0);
        QVERIFY(!power->frozenView()->isVisible());
    }

    void sitesFollowEditsAndUndo()
    {
        auto *tabs = m_editor->findChild<QTabBar *>(QStringLiteral("siteTabs"));
        QCOMPARE(tabs->count(), 1);
        QVERIFY(m_document->addSite());
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(m_editor->currentSite(), 1);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Site 2"));
        QCOMPARE(panel(ItemList::Compute)->model()->rowCount(), 0); // the new site's empty lists
        m_document->undoStack()->undo();
        QCOMPARE(tabs->count(), 1);
        QCOMPARE(m_editor->currentSite(), 0);
        QCOMPARE(panel(ItemList::Compute)->model()->rowCount(), 2);
    }

    void showFieldTakesTheUserThere()
    {
        QVERIFY(m_editor->showField(*FieldPath::fromJsonPath(QStringLiteral("sites[0].power[3].powerMw"))));
        QTableView *view = panel(ItemList::Power)->view();
        QCOMPARE(view->currentIndex().row(), 3);
        QCOMPARE(view->currentIndex().column(), panel(ItemList::Power)->model()->columnOf(QStringLiteral("powerMw")));
        QVERIFY(view->hasFocus());

        QVERIFY(m_editor->showField(*FieldPath::fromJsonPath(QStringLiteral("assumptions.discountRatePct"))));
        QVERIFY(m_editor->form(FieldPath::Scope::Assumptions)->editor(QStringLiteral("discountRatePct"))->hasFocus());
    }

    void catalogDefaultsShowInItalicsInForms()
    {
        cp::views::FieldForm *site = m_editor->form(FieldPath::Scope::Site);
        QWidget *pue = site->editor(QStringLiteral("pue")); // memphis leaves PUE to the catalog (DLC)
        QVERIFY(pue->font().italic());
        const cp::CatalogValue &dlc = cp::Catalog::builtIn().facilityCooling(cp::FacilityCooling::Dlc).pue;
        QVERIFY2(pue->toolTip().contains(dlc.source.toHtmlEscaped()), qPrintable(pue->toolTip()));
        // The default shows with the catalog's range, which risk runs sample.
        QCOMPARE(qobject_cast<cp::views::ThreePointEdit *>(pue)->value(), dlc.range());
        QVERIFY(!dlc.range().isFixed());
    }

    // The salvage and residual shares, which the format had and the window lacked: a
    // Salvage (%) column in each item table and four residual shares in the Assumptions, typed
    // in like any field, refused out of bounds with the field's name, taken back by undo.
    void salvageAndResidualSharesAreEditable()
    {
        for (const ItemList list : {ItemList::Compute, ItemList::Power, ItemList::Cooling}) {
            const cp::ItemTableModel *model = panel(list)->model();
            const int column = model->columnOf(QStringLiteral("salvagePctOfBook"));
            QVERIFY(column >= 0);
            QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Salvage (%)"));
            const QString help = model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(help.contains(QLatin1String("empty: 0")), qPrintable(help));
        }

        ItemTablePanel *compute = panel(ItemList::Compute);
        typeIntoCell(compute, 0, QStringLiteral("salvagePctOfBook"), QStringLiteral("30"));
        QCOMPARE(m_document->scenario().sites[0].compute[0].salvagePctOfBook, std::optional(30.0));
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed editor goes
        typeIntoCell(compute, 0, QStringLiteral("salvagePctOfBook"), QStringLiteral("150"));
        QCOMPARE(m_document->scenario().sites[0].compute[0].salvagePctOfBook, std::optional(30.0));
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY2(compute->message().contains(QLatin1String("Row 1: Salvage must be from 0 to 100% (found 150)")),
                 qPrintable(compute->message()));
        m_document->undoStack()->undo();
        QVERIFY(!m_document->scenario().sites[0].compute[0].salvagePctOfBook);

        const FieldPath share = FieldPath::assumptions(QStringLiteral("residualPctOfBook.compute"));
        QVERIFY(m_editor->showField(share)); // opens the Assumptions
        cp::views::FieldForm *assumptions = m_editor->form(FieldPath::Scope::Assumptions);
        for (const char *category : {"compute", "facility", "power", "cooling"})
            QVERIFY(qobject_cast<cp::views::UnitSpinBox *>(
                assumptions->editor(QStringLiteral("residualPctOfBook.") + QLatin1String(category))));
        auto *box = qobject_cast<cp::views::UnitSpinBox *>(assumptions->editor(share.key));
        QVERIFY(box->hasFocus());
        auto *line = box->findChild<QLineEdit *>();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("120"));
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(!m_document->scenario().assumptions.residualPctOfBook);
        QVERIFY2(assumptions->message(share.key).contains(
                     QLatin1String("Residual share, compute must be from 0 to 100% (found 120)")),
                 qPrintable(assumptions->message(share.key)));
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("40"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(m_document->scenario().assumptions.residualPctOfBook, (cp::ResidualPctOfBook{40, 100, 100, 100}));
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QVERIFY(!m_document->scenario().assumptions.residualPctOfBook);
    }

    // The value of compute is offered from the catalog, never applied by itself: with none
    // stated, a button beside the field names the catalog's rent for the plan's accelerator (every
    // tranche here is an H100); a click sets the whole range as one undoable step, and the button
    // goes while a value is stated.
    void theCatalogRentIsOfferedForTheValueOfCompute()
    {
        cp::Scenario unpriced = memphis();
        unpriced.assumptions.computePriceUsdPerAcceleratorHour.reset();
        m_editor->setDocument(nullptr);
        m_document = std::make_unique<ScenarioDocument>(unpriced, cp::Catalog::builtIn());
        m_editor->setDocument(m_document.get());
        cp::views::FieldForm *assumptions = m_editor->form(FieldPath::Scope::Assumptions);
        QToolButton *offer = assumptions->suggestion(QStringLiteral("computePriceUsdPerAcceleratorHour"));
        QVERIFY(offer);
        QVERIFY(offer->isVisibleTo(assumptions));
        const cp::CatalogValue &rent = cp::Catalog::builtIn().accelerator(u"h100_sxm")->rentUsdPerAcceleratorHour;
        QCOMPARE(offer->text(), QStringLiteral("Use catalog rent: $%1/h").arg(QString::number(rent.value, 'f', 2)));
        QVERIFY2(offer->toolTip().contains(rent.source), qPrintable(offer->toolTip()));
        QCOMPARE(m_document->undoStack()->count(), 0); // shown, not applied

        offer->click();
        QCOMPARE(m_document->scenario().assumptions.computePriceUsdPerAcceleratorHour, std::optional(rent.range()));
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(!offer->isVisibleTo(assumptions));

        m_document->undoStack()->undo();
        QVERIFY(!m_document->scenario().assumptions.computePriceUsdPerAcceleratorHour);
        QVERIFY(offer->isVisibleTo(assumptions));
    }
};

QTEST_MAIN(TestScenarioEditor)
#include "tst_scenarioeditor.moc"
