#include "itemmodels/warninglistmodel.h"

#include "analysis/solvedscenario.h"
#include "fields/fieldpath.h"
#include "fields/scenarioitems.h"

#include <QColor>

namespace cp {

namespace {

// "Memphis", "Memphis · Tesla Megapacks" or "Scenario": the place a path names, in words.
QString placeOf(const Scenario &scenario, const FieldPath &path)
{
    if (path.scope == FieldPath::Scope::Scenario || path.scope == FieldPath::Scope::Assumptions)
        return path.scope == FieldPath::Scope::Assumptions ? QObject::tr("Assumptions") : QObject::tr("Scenario");
    if (path.site < 0 || path.site >= static_cast<int>(scenario.sites.size()))
        return QObject::tr("Site %1").arg(path.site + 1);
    const Site &site = scenario.sites[static_cast<std::size_t>(path.site)];
    if (path.scope != FieldPath::Scope::Item || path.row < 0 || path.row >= itemCount(site, path.list))
        return site.name;
    return site.name + QStringLiteral(" \u00b7 ") + itemName(itemAt(site, path.list, path.row));
}

// The row a solver warning is about: its item when it names one, else the site (a battery
// row for the power-swing check, where the fix goes).
FieldPath pathOfWarning(const Scenario &scenario, const solver::Warning &warning)
{
    const QString siteName = QString::fromStdString(warning.site);
    const QString item = QString::fromStdString(warning.item);
    for (std::size_t s = 0; s < scenario.sites.size(); ++s) {
        const Site &site = scenario.sites[s];
        if (site.name != siteName)
            continue;
        const int si = static_cast<int>(s);
        for (const ItemList list : {ItemList::Compute, ItemList::Power, ItemList::Cooling}) {
            for (int row = 0; row < itemCount(site, list); ++row) {
                const ScenarioItem it = itemAt(site, list, row);
                if (!item.isEmpty() && itemName(it) == item)
                    return FieldPath::item(si, list, row, QStringLiteral("name"));
                if (item.isEmpty() && warning.code == "power_swing" && list == ItemList::Power
                    && std::get<PowerSource>(it).kind == PowerKind::Bess)
                    return FieldPath::item(si, list, row, QStringLiteral("powerMw"));
            }
        }
        return FieldPath::ofSite(si);
    }
    return FieldPath::scenario(QString());
}

// The solver starts its messages with "Site: " or "Site / Item: ", which the Where column shows.
QString withoutPlace(const solver::Warning &warning)
{
    QString message = QString::fromStdString(warning.message);
    QString prefix = QString::fromStdString(warning.site);
    if (!warning.item.empty())
        prefix += QStringLiteral(" / ") + QString::fromStdString(warning.item);
    prefix += QStringLiteral(": ");
    if (!warning.site.empty() && message.startsWith(prefix))
        message.remove(0, prefix.size());
    if (!message.isEmpty())
        message[0] = message[0].toUpper();
    return message;
}

} // namespace

WarningListModel::WarningListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void WarningListModel::setSolved(const std::shared_ptr<const SolvedScenario> &solved)
{
    beginResetModel();
    m_rows.clear();
    if (solved) {
        const Scenario &scenario = solved->scenario;
        for (const Problem &problem : solved->problems) {
            const auto path = FieldPath::fromJsonPath(problem.path);
            m_rows.push_back({roles::Severity::Problem, path ? placeOf(scenario, *path) : problem.path, problem.message,
                              problem.path});
        }
        for (const solver::Warning &warning : solved->result.warnings) {
            const FieldPath path = pathOfWarning(scenario, warning);
            m_rows.push_back(
                {roles::Severity::Warning, placeOf(scenario, path), withoutPlace(warning), path.toJsonPath()});
        }
    }
    endResetModel();
}

int WarningListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WarningListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WarningListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Where ? row.where : row.message;
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b><br>%2%3")
            .arg(row.where.toHtmlEscaped(), row.message.toHtmlEscaped(),
                 row.path.isEmpty() ? QString() : tr("<br><i>Click to go to %1</i>").arg(row.path));
    case Qt::ForegroundRole:
        if (index.column() == Where)
            return row.severity == roles::Severity::Problem ? QColor(0xb4, 0x23, 0x18) : QColor(0x8a, 0x5a, 0x00);
        return {};
    case roles::FieldPathRole:
        return row.path;
    case roles::SeverityRole:
        return static_cast<int>(row.severity);
    default:
        return {};
    }
}

QVariant WarningListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Where ? tr("Where") : section == Message ? tr("Message") : QVariant();
}

} // namespace cp
