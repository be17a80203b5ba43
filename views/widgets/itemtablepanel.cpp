#include "widgets/itemtablepanel.h"

#include "document/scenariodocument.h"
#include "document/scenariofields.h"
#include "editors/fielddelegate.h"
#include "editors/inlinemessage.h"
#include "itemmodels/itemtablemodel.h"
#include "itemmodels/tsv.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::views {

namespace {

QString titleOf(ItemList list)
{
    switch (list) {
    case ItemList::Compute:
        return QObject::tr("Compute");
    case ItemList::Power:
        return QObject::tr("Power");
    case ItemList::Cooling:
        return QObject::tr("Cooling");
    }
    return {};
}

QString countText(ItemList list, int n)
{
    switch (list) {
    case ItemList::Compute:
        return n == 1 ? QObject::tr("1 tranche") : QObject::tr("%1 tranches").arg(n);
    case ItemList::Power:
        return n == 1 ? QObject::tr("1 source") : QObject::tr("%1 sources").arg(n);
    case ItemList::Cooling:
        return n == 1 ? QObject::tr("1 plant") : QObject::tr("%1 plants").arg(n);
    }
    return {};
}

constexpr int kRowHeight = 28;
constexpr int kEmptyRows = 2; // an empty table still shows where rows go

} // namespace

