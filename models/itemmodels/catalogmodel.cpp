#include "itemmodels/catalogmodel.h"

#include "catalog/catalog.h"
#include "fields/scenariofields.h"

#include <QColor>

#include <cmath>

namespace cp {

namespace {

// Enough decimals for the smaller figures (a PUE of 1.25, 0.7 kW) without noise on big ones.
QString figure(double value)
{
    const double a = std::abs(value);
    return groupedNumber(value, a >= 1000 ? 0 : (a >= 10 ? 2 : 4));
}

QString confidenceText(const CatalogValue &v)
{
    QString text = v.confidence == u"H" ? QObject::tr("High")
        : v.confidence == u"M"          ? QObject::tr("Medium")
                                        : QObject::tr("Low");
    if (v.estimate)
        text += QObject::tr(", estimate");
    return text;
}

} // namespace

CatalogModel::CatalogModel(const Catalog &catalog, Month today, QObject *parent)
    : QAbstractTableModel(parent)
    , m_entries(catalog.entries())
    , m_today(today)
{
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int CatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const CatalogEntry &entry = m_entries[static_cast<std::size_t>(index.row())];
    const CatalogValue &v = entry.value;
    const bool stale = v.isStale(m_today);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Group:
            return entry.group;
        case Item:
            return entry.item;
        case Field:
            return entry.field;
        case Value:
            return figure(v.value);
        case Low:
            return figure(v.low);
        case High:
            return figure(v.high);
        case Unit:
            return v.unit;
        case Source:
            return v.source;
        case AsOf:
            return stale ? tr("%1 (stale)").arg(v.asOf) : v.asOf;
        case Confidence:
            return confidenceText(v);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = QStringLiteral("<b>%1 \u2014 %2</b> (%3)<br>%4 %5, range %6 to %7<br>Source: %8")
                          .arg(entry.item.toHtmlEscaped(), entry.field.toHtmlEscaped(), entry.key, figure(v.value),
                               v.unit.toHtmlEscaped(), figure(v.low), figure(v.high), v.provenance().toHtmlEscaped());
        if (stale)
            tip += tr("<br><i>Older than two years: check whether a newer figure exists.</i>");
        return tip;
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == Value || index.column() == Low || index.column() == High;
        return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole && stale && index.column() == AsOf)
        return QColor(0xb4, 0x23, 0x18);
    return {};
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case Item:
        return tr("Item");
    case Field:
        return tr("Figure");
    case Value:
        return tr("Value");
    case Low:
        return tr("Low");
    case High:
        return tr("High");
    case Unit:
        return tr("Unit");
    case Source:
        return tr("Source");
    case AsOf:
        return tr("As of");
    case Confidence:
        return tr("Confidence");
    default:
        return {};
    }
}

} // namespace cp
