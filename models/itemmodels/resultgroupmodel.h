#pragma once

#include "analysis/sitegroups.h"

#include <QAbstractTableModel>

#include <Eigen/Core>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// A portfolio's monthly results split by site, country or region, for the charts'
// stacked series: a row per plan month, a column per group and quantity (group-major). The groups
// are analysis/sitegroups.h's: the most gating first and, past eight, the rest summed as
// "Other n sites", so the groups of a month add up to the portfolio's figure.
//
// Inactive (no columns) while the grouping is Total, for one site in scope, or for a one-site plan:
// the charts then draw the portfolio's totals as before.
// Roles: roles::NumberRole the number, Qt::DisplayRole as read.
class ResultGroupModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Grouping { Total, BySite, ByCountry, ByRegion };
    enum Quantity { Energized, FacilityMw, Bf16Pflops, CapexUsd, OpexUsd, QuantityCount };
    // Series a chart draws apart, "other" included: what a legend beside a chart on a laptop
    // screen (1366 x 768) holds with the chart's own lines.
    static constexpr int kMaxGroups = 8;

    explicit ResultGroupModel(QObject *parent = nullptr);

    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    void setSite(int siteIndex); // -1: the portfolio (the only scope that is split)
    void setGrouping(Grouping grouping);
    [[nodiscard]] Grouping grouping() const { return m_grouping; }
    [[nodiscard]] bool active() const { return !m_groups.empty(); }
    [[nodiscard]] static QString groupingName(Grouping grouping); // "Total", "By site", ...

    [[nodiscard]] int groupCount() const { return static_cast<int>(m_groups.size()); }
    [[nodiscard]] const SiteGroup &group(int group) const { return m_groups[static_cast<std::size_t>(group)]; }
    [[nodiscard]] QString groupName(int group) const { return this->group(group).name; }
    [[nodiscard]] double value(int row, int group, Quantity quantity) const
    {
        return m_values[static_cast<std::size_t>(group * QuantityCount + quantity)][row];
    }
    [[nodiscard]] static QString quantityTitle(Quantity quantity);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const SolvedScenario> m_solved;
    Grouping m_grouping = Grouping::Total;
    int m_site = -1;
    int m_rows = 0;
    std::vector<SiteGroup> m_groups;
    std::vector<Eigen::ArrayXd> m_values; // [group * QuantityCount + quantity][row]
};

} // namespace cp