ItemTablePanel::ItemTablePanel(ItemList list, const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_list(list)
    , m_model(new ItemTableModel(list, this))
    , m_view(new QTableView(this))
    , m_frozen(new QTableView(m_view))
    , m_title(new QLabel(this))
    , m_message(new InlineMessage(this))
{
    setObjectName(itemListKey(list) + QStringLiteral("Panel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    header->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    header->addWidget(m_title);
    header->addStretch(1);
    m_add = addButton(tr("Add"), tr("Add a row after the current one"), QKeySequence(Qt::Key_Insert),
                      &ItemTablePanel::addRow);
    m_duplicate = addButton(tr("Duplicate"), tr("Duplicate the selected rows"), QKeySequence(Qt::CTRL | Qt::Key_D),
                            &ItemTablePanel::duplicateRows);
    m_remove = addButton(tr("Remove"), tr("Remove the selected rows"), QKeySequence(Qt::Key_Delete),
                         &ItemTablePanel::removeRows);
    m_up = addButton(QStringLiteral("\u2191"), tr("Move the row up"), QKeySequence(Qt::ALT | Qt::Key_Up), nullptr);
    m_down
        = addButton(QStringLiteral("\u2193"), tr("Move the row down"), QKeySequence(Qt::ALT | Qt::Key_Down), nullptr);
    connect(m_up, &QToolButton::clicked, this, [this] { moveRow(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveRow(1); });
    for (QToolButton *button : {m_add, m_duplicate, m_remove, m_up, m_down})
        header->addWidget(button);
    layout->addLayout(header);

    m_view->setObjectName(itemListKey(list) + QStringLiteral("Table"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FieldDelegate(catalog, m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->setDefaultSectionSize(kRowHeight);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->installEventFilter(this);
    m_view->setAccessibleName(titleOf(list));
    layout->addWidget(m_view);
    layout->addWidget(m_message);

    // The Name column frozen: a view of that column alone over the left edge, shown while the
    // table is scrolled sideways, sharing the model, the selection and the editors.
    m_frozen->setObjectName(itemListKey(list) + QStringLiteral("FrozenNames"));
    m_frozen->setModel(m_model);
    m_frozen->setSelectionModel(m_view->selectionModel());
    m_frozen->setItemDelegate(m_view->itemDelegate());
    m_frozen->setEditTriggers(QAbstractItemView::DoubleClicked);
    m_frozen->setFocusPolicy(Qt::NoFocus); // keys stay with the table
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setDefaultSectionSize(kRowHeight);
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setAlternatingRowColors(true);
    m_frozen->setWordWrap(false);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border-right: 1px solid palette(mid); }"));
    m_frozen->hide();
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &ItemTablePanel::updateFrozenColumn);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, &ItemTablePanel::updateFrozenColumn);

    connect(m_model, &ItemTableModel::editRefused, this, [this](const QModelIndex &index, const QString &reason) {
        showMessage(placedMessage(tr("Row %1").arg(index.row() + 1), m_model->field(index.column()), reason));
        QToolTip::showText(m_view->viewport()->mapToGlobal(m_view->visualRect(index).bottomLeft()), reason, m_view);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_message->clearMessage();
        fitColumns();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateTitle();
            updateButtons();
            fitColumns();
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateTitle();
        updateButtons();
        m_view->resizeColumnsToContents();
        fitColumns();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ItemTablePanel::updateButtons);
    // Room for the horizontal scroll bar only while the columns need it.
    connect(m_view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &ItemTablePanel::updateTitle);
    updateTitle();
    updateButtons();
}

QToolButton *ItemTablePanel::addButton(const QString &text, const QString &tip, const QKeySequence &key,
                                       void (ItemTablePanel::*slot)())
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus); // keys do the same from the table; tabbing skips them
    if (slot)
        connect(button, &QToolButton::clicked, this, slot);
    return button;
}

void ItemTablePanel::setSite(ScenarioDocument *document, int site)
{
    m_message->clearMessage();
    m_model->setSite(document, site);
    m_view->resizeColumnsToContents();
    fitColumns();
}

void ItemTablePanel::fitColumns()
{
    // Name columns wide enough to read, numbers, months and kinds as their values need.
    const int nameColumn = m_model->columnOf(QStringLiteral("name"));
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const int before = m_view->columnWidth(c);
        m_view->resizeColumnToContents(c); // the wider of the header and the cells
        const int wanted = std::max(m_view->columnWidth(c), c == nameColumn ? 180 : 0);
        m_view->setColumnWidth(c, std::max(before, wanted));
    }
    updateFrozenColumn();
}

void ItemTablePanel::updateFrozenColumn()
{
    const int nameColumn = m_model->columnOf(QStringLiteral("name"));
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_frozen->setColumnHidden(c, c != nameColumn);
    const bool scrolled = m_view->horizontalScrollBar()->value() > 0;
    m_frozen->setVisible(scrolled && nameColumn >= 0);
    if (!scrolled || nameColumn < 0)
        return;
    m_frozen->setColumnWidth(nameColumn, m_view->columnWidth(nameColumn));
    m_frozen->horizontalHeader()->setFixedHeight(m_view->horizontalHeader()->height());
    m_frozen->setGeometry(m_view->frameWidth() + m_view->verticalHeader()->width(), m_view->frameWidth(),
                          m_view->columnWidth(nameColumn) + 1,
                          m_view->viewport()->height() + m_view->horizontalHeader()->height());
}

QString ItemTablePanel::message() const
{
    return m_message->text();
}

void ItemTablePanel::updateTitle()
{
    m_title->setText(QStringLiteral("%1  <span style=\"color:#6b7280; font-weight:normal\">%2</span>")
                         .arg(titleOf(m_list), countText(m_list, m_model->rowCount())));
    // Every row visible: the editor page scrolls, not each table.
    const int rows = std::max(m_model->rowCount(), kEmptyRows);
    const QScrollBar *bar = m_view->horizontalScrollBar();
    const int scrollBar = bar->maximum() > bar->minimum() ? bar->sizeHint().height() : 0;
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height() + rows * kRowHeight
                           + 2 * m_view->frameWidth() + scrollBar);
}

void ItemTablePanel::updateButtons()
{
    const bool editable = m_model->document() && !m_model->document()->isReadOnly() && m_model->site() >= 0;
    const bool hasRow = m_view->currentIndex().isValid();
    m_add->setEnabled(editable);
    m_duplicate->setEnabled(editable && hasRow);
    m_remove->setEnabled(editable && hasRow);
    m_up->setEnabled(editable && hasRow && m_view->currentIndex().row() > 0);
    m_down->setEnabled(editable && hasRow && m_view->currentIndex().row() + 1 < m_model->rowCount());
}

void ItemTablePanel::showMessage(const QString &text)
{
    m_message->showMessage(text);
}

std::vector<int> ItemTablePanel::selectedRows() const
{
    std::vector<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        rows.push_back(index.row());
    if (rows.empty() && m_view->currentIndex().isValid())
        rows.push_back(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void ItemTablePanel::showField(int row, const QString &key)
{
    const int column = std::max(m_model->columnOf(key), 0);
    const QModelIndex index = m_model->index(row, column);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus(Qt::OtherFocusReason);
}

void ItemTablePanel::addRow()
{
    ScenarioDocument *document = m_model->document();
    if (!document)
        return;
    const QModelIndex current = m_view->currentIndex();
    QString reason;
    const auto row = document->addItem(m_model->site(), m_list, current.isValid() ? current.row() + 1 : -1, &reason);
    if (!row) {
        showMessage(reason);
        return;
    }
    showField(*row, QStringLiteral("name"));
}

void ItemTablePanel::duplicateRows()
{
    ScenarioDocument *document = m_model->document();
    const std::vector<int> rows = selectedRows();
    if (!document || rows.empty())
        return;
    QString reason;
    if (!document->duplicateItems(m_model->site(), m_list, rows, &reason))
        showMessage(reason);
    else
        showField(rows.back() + 1, QStringLiteral("name"));
}

void ItemTablePanel::removeRows()
{
    ScenarioDocument *document = m_model->document();
    const std::vector<int> rows = selectedRows();
    if (!document || rows.empty())
        return;
    QString reason;
    if (!document->removeItems(m_model->site(), m_list, rows, &reason)) {
        showMessage(reason);
        return;
    }
    if (m_model->rowCount() > 0)
        showField(std::min(rows.front(), m_model->rowCount() - 1), QStringLiteral("name"));
}

void ItemTablePanel::moveRow(int delta)
{
    ScenarioDocument *document = m_model->document();
    const QModelIndex current = m_view->currentIndex();
    if (!document || !current.isValid())
        return;
    const int to = current.row() + delta;
    if (to < 0 || to >= m_model->rowCount())
        return;
    QString reason;
    if (!document->moveItem(m_model->site(), m_list, current.row(), to, &reason))
        showMessage(reason);
    else
        showField(to, m_model->field(current.column()).key);
}

void ItemTablePanel::resetCells()
{
    const QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : cells.isEmpty() ? QModelIndexList{m_view->currentIndex()} : cells) {
        if (!index.isValid() || !(m_model->flags(index) & Qt::ItemIsEditable))
            continue;
        if (m_model->field(index.column()).optional)
            m_model->setData(index, QVariant());
        else
            showMessage(tr("%1 has no default; type a value instead.").arg(m_model->field(index.column()).label));
    }
}

void ItemTablePanel::copyRows() const
{
    const std::vector<int> rows = selectedRows();
    if (!rows.empty())
        QGuiApplication::clipboard()->setText(m_model->rowsAsTsv(rows));
}

void ItemTablePanel::cutRows()
{
    copyRows();
    removeRows();
}

void ItemTablePanel::pasteRows()
{
    // One cell a line is values for cells ("Phase A" with a Name cell selected), never rows.
    const std::vector<QStringList> lines = tsv::parse(QGuiApplication::clipboard()->text());
    if (!lines.empty() && std::all_of(lines.begin(), lines.end(), [](const QStringList &l) { return l.size() <= 1; })) {
        QStringList values;
        for (const QStringList &line : lines)
            values << line.value(0);
        pasteValues(values);
        return;
    }
    const std::vector<int> rows = selectedRows();
    const int at = rows.empty() ? m_model->rowCount() : rows.back() + 1;
    const ItemTableModel::PasteResult result = m_model->pasteTsv(QGuiApplication::clipboard()->text(), at);
    if (!result.ok) {
        showMessage(tr("Nothing was pasted. %1").arg(result.problems.join(QLatin1Char('\n'))));
        return;
    }
    m_message->clearMessage();
    m_view->clearSelection();
    m_view->setCurrentIndex(m_model->index(result.firstRow, 0));
    m_view->selectionModel()->select(
        QItemSelection(m_model->index(result.firstRow, 0),
                       m_model->index(result.firstRow + result.rowCount - 1, m_model->columnCount() - 1)),
        QItemSelectionModel::Select);
}

void ItemTablePanel::pasteValues(const QStringList &values)
{
    ScenarioDocument *document = m_model->document();
    if (!document)
        return;
    QModelIndexList cells;
    if (values.size() == 1) {
        cells = m_view->selectionModel()->selectedIndexes();
        if (cells.isEmpty() && m_view->currentIndex().isValid())
            cells << m_view->currentIndex();
    } else if (m_view->currentIndex().isValid()) {
        // A column of values runs down from the current cell.
        const QModelIndex from = m_view->currentIndex();
        if (from.row() + values.size() > m_model->rowCount()) {
            showMessage(tr("Nothing was pasted: %1 values, but %2 rows from row %3. Add rows first, or copy whole "
                           "rows to add them.")
                            .arg(values.size())
                            .arg(m_model->rowCount() - from.row())
                            .arg(from.row() + 1));
            return;
        }
        for (int i = 0; i < values.size(); ++i)
            cells << m_model->index(from.row() + i, from.column());
    }
    if (cells.isEmpty()) {
        showMessage(tr("Select the cells to paste into."));
        return;
    }
    std::sort(cells.begin(), cells.end());
    // Every cell checked first: a refused value leaves the table as it was, and no trace in undo.
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QModelIndex &cell = cells[i];
        if (!(m_model->flags(cell) & Qt::ItemIsEditable))
            continue;
        const QString reason = m_model->checkData(cell, values.size() == 1 ? values.front() : values[i]);
        if (!reason.isEmpty()) {
            showMessage(tr("Nothing was pasted. %1")
                            .arg(placedMessage(tr("Row %1").arg(cell.row() + 1), m_model->field(cell.column()), reason)));
            return;
        }
    }
    QUndoStack *stack = document->undoStack();
    const int before = stack->index();
    stack->beginMacro(cells.size() == 1 ? tr("Paste into 1 cell") : tr("Paste into %1 cells").arg(cells.size()));
    bool ok = true;
    for (qsizetype i = 0; i < cells.size() && ok; ++i) {
        const QModelIndex &cell = cells[i];
        if (!(m_model->flags(cell) & Qt::ItemIsEditable))
            continue; // a field that does not apply to the row's kind
        ok = m_model->setData(cell, values.size() == 1 ? values.front() : values[i]); // refused: says why
    }
    stack->endMacro();
    if (!ok) {
        // All or nothing, like a paste of rows: take back what went in before the refusal.
        const QString reason = message();
        if (stack->index() > before)
            stack->undo();
        showMessage(reason.isEmpty() ? tr("Nothing was pasted.") : reason.mid(2)); // without the sign
    }
}

bool ItemTablePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::FocusIn)
        emit activated(this);
    if (watched == m_view && event->type() == QEvent::Resize)
        updateFrozenColumn();
    // Keys an open cell editor did not take come here too: only act when the table has the focus.
    if (watched != m_view || event->type() != QEvent::KeyPress || QApplication::focusWidget() != m_view)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const auto is = [key](const QKeySequence &sequence) { return QKeySequence(key->keyCombination()) == sequence; };
    if (key->matches(QKeySequence::Copy))
        copyRows();
    else if (key->matches(QKeySequence::Cut))
        cutRows();
    else if (key->matches(QKeySequence::Paste))
        pasteRows();
    else if (is(QKeySequence(Qt::Key_Insert)))
        addRow();
    else if (is(QKeySequence(Qt::Key_Delete)))
        removeRows();
    else if (is(QKeySequence(Qt::Key_Backspace)))
        resetCells();
    else if (is(QKeySequence(Qt::CTRL | Qt::Key_D)))
        duplicateRows();
    else if (is(QKeySequence(Qt::ALT | Qt::Key_Up)))
        moveRow(-1);
    else if (is(QKeySequence(Qt::ALT | Qt::Key_Down)))
        moveRow(1);
    else
        return QWidget::eventFilter(watched, event);
    return true;
}

} // namespace cp::views
