#include "compare/compareview.h"

#include "analysis/scenariodiff.h"
#include "analysis/solvedscenario.h"
#include "analysis/timevalue.h"
#include "catalog/catalog.h"
#include "format/units.h"
#include "charts/comparisonchart.h"
#include "compare/waterfallchart.h"
#include "common/apptheme.h"
#include "storage/storedscenario.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "itemmodels/resultoverlaymodel.h"
#include "storage/workspace.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cp::views {

namespace {

QString changeLabel(const InputChange &change)
{
    using Kind = InputChange::Kind;
    const QString list = change.list == QLatin1String("compute") ? CompareView::tr("compute tranche")
                       : change.list == QLatin1String("power")   ? CompareView::tr("power source")
                       : change.list == QLatin1String("cooling") ? CompareView::tr("cooling plant")
                                                                 : QString();
    if (change.kind != Kind::Changed) {
        const QString what = change.item.isEmpty() ? CompareView::tr("Site") : list;
        const QString name = change.item.isEmpty() ? change.site : change.item;
        return QStringLiteral("%1 %2 %3").arg(what, name, change.kind == Kind::Added ? CompareView::tr("added") : CompareView::tr("removed"));
    }
    if (change.item.isEmpty())
        return change.field;
    return QStringLiteral("%1 \u2022 %2").arg(change.item, change.field);
}

} // namespace

CompareView::CompareView(const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_today(currentMonth())
    , m_kpiModel(new ResultComparisonModel(this))
    , m_overlay(new ResultOverlayModel(this))
{
    m_kpiModel->setVerdictColors(themeColor(ThemeColor::Positive), themeColor(ThemeColor::Negative));

    auto *layout = new QVBoxLayout(this);
    auto *pickers = new QHBoxLayout;
    const QString labels[kMostScenarios] = {tr("Baseline:"), tr("Compare with:"), tr("and:"), tr("and:")};
    for (int i = 0; i < kMostScenarios; ++i) {
        auto *label = new QLabel(labels[i]);
        m_pickers[i] = new QComboBox;
        m_pickers[i]->setObjectName(QStringLiteral("scenarioPicker%1").arg(i));
        m_pickers[i]->setMinimumContentsLength(8); // fits 1280 px with both docks open; names elide
        m_pickers[i]->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        label->setBuddy(m_pickers[i]);
        pickers->addWidget(label);
        pickers->addWidget(m_pickers[i], 1);
        connect(m_pickers[i], &QComboBox::currentIndexChanged, this, &CompareView::updateFromPickers);
        connect(m_pickers[i], &QComboBox::activated, this, &CompareView::pickedByUser);
    }
    layout->addLayout(pickers);

    m_tabs = new QTabWidget;
    m_kpiTable = new QTableView;
    m_kpiTable->setModel(m_kpiModel);
    m_kpiTable->setAlternatingRowColors(true);
    m_kpiTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_kpiTable->verticalHeader()->hide();
    m_kpiTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_kpiTable->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_kpiTable, tr("KPIs"));

    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int metric = 0; metric < ResultOverlayModel::MetricCount; ++metric) {
        m_charts[metric] = new ComparisonChart(m_overlay, static_cast<ResultOverlayModel::Metric>(metric));
        m_charts[metric]->setMinimumHeight(170);
    }
    grid->addWidget(m_charts[ResultOverlayModel::Energized], 0, 0);
    grid->addWidget(m_charts[ResultOverlayModel::CumulativeCostUsd], 0, 1);
    grid->addWidget(m_charts[ResultOverlayModel::FacilityMw], 1, 0);
    m_tabs->addTab(charts, tr("Charts"));

    auto *worth = new QWidget;
    auto *worthLayout = new QVBoxLayout(worth);
    worthLayout->setContentsMargins(0, 4, 0, 0);
    m_worth = new QLabel;
    m_worth->setObjectName(QStringLiteral("worthText"));
    m_worth->setWordWrap(true);
    m_worth->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont emphasis = m_worth->font();
    emphasis.setPointSizeF(emphasis.pointSizeF() * 1.15);
    m_worth->setFont(emphasis);
    worthLayout->addWidget(m_worth);
    m_waterfall = new WaterfallChart;
    m_waterfall->setMinimumHeight(220);
    worthLayout->addWidget(m_waterfall, 1);
    m_tabs->addTab(worth, tr("Worth it?"));

    m_changes = new QTreeWidget;
    m_changes->setColumnCount(3);
    m_changes->setHeaderLabels({tr("What changed"), tr("Baseline"), tr("This scenario")});
    m_changes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_changes->setAlternatingRowColors(true);
    m_tabs->addTab(m_changes, tr("Inputs changed"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    refillPickers();
}

CompareView::~CompareView() = default;

void CompareView::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_cache.clear();
    if (m_workspace) {
        connect(m_workspace, &Workspace::scenarioInserted, this, &CompareView::refillPickers);
        connect(m_workspace, &Workspace::scenarioRemoved, this, [this](int, qint64 id) {
            m_cache.remove(id);
            refillPickers();
        });
        connect(m_workspace, &Workspace::scenarioChanged, this, &CompareView::refillPickers); // renamed or saved
        connect(m_workspace, &QObject::destroyed, this, [this] { setWorkspace(nullptr); });
    }
    refillPickers();
}

