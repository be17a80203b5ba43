#pragma once

#include "analysis/buildtimeline.h"

#include <QAbstractTableModel>

#include <memory>
#include <utility>
#include <vector>

namespace cp {

struct SolvedScenario;

// The build timeline (models/analysis/buildtimeline.h) as a table: a row per bar, site by site
// (permit, construction, power, cooling, compute), for the timeline chart and its tooltips.
//
// Roles: Qt::DisplayRole as read ("Mar 2025", "150 MW", "yes"); roles::NumberRole the number
// (months absolute, phase as TimelinePhase, gating 0/1; NaN for a month that never comes).
class ResultTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Site, Item, Phase, Start, End, Retire, Quantity, Gating, ColumnCount };

    explicit ResultTimelineModel(QObject *parent = nullptr);

    void setSolved(std::shared_ptr<const SolvedScenario> solved);

    [[nodiscard]] const std::vector<SiteTimeline> &sites() const { return m_sites; }
    [[nodiscard]] int startMonth() const { return m_startMonth; }     // absolute month of plan month 0
    [[nodiscard]] int horizonMonths() const { return m_horizonMonths; }
    // The site and bar of a row.
    [[nodiscard]] std::pair<int, int> barOfRow(int row) const { return m_rowBars[static_cast<std::size_t>(row)]; }
    [[nodiscard]] const TimelineBar &bar(int site, int bar) const;
    // "Grid interconnect, 150 MW: ordered Jan 2025, available Jun 2025 (5 months)" and the like.
    [[nodiscard]] QString describe(int site, int bar) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SiteTimeline> m_sites;
    std::vector<std::pair<int, int>> m_rowBars;
    int m_startMonth = 0;
    int m_horizonMonths = 0;
};

} // namespace cp
