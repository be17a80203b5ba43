#include "itemmodels/resultpowermodel.h"

#include "analysis/resultbreakdown.h"
#include "analysis/solvedscenario.h"
#include "domain/kinds.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

namespace cp {

namespace {

constexpr int kMostSourcesShownApart = 6;

} // namespace

ResultPowerModel::ResultPowerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultPowerModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    beginResetModel();
    m_solved = (solved && solved->ok()) ? std::move(solved) : nullptr;
    m_firmBySite.clear();
    if (m_solved) {
        ResultBreakdown breakdown = breakDownResult(*m_solved);
        for (SiteBreakdown &site : breakdown.sites)
            m_firmBySite.push_back(std::move(site.sourceFirmMw));
    }
    const int before = m_site;
    m_site = -1;
    if (m_solved && before >= 0) {
        const auto &sites = m_solved->resolved.plan.sites;
        for (std::size_t s = 0; s < sites.size(); ++s)
            if (QString::fromStdString(sites[s].name) == m_siteName)
                m_site = static_cast<int>(s);
    }
    if (m_site < 0)
        m_siteName.clear();
    rebuild();
    endResetModel();
    if (m_site != before)
        emit siteChanged(m_site);
}

void ResultPowerModel::setSite(int siteIndex)
{
    const int count = static_cast<int>(m_firmBySite.size());
    const int site = (siteIndex >= 0 && siteIndex < count) ? siteIndex : -1;
    if (site == m_site)
        return;
    beginResetModel();
    m_site = site;
    m_siteName = site >= 0 ? QString::fromStdString(m_solved->resolved.plan.sites[static_cast<std::size_t>(site)].name) : QString();
    rebuild();
    endResetModel();
    emit siteChanged(m_site);
}

void ResultPowerModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

void ResultPowerModel::rebuild()
{
    m_groups.clear();
    m_rows = 0;
    m_startMonth = 0;
    if (!m_solved || m_firmBySite.size() != m_solved->resolved.plan.sites.size())
        return;
    const solver::Plan &plan = m_solved->resolved.plan;
    m_rows = plan.horizonMonths;
    m_startMonth = plan.startMonth;

    struct Source {
        const solver::Site *site;
        const solver::PowerSource *source;
        const Eigen::ArrayXd *firmMw;
    };
    std::vector<Source> sources;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        if (m_site >= 0 && static_cast<std::size_t>(m_site) != s)
            continue;
        const solver::Site &site = plan.sites[s];
        for (std::size_t j = 0; j < site.sources.size(); ++j)
            if (site.sources[j].kind != solver::PowerKind::Bess)
                sources.push_back({&site, &site.sources[j], &m_firmBySite[s][j]});
    }
    m_byKind = m_grouping == Grouping::ByKind
        || (m_grouping == Grouping::Automatic && static_cast<int>(sources.size()) > kMostSourcesShownApart);

    if (m_byKind) {
        for (int k = 0; k <= static_cast<int>(solver::PowerKind::Bess); ++k) {
            const auto kind = static_cast<solver::PowerKind>(k);
            Group group{displayName(kind), kind, 0, Eigen::ArrayXd::Zero(m_rows)};
            bool any = false;
            for (const Source &source : sources) {
                if (source.source->kind == kind) {
                    group.firmMw += *source.firmMw;
                    any = true;
                }
            }
            if (any)
                m_groups.push_back(std::move(group));
        }
        return;
    }
    const bool nameSites = m_site < 0 && plan.sites.size() > 1;
    for (const Source &source : sources) {
        int shade = 0;
        for (const Group &earlier : m_groups)
            shade += earlier.kind == source.source->kind ? 1 : 0;
        QString name = QString::fromStdString(source.source->name);
        if (nameSites)
            name = QString::fromStdString(source.site->name) + QStringLiteral(": ") + name;
        m_groups.push_back({name, source.source->kind, shade, *source.firmMw});
    }
}

QString ResultPowerModel::groupName(int group) const
{
    return m_groups[static_cast<std::size_t>(group)].name;
}

solver::PowerKind ResultPowerModel::groupKind(int group) const
{
    return m_groups[static_cast<std::size_t>(group)].kind;
}

int ResultPowerModel::groupShade(int group) const
{
    return m_groups[static_cast<std::size_t>(group)].shade;
}

int ResultPowerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultPowerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kFirstGroupColumn + groupCount();
}

QVariant ResultPowerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool monthColumn = index.column() < kFirstGroupColumn;
    const double number = monthColumn ? index.row() : firmMw(index.row(), index.column() - kFirstGroupColumn);
    switch (role) {
    case roles::NumberRole:
        return number;
    case Qt::DisplayRole:
        return monthColumn ? format::monthLabel(m_startMonth + index.row()) : format::megawatts(number);
    default:
        return {};
    }
}

QVariant ResultPowerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return (section >= 0 && section < m_rows) ? format::monthLabel(m_startMonth + section) : QVariant();
    if (section == 0)
        return tr("Plan month");
    if (section >= kFirstGroupColumn && section < columnCount())
        return groupName(section - kFirstGroupColumn);
    return {};
}

} // namespace cp
