#include "charts/scenariochartspanel.h"

#include "analysis/solvedscenario.h"
#include "charts/acceleratorchart.h"
#include "charts/buildtimelinechart.h"
#include "charts/computechart.h"
#include "charts/powerchart.h"
#include "charts/spendchart.h"
#include "charts/timeserieschart.h"
#include "itemmodels/resultpowermodel.h"
#include "itemmodels/resultseriesmodel.h"
#include "itemmodels/resulttimelinemodel.h"
#include "itemmodels/yearlytotalsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cp::views {

ScenarioChartsPanel::ScenarioChartsPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_series(new ResultSeriesModel(this))
    , m_power(new ResultPowerModel(this))
    , m_timeline(new ResultTimelineModel(this))
    , m_yearly(new YearlyTotalsModel(this))
    , m_groups(new ResultGroupModel(this))
{
    auto *timeline = new BuildTimelineChart(m_timeline);
    auto *power = new PowerChart(m_power, m_series);
    auto *accelerators = new AcceleratorChart(m_series);
    auto *compute = new ComputeChart(m_series);
    auto *spend = new SpendChart(m_series);
    for (TimeSeriesChart *chart : std::initializer_list<TimeSeriesChart *>{power, accelerators, compute, spend})
        chart->setGroups(m_groups);
    m_charts[static_cast<int>(Chart::Timeline)] = timeline;
    m_charts[static_cast<int>(Chart::Power)] = power;
    m_charts[static_cast<int>(Chart::Accelerators)] = accelerators;
    m_charts[static_cast<int>(Chart::Compute)] = compute;
    m_charts[static_cast<int>(Chart::Spend)] = spend;

    m_pages[TimelinePage] = makePage(TimelinePage, {timeline}, false);
    m_pages[PowerPage] = makePage(PowerPage, {power}, true);
    m_pages[AcceleratorsPage] = makePage(AcceleratorsPage, {accelerators, compute}, true);
    m_pages[SpendPage] = makePage(SpendPage, {spend}, true);
    for (int p = 0; p < PageCount; ++p)
        addTab(m_pages[p], pageTitle(static_cast<Page>(p)));

    // The series and power models share the site scope; the pickers follow it.
    connect(m_series, &ResultSeriesModel::siteChanged, this, [this](int site) {
        m_power->setSite(site);
        m_yearly->setSite(site);
        m_groups->setSite(site);
        syncSitePickers();
    });
}

ScenarioChartsPanel::~ScenarioChartsPanel() = default;

QString ScenarioChartsPanel::pageTitle(Page page)
{
    switch (page) {
    case TimelinePage: return tr("Timeline");
    case PowerPage: return tr("Power");
    case AcceleratorsPage: return tr("Accelerators");
    case SpendPage: return tr("Spend");
    case PageCount: break;
    }
    return {};
}

ChartWidget *ScenarioChartsPanel::chart(Chart chart) const
{
    return m_charts[static_cast<int>(chart)];
}

std::vector<ChartWidget *> ScenarioChartsPanel::charts() const
{
    return {std::begin(m_charts), std::end(m_charts)};
}

