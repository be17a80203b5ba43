#include "widgets/warningspanel.h"

#include "analysis/solvedscenario.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/warninglistmodel.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp::views {

WarningsPanel::WarningsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new WarningListModel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("WarningsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(QStringLiteral("warningList"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight); // the whole text is in the tooltip
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(WarningListModel::Where, 280);
    m_view->setAccessibleName(tr("Warnings"));
    layout->addWidget(m_view);

    const auto request = [this](const QModelIndex &index) {
        const auto path = FieldPath::fromJsonPath(index.data(roles::FieldPathRole).toString());
        if (path)
            emit fieldRequested(*path);
    };
    connect(m_view, &QTreeView::clicked, this, request);
    connect(m_view, &QTreeView::activated, this, request);
}

void WarningsPanel::setSolved(const std::shared_ptr<const SolvedScenario> &solved)
{
    m_model->setSolved(solved);
    emit countChanged(count());
}

int WarningsPanel::count() const
{
    return m_model->rowCount();
}

} // namespace cp::views
