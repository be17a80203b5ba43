#pragma once

#include "itemmodels/resultgroupmodel.h"

#include <QTabWidget>

#include <memory>
#include <vector>

class QComboBox;

namespace cp {
struct SolvedScenario;
class ResultGroupModel;
class ResultPowerModel;
class ResultSeriesModel;
class ResultTimelineModel;
class YearlyTotalsModel;
} // namespace cp

namespace cp::views {

class ChartWidget;

// The charts of one solved scenario, a tab each: Timeline (build timeline), Power, Accelerators
// (accelerators and compute online) and Spend. It owns the result models the charts view;
// setSolved() after every solve redraws them all. Each page has a site picker (all sites or
// one; the pages share it), a "Show" picker that splits the portfolio's power, accelerators,
// compute and capex by site, by country or by region (the seven most gating apart, the rest
// summed as "Other n sites"; the pages share it too) and an export button; every chart also zooms and pans (wheel, drag,
// keys) and exports from its context menu.
//
// The main window can use the panel as it is, or take the pages out (page()) and put each in
// its own tab: they keep working wherever they are, as long as the panel lives.
class ScenarioChartsPanel final : public QTabWidget
{
    Q_OBJECT

public:
    enum Page { TimelinePage, PowerPage, AcceleratorsPage, SpendPage, PageCount };
    enum class Chart { Timeline, Power, Accelerators, Compute, Spend };

    explicit ScenarioChartsPanel(QWidget *parent = nullptr);
    ~ScenarioChartsPanel() override;

    // nullptr or an unsolved scenario empties the charts.
    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    [[nodiscard]] const std::shared_ptr<const SolvedScenario> &solved() const { return m_solved; }

    // -1 for all sites, else a site's index in the plan.
    void setSite(int siteIndex);
    [[nodiscard]] int site() const;

    // Total (as one series) or split by site, country or region; applies to all sites together.
    void setGrouping(ResultGroupModel::Grouping grouping);
    [[nodiscard]] ResultGroupModel::Grouping grouping() const;
    [[nodiscard]] ResultGroupModel *groups() const { return m_groups; }

    [[nodiscard]] QWidget *page(Page page) const { return m_pages[page]; }
    [[nodiscard]] static QString pageTitle(Page page);
    [[nodiscard]] ChartWidget *chart(Chart chart) const;
    [[nodiscard]] std::vector<ChartWidget *> charts() const;
    [[nodiscard]] YearlyTotalsModel *yearlyTotals() const { return m_yearly; }

private:
    QWidget *makePage(Page page, const std::vector<ChartWidget *> &charts, bool sitePicker);
    QWidget *makeYearlyTable(); // the Spend page's capex and opex by year, with the year's start month
    void refillSitePickers();
    void holdCharts(bool hold);
    void syncSitePickers();
    void syncGroupPickers();

    std::shared_ptr<const SolvedScenario> m_solved;
    ResultSeriesModel *m_series = nullptr;
    ResultPowerModel *m_power = nullptr;
    ResultTimelineModel *m_timeline = nullptr;
    YearlyTotalsModel *m_yearly = nullptr;
    ResultGroupModel *m_groups = nullptr;
    ChartWidget *m_charts[5] = {};
    QWidget *m_pages[PageCount] = {};
    std::vector<QComboBox *> m_sitePickers;
    std::vector<QComboBox *> m_groupPickers;
};

} // namespace cp::views
