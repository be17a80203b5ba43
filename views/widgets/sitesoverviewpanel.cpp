#include "widgets/sitesoverviewpanel.h"

#include "document/scenariodocument.h"
#include "itemmodels/siteoverviewmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::views {

SitesOverviewPanel::SitesOverviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SiteOverviewModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_shiftMonths(new QSpinBox(this))
    , m_shiftButton(new QPushButton(tr("Move orders"), this))
    , m_message(new QLabel(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SiteOverviewModel::SortRole);
    m_proxy->setFilterKeyColumn(-1); // any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter sites: name, country, gating item, month..."));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("sitesFilter"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateActions();
    });

    m_table->setObjectName(QStringLiteral("sitesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SiteOverviewModel::FullPower, Qt::DescendingOrder); // the sites that gate the portfolio first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit siteActivated(m_proxy->mapToSource(index).row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SitesOverviewPanel::updateActions);

    m_shiftMonths->setRange(-120, 120);
    m_shiftMonths->setValue(2);
    m_shiftMonths->setSuffix(tr(" months"));
    m_shiftMonths->setToolTip(tr("Months to move every order of the selected sites by (negative: earlier)"));
    m_shiftButton->setToolTip(tr("Move every order month of the selected sites; one step to undo"));
    connect(m_shiftButton, &QPushButton::clicked, this, [this] { shiftSelected(); });
    m_message->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Selected sites:"), this));
    bar->addWidget(m_shiftMonths);
    bar->addWidget(m_shiftButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    m_message->hide();
    updateActions();
}

void SitesOverviewPanel::setDocument(ScenarioDocument *document)
{
    m_document = document;
    m_message->hide();
    updateActions();
}

void SitesOverviewPanel::setSolved(const std::shared_ptr<const SolvedScenario> &solved)
{
    m_model->setSolved(solved);
    updateActions();
}

std::vector<int> SitesOverviewPanel::selectedSites() const
{
    std::vector<int> sites;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        sites.push_back(m_proxy->mapToSource(index).row());
    std::sort(sites.begin(), sites.end());
    return sites;
}

bool SitesOverviewPanel::shiftSelected()
{
    const std::vector<int> sites = selectedSites();
    if (!m_document || sites.empty())
        return false;
    QString reason;
    const bool ok = m_document->shiftOrderMonths(sites, m_shiftMonths->value(), &reason);
    m_message->setText(ok ? QString() : tr("Orders not moved: %1").arg(reason));
    m_message->setVisible(!ok);
    return ok;
}

void SitesOverviewPanel::updateActions()
{
    const bool canShift = m_document && !m_document->isReadOnly() && m_table->selectionModel()->hasSelection();
    m_shiftButton->setEnabled(canShift);
    m_count->setText(tr("%1 of %2 sites").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace cp::views
