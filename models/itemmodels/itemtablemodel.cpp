#include "itemmodels/itemtablemodel.h"

#include "catalog/catalog.h"
#include "document/scenariochange.h"
#include "document/scenariodocument.h"
#include "fields/scenariofields.h"
#include "itemmodels/catalogdefaults.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/tsv.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace cp {

namespace {

const QColor kMuted(0x6b, 0x72, 0x80);

bool isNumeric(FieldType type)
{
    return type == FieldType::Number || type == FieldType::WholeNumber || type == FieldType::ThreePointEstimate;
}

// Index of the column a header cell names (label with unit, label or spec key), or -1.
int headerColumn(const std::vector<FieldInfo> &fields, const QString &cell)
{
    const QString text = cell.trimmed();
    for (std::size_t c = 0; c < fields.size(); ++c) {
        const FieldInfo &f = fields[c];
        if (text.compare(f.labelWithUnit(), Qt::CaseInsensitive) == 0 || text.compare(f.label, Qt::CaseInsensitive) == 0
            || text.compare(f.key, Qt::CaseInsensitive) == 0)
            return static_cast<int>(c);
    }
    return -1;
}

} // namespace

ItemTableModel::ItemTableModel(ItemList list, QObject *parent)
    : QAbstractTableModel(parent)
    , m_list(list)
{
}

void ItemTableModel::setSite(ScenarioDocument *document, int site)
{
    beginResetModel();
    disconnect(m_connection);
    m_document = document;
    m_site = document ? site : -1;
    if (document)
        m_connection = connect(document, &ScenarioDocument::changed, this, &ItemTableModel::onChanged);
    reload();
    endResetModel();
}

void ItemTableModel::reload()
{
    m_rows.clear();
    m_resolved.clear();
    if (!m_document || m_site < 0 || m_site >= static_cast<int>(m_document->scenario().sites.size()))
        return;
    const Site &site = m_document->scenario().sites[static_cast<std::size_t>(m_site)];
    for (int row = 0; row < itemCount(site, m_list); ++row) {
        m_rows.push_back(itemAt(site, m_list, row));
        m_resolved.push_back(resolvedItem(row));
    }
}

ScenarioItem ItemTableModel::resolvedItem(int row) const
{
    return itemAt(m_document->resolved().sites[static_cast<std::size_t>(m_site)], m_list, row);
}

const FieldInfo &ItemTableModel::field(int column) const
{
    return fieldsOf(FieldPath::Scope::Item, m_list).at(static_cast<std::size_t>(column));
}

int ItemTableModel::columnOf(const QString &key) const
{
    const auto &fields = fieldsOf(FieldPath::Scope::Item, m_list);
    for (std::size_t c = 0; c < fields.size(); ++c)
        if (fields[c].key == key)
            return static_cast<int>(c);
    return -1;
}

