#pragma once

#include "solver/plan.h"

#include <QAbstractTableModel>

#include <Eigen/Core>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// Firm MW by power source or by power kind, month by month, for the power chart's stacked
// areas: a row per plan month; column 0 the plan month, then one column per group. Firm MW is
// capacityMw x availabilityPct / 100 while a source is available (models/analysis/resultbreakdown.h);
// batteries add none and are left out. The groups of a scope add up to its firm powerMw.
//
// Roles: roles::NumberRole the MW, Qt::DisplayRole as read ("150 MW").
class ResultPowerModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Grouping {
        Automatic, // by source when the scope has at most 6 sources with firm power, else by kind
        BySource,
        ByKind,
    };
    static constexpr int kFirstGroupColumn = 1;

    explicit ResultPowerModel(QObject *parent = nullptr);

    void setSolved(std::shared_ptr<const SolvedScenario> solved); // keeps the site scope by name, as ResultSeriesModel
    void setSite(int siteIndex);                                   // -1: the portfolio
    void setGrouping(Grouping grouping);
    [[nodiscard]] int site() const { return m_site; }
    [[nodiscard]] bool groupedByKind() const { return m_byKind; }

    [[nodiscard]] int startMonth() const { return m_startMonth; }
    [[nodiscard]] int groupCount() const { return static_cast<int>(m_groups.size()); }
    [[nodiscard]] QString groupName(int group) const; // source name ("Site: source" across sites), or the kind's display name
    [[nodiscard]] solver::PowerKind groupKind(int group) const;
    // Among the groups of the same kind, which one this is (0, 1, ...), so charts can shade them apart.
    [[nodiscard]] int groupShade(int group) const;
    [[nodiscard]] static int groupColumn(int group) { return kFirstGroupColumn + group; }
    [[nodiscard]] double firmMw(int row, int group) const { return m_groups[static_cast<std::size_t>(group)].firmMw[row]; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void siteChanged(int siteIndex);

private:
    struct Group {
        QString name;
        solver::PowerKind kind;
        int shade;
        Eigen::ArrayXd firmMw;
    };
    void rebuild();

    std::shared_ptr<const SolvedScenario> m_solved;
    std::vector<std::vector<Eigen::ArrayXd>> m_firmBySite; // [site][source], from the breakdown
    int m_site = -1;
    QString m_siteName;
    Grouping m_grouping = Grouping::Automatic;
    bool m_byKind = false;
    int m_startMonth = 0;
    int m_rows = 0;
    std::vector<Group> m_groups;
};

} // namespace cp
