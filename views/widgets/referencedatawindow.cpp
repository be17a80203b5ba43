#include "widgets/referencedatawindow.h"

#include "analysis/solvedscenario.h"
#include "itemmodels/catalogmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace cp::views {

ReferenceDataWindow::ReferenceDataWindow(const Catalog &catalog, QWidget *parent)
    : QDialog(parent)
    , m_model(new CatalogModel(catalog, currentMonth(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("ReferenceDataWindow"));
    setWindowTitle(tr("Reference data"));
    resize(1280, 680);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *intro
        = new QLabel(tr("The figures ClusterPlan uses where a scenario leaves a field empty. Hover a row for the "
                        "full source and notes."),
                     this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_filter->setPlaceholderText(tr("Search: a chip, a power kind, a source, a year\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Search reference data"));
    layout->addWidget(m_filter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // file order until the user sorts
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setStretchLastSection(true); // the source takes what is left
    m_view->setColumnHidden(CatalogModel::Group, true); // the item says it; search still finds the group
    for (const auto column : {CatalogModel::Item, CatalogModel::Field, CatalogModel::Unit})
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), 180));
    m_view->setColumnWidth(CatalogModel::Source, 200); // then stretched to the window's edge; the tooltip has all of it
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ReferenceDataWindow::setFilterText);
}

void ReferenceDataWindow::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

int ReferenceDataWindow::visibleRows() const
{
    return m_proxy->rowCount();
}

} // namespace cp::views