FieldPath ItemTableModel::pathOf(const QModelIndex &index) const
{
    return FieldPath::item(m_site, m_list, index.row(), index.isValid() ? field(index.column()).key : QString());
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(fieldsOf(FieldPath::Scope::Item, m_list).size());
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_document)
        return {};
    const FieldInfo &info = field(index.column());
    const ScenarioItem &item = m_rows[static_cast<std::size_t>(index.row())];
    const Catalog &catalog = m_document->catalog();
    const bool applies = itemFieldApplies(item, info.key);
    const QVariant written = readItemField(item, info.key);
    const FieldDefault fallback
        = itemDefault(item, m_resolved[static_cast<std::size_t>(index.row())], info.key, catalog);
    const bool showsDefault = !written.isValid() && fallback.isValid();
    const QVariant shown = showsDefault ? fallback.value : written;

    switch (role) {
    case Qt::DisplayRole:
        return applies ? displayText(info, shown, catalog) : QStringLiteral("\u2014");
    case Qt::EditRole:
        return shown;
    case Qt::ToolTipRole:
        if (!applies)
            return tr("%1 does not apply to this kind.").arg(info.label);
        if (const QString linked = linkedDateNote(item, info.key); !linked.isEmpty())
            return linked;
        return fieldToolTip(info, fallback, showsDefault, catalog);
    case Qt::FontRole:
        if (showsDefault) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return showsDefault || !applies ? QVariant(kMuted) : QVariant();
    case Qt::TextAlignmentRole:
        return isNumeric(info.type) && applies ? int(Qt::AlignRight | Qt::AlignVCenter)
                                               : int(Qt::AlignLeft | Qt::AlignVCenter);
    case roles::IsDefaultRole:
        return showsDefault;
    case roles::FieldPathRole:
        return pathOf(index).toJsonPath();
    case roles::EmptyMonthStartRole: {
        if (info.type != FieldType::Month)
            return {};
        const ScenarioItem &resolved = m_resolved[static_cast<std::size_t>(index.row())];
        const QVariant ordered = readItemField(resolved, QStringLiteral("orderMonth"));
        const QVariant lead = readItemField(resolved, QStringLiteral("leadTimeMonths"));
        if (!ordered.isValid())
            return QVariant::fromValue(m_document->scenario().startMonth);
        const int months = lead.isValid() ? static_cast<int>(std::lround(lead.value<ThreePoint>().mode)) : 0;
        return QVariant::fromValue(ordered.value<Month>().plusMonths(months));
    }
    default:
        return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return field(section).labelWithUnit();
    case Qt::ToolTipRole:
        return field(section).help;
    case Qt::TextAlignmentRole:
        return isNumeric(field(section).type) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                              : int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

Qt::ItemFlags ItemTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const ScenarioItem &item = m_rows[static_cast<std::size_t>(index.row())];
    const QString &key = field(index.column()).key;
    // A linked date follows its link: a typed month would be overwritten at once.
    if (m_document && !m_document->isReadOnly() && itemFieldApplies(item, key) && linkedDateNote(item, key).isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ItemTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_document || !index.isValid())
        return false;
    const FieldInfo &info = field(index.column());
    QVariant typed = value;
    if (value.typeId() == QMetaType::QString && info.type != FieldType::Text) {
        QString reason;
        bool ok = false;
        typed = parseFieldText(info, value.toString(), m_document->catalog(), &reason, &ok);
        if (!ok) {
            emit editRefused(index, reason);
            return false;
        }
    }
    // Confirming the default shown keeps it a default (it follows the catalog).
    const auto row = static_cast<std::size_t>(index.row());
    const FieldDefault fallback = itemDefault(m_rows[row], m_resolved[row], info.key, m_document->catalog());
    if (fallback.isValid() && typed == fallback.value)
        return true;
    QString reason;
    if (!m_document->setValue(pathOf(index), typed, &reason)) {
        emit editRefused(index, reason);
        return false;
    }
    return true;
}

QString ItemTableModel::checkData(const QModelIndex &index, const QVariant &value) const
{
    if (!m_document || !index.isValid())
        return tr("Open a scenario and pick a site first.");
    const FieldInfo &info = field(index.column());
    QVariant typed = value;
    if (value.typeId() == QMetaType::QString && info.type != FieldType::Text) {
        QString reason;
        bool ok = false;
        typed = parseFieldText(info, value.toString(), m_document->catalog(), &reason, &ok);
        if (!ok)
            return reason;
    }
    return m_document->checkValue(pathOf(index), typed);
}

