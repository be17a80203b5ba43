#pragma once

#include "storage/workspace.h"

#include <QAbstractListModel>
#include <QPointer>

#include <vector>

namespace cp {

// The scenarios of a workspace in list order, following the workspace's signals. Renaming
// (setData) renames in the workspace; a refused name changes nothing and editRefused() says why.
class WorkspaceListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit WorkspaceListModel(QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    [[nodiscard]] Workspace *workspace() const { return m_workspace; }
    [[nodiscard]] ScenarioId idAt(int row) const;
    [[nodiscard]] int rowOf(ScenarioId id) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex &index, const QString &reason);

private:
    void onInserted(int row, qint64 id);
    void onRemoved(int row, qint64 id);
    void onChanged(int row, qint64 id);
    // Another client changed the server workspace: reads the list again (rows kept when only
    // names or times changed, else a reset).
    void onChangedElsewhere();

    QPointer<Workspace> m_workspace;
    std::vector<ScenarioInfo> m_scenarios;
};

} // namespace cp