QWidget *ScenarioChartsPanel::makePage(Page page, const std::vector<ChartWidget *> &charts, bool sitePicker)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    if (sitePicker) {
        auto *label = new QLabel(tr("Site:"));
        auto *picker = new QComboBox;
        picker->setObjectName(QStringLiteral("sitePicker"));
        picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        picker->setToolTip(tr("Show all sites together, or one site"));
        label->setBuddy(picker);
        bar->addWidget(label);
        bar->addWidget(picker);
        connect(picker, &QComboBox::currentIndexChanged, this, [this](int index) { setSite(index - 1); });
        m_sitePickers.push_back(picker);

        auto *groupLabel = new QLabel(tr("Show:"));
        auto *groupPicker = new QComboBox;
        groupPicker->setObjectName(QStringLiteral("groupPicker"));
        groupPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        groupPicker->setToolTip(tr("All sites as one total, or split by site, country or region: the sites that reach "
                                   "full power last come first, and past eight the rest are summed as one"));
        for (const auto grouping : {ResultGroupModel::Grouping::Total, ResultGroupModel::Grouping::BySite,
                                    ResultGroupModel::Grouping::ByCountry, ResultGroupModel::Grouping::ByRegion})
            groupPicker->addItem(ResultGroupModel::groupingName(grouping), static_cast<int>(grouping));
        groupLabel->setBuddy(groupPicker);
        bar->addWidget(groupLabel);
        bar->addWidget(groupPicker);
        connect(groupPicker, &QComboBox::currentIndexChanged, this, [this, groupPicker] {
            setGrouping(static_cast<ResultGroupModel::Grouping>(groupPicker->currentData().toInt()));
        });
        m_groupPickers.push_back(groupPicker);
    }
    auto *hint = new QLabel(tr("Wheel zooms, drag pans"));
    hint->setEnabled(false);
    hint->setToolTip(tr("The mouse wheel or the + and - keys zoom in time, dragging pans, a double-click resets; "
                        "clicking a legend entry hides its series."));
    // The hint gives way on a narrow window rather than widening it (1366 px with both docks).
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addWidget(hint, 1);
    auto *reset = new QToolButton;
    reset->setText(tr("Reset zoom"));
    connect(reset, &QToolButton::clicked, this, [charts] {
        for (ChartWidget *chart : charts)
            chart->resetZoom();
    });
    bar->addWidget(reset);
    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the chart as a PNG image or an SVG drawing"));
    if (charts.size() == 1) {
        connect(exportButton, &QToolButton::clicked, charts.front(), &ChartWidget::exportWithDialog);
    } else {
        auto *menu = new QMenu(exportButton);
        for (ChartWidget *chart : charts)
            menu->addAction(tr("%1…").arg(chart->title()), chart, &ChartWidget::exportWithDialog);
        exportButton->setMenu(menu);
        exportButton->setPopupMode(QToolButton::InstantPopup);
    }
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    if (page == TimelinePage) {
        auto *scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(charts.front());
        layout->addWidget(scroll, 1);
    } else if (page == SpendPage) {
        // The chart reads month by month; finance reads the same payments by year below it.
        auto *splitter = new QSplitter(Qt::Vertical);
        splitter->addWidget(charts.front());
        splitter->addWidget(makeYearlyTable());
        // The chart's three panels (capex, opex, total to date) each need room to read; the
        // table scrolls in the rest.
        splitter->setStretchFactor(0, 7);
        splitter->setStretchFactor(1, 3);
        splitter->setSizes({700, 300}); // in proportion
        layout->addWidget(splitter, 1);
    } else if (charts.size() == 1) {
        layout->addWidget(charts.front(), 1);
    } else {
        auto *splitter = new QSplitter(Qt::Vertical);
        for (ChartWidget *chart : charts)
            splitter->addWidget(chart);
        splitter->setStretchFactor(0, 3);
        splitter->setStretchFactor(1, 2);
        layout->addWidget(splitter, 1);
    }
    return widget;
}

QWidget *ScenarioChartsPanel::makeYearlyTable()
{
    auto *widget = new QWidget;
    // The chart keeps most of the height; the table scrolls in what the splitter gives it.
    widget->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    widget->setMinimumHeight(120);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Capex and opex by year</b>"));
    bar->addWidget(title);
    bar->addStretch(1);
    auto *label = new QLabel(tr("&Year starts in:"));
    auto *start = new QComboBox;
    start->setObjectName(QStringLiteral("fiscalYearStart"));
    start->setToolTip(tr("January: calendar years. Another month: fiscal years, named by the year they end in "
                         "(October: FY2026 is Oct 2025 to Sep 2026)."));
    const QLocale locale;
    for (int month = 1; month <= 12; ++month)
        start->addItem(locale.standaloneMonthName(month), month);
    label->setBuddy(start);
    bar->addWidget(label);
    bar->addWidget(start);
    layout->addLayout(bar);

    auto *view = new QTableView;
    view->setObjectName(QStringLiteral("yearlyTable"));
    view->setModel(m_yearly);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8); // compact rows, as the item tables
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view, 1);
    // Columns no year pays into (a cloud-partner plan's capex) stay out of the way.
    auto hideEmpty = [this, view] {
        for (int column = 0; column < m_yearly->columnCount(); ++column)
            view->setColumnHidden(column, m_yearly->isColumnEmpty(column));
    };
    connect(m_yearly, &QAbstractItemModel::modelReset, view, hideEmpty);

    // The choice is the user's, kept between sessions like a window layout.
    QSettings settings;
    const int saved = std::clamp(settings.value(QStringLiteral("spend/fiscalYearStartMonth"), 1).toInt(), 1, 12);
    start->setCurrentIndex(saved - 1);
    m_yearly->setFiscalYearStartMonth(saved);
    connect(start, &QComboBox::currentIndexChanged, this, [this, start] {
        const int month = start->currentData().toInt();
        m_yearly->setFiscalYearStartMonth(month);
        QSettings().setValue(QStringLiteral("spend/fiscalYearStartMonth"), month);
    });
    return widget;
}