void ItemTableModel::refreshLinkedRows()
{
    const Site &site = m_document->scenario().sites[static_cast<std::size_t>(m_site)];
    for (int row = 0; row < rowCount(); ++row) {
        ScenarioItem now = itemAt(site, m_list, row);
        const auto r = static_cast<std::size_t>(row);
        if (now == m_rows[r])
            continue;
        m_rows[r] = std::move(now);
        m_resolved[r] = resolvedItem(row);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

void ItemTableModel::onChanged(const ScenarioChange &change)
{
    using Kind = ScenarioChange::Kind;
    const FieldPath &path = change.path;
    switch (change.kind) {
    case Kind::FieldChanged:
        if (path.scope == FieldPath::Scope::Item && path.site == m_site && path.list == m_list) {
            const auto row = static_cast<std::size_t>(path.row);
            const Site &site = m_document->scenario().sites[static_cast<std::size_t>(m_site)];
            m_rows[row] = itemAt(site, m_list, path.row);
            m_resolved[row] = resolvedItem(path.row);
            // One field can change what others show (a kind changes defaults and what applies).
            emit dataChanged(index(path.row, 0), index(path.row, columnCount() - 1));
        } else if (path.site == m_site) {
            refreshLinkedRows(); // a facility or source date can move a linked date in this list
        }
        return;
    case Kind::ItemsInserted:
        if (path.site == m_site && path.list == m_list) {
            beginInsertRows(QModelIndex(), path.row, path.row + change.count - 1);
            const Site &site = m_document->scenario().sites[static_cast<std::size_t>(m_site)];
            for (int i = 0; i < change.count; ++i) {
                m_rows.insert(m_rows.begin() + path.row + i, itemAt(site, m_list, path.row + i));
                m_resolved.insert(m_resolved.begin() + path.row + i, resolvedItem(path.row + i));
            }
            endInsertRows();
        }
        return;
    case Kind::ItemsRemoved:
        if (path.site == m_site && path.list == m_list) {
            beginRemoveRows(QModelIndex(), path.row, path.row + change.count - 1);
            m_rows.erase(m_rows.begin() + path.row, m_rows.begin() + path.row + change.count);
            m_resolved.erase(m_resolved.begin() + path.row, m_resolved.begin() + path.row + change.count);
            endRemoveRows();
        }
        return;
    case Kind::ItemMoved:
        if (path.site == m_site && path.list == m_list) {
            beginMoveRows(QModelIndex(), path.row, path.row, QModelIndex(),
                          change.to > path.row ? change.to + 1 : change.to);
            for (auto *rows : {&m_rows, &m_resolved}) {
                ScenarioItem moving = (*rows)[static_cast<std::size_t>(path.row)];
                rows->erase(rows->begin() + path.row);
                rows->insert(rows->begin() + change.to, std::move(moving));
            }
            endMoveRows();
        }
        return;
    case Kind::SiteInserted:
        if (m_site >= 0 && path.site <= m_site)
            ++m_site;
        return;
    case Kind::SiteRemoved:
        if (path.site == m_site) {
            beginResetModel();
            m_site = -1;
            reload();
            endResetModel();
        } else if (m_site >= 0 && path.site < m_site) {
            --m_site;
        }
        return;
    case Kind::SiteMoved:
        if (m_site == path.site)
            m_site = change.to;
        else if (path.site < m_site && change.to >= m_site)
            --m_site;
        else if (path.site > m_site && change.to <= m_site && m_site >= 0)
            ++m_site;
        return;
    }
}

QString ItemTableModel::rowsAsTsv(std::vector<int> rows) const
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::vector<QStringList> table;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c)
        header << field(c).labelWithUnit();
    table.push_back(header);
    for (const int row : rows) {
        if (row < 0 || row >= rowCount())
            continue;
        QStringList cells;
        for (int c = 0; c < columnCount(); ++c)
            cells << clipboardText(field(c), readItemField(m_rows[static_cast<std::size_t>(row)], field(c).key));
        table.push_back(cells);
    }
    return tsv::write(table);
}