void CompareView::setToday(Month today)
{
    m_today = today;
    m_cache.clear();
    updateFromPickers();
}

QStringList CompareView::selection() const
{
    QStringList names;
    for (QComboBox *picker : m_pickers)
        if (picker->currentIndex() > 0)
            names << picker->currentText();
    return names;
}

void CompareView::setSelection(const QStringList &names)
{
    m_updating = true;
    int slot = 0;
    for (const QString &name : names) {
        if (slot >= kMostScenarios)
            break;
        const int index = m_pickers[slot]->findText(name, Qt::MatchExactly);
        if (index > 0)
            m_pickers[slot++]->setCurrentIndex(index);
    }
    for (; slot < kMostScenarios; ++slot)
        m_pickers[slot]->setCurrentIndex(0);
    m_updating = false;
    updateFromPickers();
}

void CompareView::refillPickers()
{
    // Picks are kept by scenario id, not name: a rename keeps the same scenario picked, and the
    // table's "(baseline)" and the picker always name the same one.
    const QList<QVariant> picked = [this] {
        QList<QVariant> ids;
        for (QComboBox *picker : m_pickers)
            ids << (picker->currentIndex() > 0 ? picker->currentData() : QVariant());
        return ids;
    }();
    m_updating = true;
    for (int i = 0; i < kMostScenarios; ++i) {
        const QSignalBlocker blocker(m_pickers[i]);
        m_pickers[i]->clear();
        m_pickers[i]->addItem(i < 2 ? tr("(pick a scenario)") : tr("(none)"));
        if (m_workspace)
            for (const ScenarioInfo &info : m_workspace->scenarios())
                m_pickers[i]->addItem(info.name, QVariant::fromValue<qint64>(info.id));
        const int index = picked[i].isValid() ? m_pickers[i]->findData(picked[i]) : 0;
        m_pickers[i]->setCurrentIndex(std::max(0, index));
        m_pickers[i]->setEnabled(m_workspace != nullptr);
    }
    m_updating = false;
    updateFromPickers();
}

std::shared_ptr<const SolvedScenario> CompareView::solvedFromWorkspace(const QString &name, QString *problem)
{
    const std::optional<ScenarioId> id = m_workspace->findScenario(name);
    const StoredScenario stored = id ? loadStoredScenario(*m_workspace, *id, m_catalog) : StoredScenario{};
    if (!stored.info) {
        *problem = tr("'%1' is no longer in the workspace.").arg(name);
        return nullptr;
    }
    if (!stored.read()) {
        *problem = stored.error.message;
        return nullptr;
    }
    // Solved once per saved version: reading the document back is cheap, solving less so.
    const auto cached = m_cache.constFind(*id);
    if (cached != m_cache.cend() && cached->document == stored.document && cached->name == stored.info->name) {
        *problem = cached->problem;
        return cached->solved;
    }
    CacheEntry entry{stored.document, stored.info->name, nullptr, {}};
    if (!stored.ok()) {
        entry.problem = tr("'%1' is left out: %2").arg(name, stored.problems.empty() ? QString() : stored.problems.front().toString());
    } else {
        auto solved = solveScenario(*stored.scenario, m_catalog, m_today);
        if (solved->ok())
            entry.solved = std::move(solved);
        else
            entry.problem = tr("'%1' is left out: it has %2; the first: %3")
                                .arg(name,
                                     format::nounCount(static_cast<long long>(solved->problems.size()), tr("problem"),
                                                       tr("problems")),
                                     solved->problems.front().toString());
    }
    m_cache.insert(*id, entry);
    *problem = entry.problem;
    return entry.solved;
}

