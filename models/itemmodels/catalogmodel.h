#pragma once

#include "catalog/catalogvalue.h"
#include "domain/month.h"

#include <QAbstractTableModel>

#include <vector>

namespace cp {

class Catalog;

// Every figure of the reference catalog for the Reference data window: where it sits, its
// value, unit and range, its source, date and confidence. Values dated more than two years
// before `today` are marked stale (docs/scenario-format.md, section 6).
class CatalogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Group, Item, Field, Value, Unit, Low, High, AsOf, Confidence, Source, ColumnCount };

    CatalogModel(const Catalog &catalog, Month today, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<CatalogEntry> m_entries;
    Month m_today;
};

} // namespace cp