ItemTableModel::PasteResult ItemTableModel::pasteTsv(const QString &text, int row)
{
    PasteResult result;
    if (!m_document || m_site < 0) {
        result.problems << tr("Open a scenario and pick a site to paste into.");
        return result;
    }
    std::vector<QStringList> lines = tsv::parse(text);
    const auto &fields = fieldsOf(FieldPath::Scope::Item, m_list);

    // Columns by a header line when the first line names them, else in table order.
    std::vector<int> columns;
    int firstLine = 0;
    if (!lines.empty()) {
        std::vector<int> named;
        bool allNamed = true;
        for (const QString &cell : lines.front()) {
            const int c = headerColumn(fields, cell);
            allNamed = allNamed && (c >= 0 || cell.trimmed().isEmpty());
            named.push_back(c);
        }
        if (allNamed && std::any_of(named.begin(), named.end(), [](int c) { return c >= 0; })) {
            columns = named;
            firstLine = 1;
        }
    }
    if (columns.empty())
        for (std::size_t c = 0; c < fields.size(); ++c)
            columns.push_back(static_cast<int>(c));

    const Site &site = m_document->scenario().sites[static_cast<std::size_t>(m_site)];
    std::vector<QString> taken = itemNames(site);
    std::vector<ScenarioItem> items;
    std::vector<int> lineOfItem;
    for (std::size_t l = static_cast<std::size_t>(firstLine); l < lines.size(); ++l) {
        const QStringList &cells = lines[l];
        const int lineNumber = static_cast<int>(l) + 1;
        if (std::all_of(cells.begin(), cells.end(), [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        if (cells.size() > static_cast<qsizetype>(columns.size())) {
            result.problems << tr("Line %1: %2 cells, but the table has %3 columns")
                                   .arg(lineNumber)
                                   .arg(cells.size())
                                   .arg(columns.size());
            continue;
        }
        ScenarioItem item = newItem(m_list, m_document->scenario().startMonth, QString());
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const int c = columns[static_cast<std::size_t>(i)];
            if (c < 0)
                continue;
            const FieldInfo &info = fields[static_cast<std::size_t>(c)];
            QString reason;
            bool ok = false;
            const QVariant value = parseFieldText(info, cells[i], m_document->catalog(), &reason, &ok);
            if (!ok || !writeItemField(item, info.key, value, &reason))
                result.problems << placedMessage(tr("Line %1").arg(lineNumber), info, reason);
        }
        const QString name = uniqueName(itemName(item).trimmed().isEmpty() ? tr("Pasted row") : itemName(item), taken);
        setItemName(item, name);
        taken.push_back(name);
        items.push_back(std::move(item));
        lineOfItem.push_back(lineNumber);
    }
    if (items.empty() && result.problems.isEmpty())
        result.problems << tr("The clipboard holds no rows to paste.");
    if (!result.problems.isEmpty())
        return result;

    const int at = row < 0 || row > rowCount() ? rowCount() : row;
    QString reason;
    std::vector<Problem> problems;
    const QString command = items.size() == 1 ? tr("Paste row") : tr("Paste %1 rows").arg(items.size());
    if (!m_document->insertItems(m_site, at, items, command, &reason, &problems)) {
        for (const Problem &problem : problems) {
            const auto path = FieldPath::fromJsonPath(problem.path);
            const int index = path ? path->row - at : -1;
            if (path && path->scope == FieldPath::Scope::Item && path->list == m_list && index >= 0
                && index < static_cast<int>(items.size())) {
                const FieldInfo *info = itemFieldInfo(m_list, path->key);
                const QString line = tr("Line %1").arg(lineOfItem[static_cast<std::size_t>(index)]);
                result.problems << (info ? placedMessage(line, *info, problem.message)
                                         : QStringLiteral("%1, %2: %3").arg(line, path->key, problem.message));
            } else {
                result.problems << problem.message;
            }
        }
        if (result.problems.isEmpty())
            result.problems << reason;
        return result;
    }
    result.ok = true;
    result.firstRow = at;
    result.rowCount = static_cast<int>(items.size());
    return result;
}

} // namespace cp
