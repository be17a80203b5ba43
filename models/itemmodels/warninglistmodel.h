#pragma once

#include "itemmodels/itemroles.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// What the planner should look at in the latest solve: validation problems first, then the solver's
// checks (docs/scenario-format.md, section 6) and stale catalog values. Each row knows the field or
// row it is about (FieldPathRole), so a click can take the user there.
class WarningListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Where, Message, ColumnCount };

    explicit WarningListModel(QObject *parent = nullptr);

    void setSolved(const std::shared_ptr<const SolvedScenario> &solved);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        roles::Severity severity;
        QString where;
        QString message;
        QString path; // JSON path; empty when it concerns the whole scenario
    };
    std::vector<Row> m_rows;
};

} // namespace cp
