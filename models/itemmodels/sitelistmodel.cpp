#include "itemmodels/sitelistmodel.h"

#include "document/scenariodocument.h"
#include "itemmodels/itemroles.h"

namespace cp {

SiteListModel::SiteListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void SiteListModel::setDocument(ScenarioDocument *document)
{
    beginResetModel();
    disconnect(m_connection);
    m_document = document;
    m_names.clear();
    if (document) {
        m_connection = connect(document, &ScenarioDocument::changed, this, &SiteListModel::onChanged);
        for (const Site &site : document->scenario().sites)
            m_names << site.name;
    }
    endResetModel();
}

QString SiteListModel::nameAt(int site) const
{
    return m_document->scenario().sites.at(static_cast<std::size_t>(site)).name;
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_names[index.row()];
    case Qt::ToolTipRole:
        return tr("Site %1: %2. Double-click or press F2 to rename.").arg(index.row() + 1).arg(m_names[index.row()]);
    case roles::FieldPathRole:
        return QStringLiteral("sites[%1]").arg(index.row());
    default:
        return {};
    }
}

Qt::ItemFlags SiteListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_document && !m_document->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool SiteListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_document || !index.isValid())
        return false;
    QString reason;
    if (!m_document->setValue(FieldPath::ofSite(index.row(), QStringLiteral("name")), value.toString(), &reason)) {
        emit editRefused(index, reason);
        return false;
    }
    return true;
}

void SiteListModel::onChanged(const ScenarioChange &change)
{
    using Kind = ScenarioChange::Kind;
    const int site = change.path.site;
    switch (change.kind) {
    case Kind::FieldChanged:
        if (change.path.scope == FieldPath::Scope::Site && change.path.key == u"name") {
            m_names[site] = nameAt(site);
            emit dataChanged(index(site), index(site));
        }
        return;
    case Kind::SiteInserted:
        beginInsertRows(QModelIndex(), site, site);
        m_names.insert(site, nameAt(site));
        endInsertRows();
        return;
    case Kind::SiteRemoved:
        beginRemoveRows(QModelIndex(), site, site);
        m_names.removeAt(site);
        endRemoveRows();
        return;
    case Kind::SiteMoved:
        beginMoveRows(QModelIndex(), site, site, QModelIndex(), change.to > site ? change.to + 1 : change.to);
        m_names.move(site, change.to);
        endMoveRows();
        return;
    case Kind::ItemsInserted:
    case Kind::ItemsRemoved:
    case Kind::ItemMoved:
        return;
    }
}

} // namespace cp