void CompareView::updateFromPickers()
{
    if (m_updating)
        return;
    if (!m_workspace) {
        if (m_comparison.empty())
            m_status->setText(tr("Open a workspace to compare its scenarios."));
        return;
    }
    std::vector<std::shared_ptr<const SolvedScenario>> solved;
    QStringList problems;
    for (const QString &name : selection()) {
        QString problem;
        if (auto scenario = solvedFromWorkspace(name, &problem))
            solved.push_back(std::move(scenario));
        else
            problems << problem;
    }
    compare(solved);
    if (!problems.isEmpty())
        m_status->setText(problems.join(QLatin1Char('\n')) + QLatin1Char('\n') + m_status->text());
}

void CompareView::compare(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios)
{
    m_comparison = compareScenarios(scenarios);
    m_kpiModel->setComparison(m_comparison);
    m_overlay->setScenarios(m_comparison.ownSolved());
    showChanges();
    showWorth();
    if (m_comparison.scenarios.size() < 2)
        m_status->setText(tr("Pick a baseline and at least one scenario to compare with it (up to %1).").arg(kMostScenarios));
    else
        m_status->setText(tr("Deltas are against the baseline, '%1': green is better, red is worse.")
                              .arg(m_comparison.scenarios.front().name)
                          + (m_comparison.windowsDiffer ? QLatin1Char(' ') + windowSentence(m_comparison) : QString()));
    emit comparisonChanged();
}

// The second scenario against the baseline: with returns stated in both, what its months are
// worth; without, the cost bridge and a hint to state a value of compute.
void CompareView::showWorth()
{
    if (m_comparison.scenarios.size() < 2) {
        m_worth->setText(tr("Pick a baseline and a scenario to compare with it."));
        m_waterfall->clear();
        return;
    }
    const ComparedScenario &baseline = m_comparison.scenarios.front();
    const ComparedScenario &other = m_comparison.scenarios[1];
    const TimeValue value = timeValue(*baseline.solved, *other.solved);
    m_worth->setText(QStringLiteral("%1: %2").arg(other.name, timeValueSentence(value, baseline.name)));
    m_waterfall->setBridge(value, baseline.name, other.name);
}

QString CompareView::worthText() const
{
    return m_worth->text();
}

void CompareView::showChanges()
{
    m_changes->clear();
    if (m_comparison.scenarios.size() < 2)
        return;
    const ComparedScenario &baseline = m_comparison.scenarios.front();
    const QColor added = themeColor(ThemeColor::Positive);
    const QColor removed = themeColor(ThemeColor::Negative);
    for (std::size_t s = 1; s < m_comparison.scenarios.size(); ++s) {
        const ComparedScenario &other = m_comparison.scenarios[s];
        const std::vector<InputChange> changes = diffScenarios(baseline.solved->scenario, other.solved->scenario);
        auto *top = new QTreeWidgetItem(m_changes);
        top->setText(0, changes.empty() ? tr("%1: same inputs as %2").arg(other.name, baseline.name)
                                        : tr("%1 against %2: %3")
                                              .arg(other.name, baseline.name,
                                                   format::nounCount(static_cast<long long>(changes.size()),
                                                                     tr("change"), tr("changes"))));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        QHash<QString, QTreeWidgetItem *> sites;
        for (const InputChange &change : changes) {
            const QString group = change.site.isEmpty() ? tr("Scenario settings") : tr("Site %1").arg(change.site);
            QTreeWidgetItem *&parent = sites[group];
            if (!parent) {
                parent = new QTreeWidgetItem(top);
                parent->setText(0, group);
            }
            auto *item = new QTreeWidgetItem(parent);
            item->setText(0, changeLabel(change));
            item->setText(1, change.before.isEmpty() && change.kind == InputChange::Kind::Changed ? tr("(default)") : change.before);
            item->setText(2, change.after.isEmpty() && change.kind == InputChange::Kind::Changed ? tr("(default)") : change.after);
            item->setToolTip(0, change.path);
            if (change.kind != InputChange::Kind::Changed)
                item->setForeground(0, change.kind == InputChange::Kind::Added ? added : removed);
        }
    }
    m_changes->expandAll();
}

QString CompareView::status() const
{
    return m_status->text();
}

} // namespace cp::views
