#include "itemmodels/workspacelistmodel.h"

#include "itemmodels/itemroles.h"

#include <QLocale>

#include <algorithm>

namespace cp {

WorkspaceListModel::WorkspaceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void WorkspaceListModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_scenarios.clear();
    if (workspace) {
        m_scenarios = workspace->scenarios();
        connect(workspace, &Workspace::scenarioInserted, this, &WorkspaceListModel::onInserted);
        connect(workspace, &Workspace::scenarioRemoved, this, &WorkspaceListModel::onRemoved);
        connect(workspace, &Workspace::scenarioChanged, this, &WorkspaceListModel::onChanged);
        connect(workspace, &Workspace::changedElsewhere, this, &WorkspaceListModel::onChangedElsewhere);
        connect(workspace, &QObject::destroyed, this, [this] { setWorkspace(nullptr); });
    }
    endResetModel();
}

ScenarioId WorkspaceListModel::idAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_scenarios[static_cast<std::size_t>(row)].id : 0;
}

int WorkspaceListModel::rowOf(ScenarioId id) const
{
    for (std::size_t i = 0; i < m_scenarios.size(); ++i)
        if (m_scenarios[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int WorkspaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_scenarios.size());
}

QVariant WorkspaceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ScenarioInfo &info = m_scenarios[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return info.damaged ? tr("%1 (damaged)").arg(info.name) : info.name;
    case Qt::EditRole:
        return info.name;
    case Qt::ToolTipRole: {
        if (info.damaged)
            return tr("<b>%1</b><br>This scenario is damaged: its stored name or plan no longer matches the checksum "
                      "saved with it, so it cannot be opened. The other scenarios are not affected. Restore the "
                      "workspace from a backup, or import the scenario again from a JSON file; renaming it gives it "
                      "a name you choose.")
                .arg(info.name.toHtmlEscaped());
        const QLocale locale;
        return tr("<b>%1</b><br>Changed %2<br>Created %3")
            .arg(info.name.toHtmlEscaped(), locale.toString(info.modifiedUtc.toLocalTime(), QLocale::ShortFormat),
                 locale.toString(info.createdUtc.toLocalTime(), QLocale::ShortFormat));
    }
    case roles::ScenarioIdRole:
        return QVariant::fromValue<qint64>(info.id);
    default:
        return {};
    }
}

Qt::ItemFlags WorkspaceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_workspace && !m_workspace->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool WorkspaceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_workspace || !index.isValid())
        return false;
    const ScenarioInfo &info = m_scenarios[static_cast<std::size_t>(index.row())];
    if (value.toString().trimmed() == info.name)
        return true;
    if (!m_workspace->renameScenario(info.id, value.toString())) {
        emit editRefused(index, m_workspace->lastError().message);
        return false;
    }
    return true;
}

void WorkspaceListModel::onInserted(int row, qint64 id)
{
    const auto info = m_workspace->scenario(id);
    if (!info)
        return;
    beginInsertRows(QModelIndex(), row, row);
    m_scenarios.insert(m_scenarios.begin() + row, *info);
    endInsertRows();
}

void WorkspaceListModel::onRemoved(int row, qint64)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_scenarios.erase(m_scenarios.begin() + row);
    endRemoveRows();
}

void WorkspaceListModel::onChanged(int row, qint64 id)
{
    if (const auto info = m_workspace->scenario(id)) {
        m_scenarios[static_cast<std::size_t>(row)] = *info;
        emit dataChanged(index(row), index(row));
    }
}

void WorkspaceListModel::onChangedElsewhere()
{
    std::vector<ScenarioInfo> fresh = m_workspace->scenarios();
    if (m_workspace->lastError().isError())
        return; // keep what is shown; the next change or open tries again
    const bool sameRows = std::equal(fresh.begin(), fresh.end(), m_scenarios.begin(), m_scenarios.end(),
                                     [](const ScenarioInfo &a, const ScenarioInfo &b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_scenarios = std::move(fresh);
        endResetModel();
        return;
    }
    m_scenarios = std::move(fresh);
    if (!m_scenarios.empty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace cp