void ScenarioChartsPanel::holdCharts(bool hold)
{
    for (ChartWidget *chart : m_charts) {
        if (auto *timeSeries = qobject_cast<TimeSeriesChart *>(chart))
            hold ? timeSeries->holdRebuilds() : timeSeries->releaseRebuilds();
    }
}

void ScenarioChartsPanel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    m_solved = (solved && solved->ok()) ? std::move(solved) : nullptr;
    holdCharts(true); // the power chart reads two models: redraw it once, not per model
    m_timeline->setSolved(m_solved);
    m_power->setSolved(m_solved);
    m_series->setSolved(m_solved);
    m_yearly->setSolved(m_solved);
    m_yearly->setSite(m_series->site());
    m_groups->setSite(m_series->site());
    m_groups->setSolved(m_solved);
    holdCharts(false);
    refillSitePickers();
}

void ScenarioChartsPanel::setSite(int siteIndex)
{
    holdCharts(true);
    m_series->setSite(siteIndex);
    m_power->setSite(m_series->site());
    m_yearly->setSite(m_series->site());
    m_groups->setSite(m_series->site());
    holdCharts(false);
    syncGroupPickers();
}

void ScenarioChartsPanel::setGrouping(ResultGroupModel::Grouping grouping)
{
    holdCharts(true);
    m_groups->setGrouping(grouping);
    holdCharts(false);
    syncGroupPickers();
}

ResultGroupModel::Grouping ScenarioChartsPanel::grouping() const
{
    return m_groups->grouping();
}

void ScenarioChartsPanel::syncGroupPickers()
{
    // Splitting applies to all sites together: with one site in scope (or one in the plan) there
    // is nothing to split.
    const bool splittable = m_solved && m_solved->result.sites.size() > 1 && m_series->site() < 0;
    for (QComboBox *picker : m_groupPickers) {
        const QSignalBlocker blocker(picker);
        picker->setCurrentIndex(picker->findData(static_cast<int>(m_groups->grouping())));
        picker->setEnabled(splittable);
    }
}

int ScenarioChartsPanel::site() const
{
    return m_series->site();
}

void ScenarioChartsPanel::refillSitePickers()
{
    QStringList names{tr("All sites")};
    if (m_solved)
        for (const auto &site : m_solved->result.sites)
            names << QString::fromStdString(site.name);
    for (QComboBox *picker : m_sitePickers) {
        const QSignalBlocker blocker(picker);
        // An edit keeps the sites: refilling 1,001 entries (and sizing the box to them) on every
        // solve of a 1,000-site plan costs more than comparing the names.
        bool same = picker->count() == names.size();
        for (int i = 0; same && i < names.size(); ++i)
            same = picker->itemText(i) == names[i];
        if (!same) {
            picker->clear();
            picker->addItems(names);
        }
        picker->setEnabled(names.size() > 2); // one site: "all sites" is that site
    }
    syncSitePickers();
}

void ScenarioChartsPanel::syncSitePickers()
{
    for (QComboBox *picker : m_sitePickers) {
        const QSignalBlocker blocker(picker);
        picker->setCurrentIndex(m_series->site() + 1);
    }
    syncGroupPickers();
}

} // namespace cp::views
