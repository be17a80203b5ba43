#include "risk/riskpanel.h"

#include "analysis/riskrunner.h"
#include "analysis/sitegoodput.h"
#include "format/energizeddroptext.h"
#include "format/units.h"
#include "risk/fanchart.h"
#include "risk/swingmarginchart.h"
#include "risk/tornadochart.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace cp::views {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setTextElideMode(Qt::ElideMiddle); // long item names give way; the tooltip has them whole
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return table;
}

// Tall enough for every row: the tab scrolls as a whole, tables never scroll inside it.
void fitHeight(QTableWidget *table)
{
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height);
}

void setRow(QTableWidget *table, int row, const QStringList &cells, int firstNumeric = 1)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c));
        item->setTextAlignment(c >= firstNumeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}

QString monthText(const std::optional<int> &m)
{
    return m ? format::monthLabel(*m) : RiskPanel::tr("beyond the plan");
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    layout->addStretch(1); // tables sit at the top of their box
    return box;
}

} // namespace

RiskPanel::RiskPanel(QWidget *parent)
    : QWidget(parent)
    , m_runner(new RiskRunner(this))
{
    setObjectName(QStringLiteral("RiskPanel"));
    buildUi();
    connect(m_runner, &RiskRunner::progress, this, [this](int done, int trials) {
        m_progress->setMaximum(std::max(1, trials));
        m_progress->setValue(done);
    });
    connect(m_runner, &RiskRunner::finished, this, &RiskPanel::showResult);
    connect(m_runner, &RiskRunner::cancelled, this, [this] {
        m_runButton->setEnabled(true);
        m_cancelButton->setEnabled(false);
        m_progress->setValue(0);
        setStatus(tr("Cancelled."));
    });
}

RiskPanel::~RiskPanel() = default;

bool RiskPanel::isRunning() const
{
    return m_runner->isRunning();
}

void RiskPanel::buildUi()
{
    auto *controls = new QWidget(this);
    auto *controlRow = new QHBoxLayout(controls);
    controlRow->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    auto *form2 = new QFormLayout;
    m_trials = new QSpinBox(this);
    m_trials->setRange(100, 1'000'000);
    m_trials->setSingleStep(1000);
    m_trials->setValue(2000);
    m_trials->setGroupSeparatorShown(true);
    m_trials->setToolTip(tr("Each trial samples every three-point input (triangular) and solves the plan."));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1'000'000'000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed gives the same answer on every machine."));
    m_target = new QComboBox(this);
    m_target->setToolTip(tr("The month for the chance of full power and for what holds the plan back."));
    form->addRow(tr("&Trials:"), m_trials);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Target month:"), m_target);
    m_checkpointMinutes = new QDoubleSpinBox(this);
    m_checkpointMinutes->setObjectName(QStringLiteral("checkpointMinutes"));
    m_checkpointMinutes->setRange(0.0, 240.0);
    m_checkpointMinutes->setDecimals(1);
    m_checkpointMinutes->setValue(1.0);
    m_checkpointMinutes->setSuffix(tr(" min"));
    m_checkpointMinutes->setToolTip(tr("Time to write one training checkpoint (our estimate for asynchronous checkpointing)."));
    m_restartMinutes = new QDoubleSpinBox(this);
    m_restartMinutes->setObjectName(QStringLiteral("restartMinutes"));
    m_restartMinutes->setRange(0.0, 240.0);
    m_restartMinutes->setDecimals(1);
    m_restartMinutes->setValue(5.0);
    m_restartMinutes->setSuffix(tr(" min"));
    m_restartMinutes->setToolTip(tr("Time to restart a job after an interruption (our estimate)."));
    form2->addRow(tr("Checkpoint &write:"), m_checkpointMinutes);
    form2->addRow(tr("Job re&start:"), m_restartMinutes);
    controlRow->addLayout(form);
    controlRow->addSpacing(24);
    controlRow->addLayout(form2);
    controlRow->addStretch(1);
    auto *buttons = new QVBoxLayout;
    m_runButton = new QPushButton(tr("&Run risk analysis"), this);
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("&Cancel"), this);
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(160);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress);
    controlRow->addLayout(buttons);
    connect(m_runButton, &QPushButton::clicked, this, &RiskPanel::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &RiskPanel::cancel);
    connect(m_checkpointMinutes, &QDoubleSpinBox::valueChanged, this, &RiskPanel::showGoodput);
    connect(m_restartMinutes, &QDoubleSpinBox::valueChanged, this, &RiskPanel::showGoodput);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_probability = new QLabel(this);
    QFont big = m_probability->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_probability->setFont(big);
    m_dropWarning = new QLabel(this);
    m_dropWarning->setWordWrap(true);
    m_dropWarning->hide();

    m_percentiles = makeTable({tr("Outcome"), tr("P10"), tr("P50"), tr("P90"), tr("Plan")}, this);
    m_criticality = makeTable({tr("Site"), tr("Gating item"), tr("Share of trials")}, this);
    m_criticality->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_criticality->horizontalHeader()->setStretchLastSection(false);
    m_goodput = makeTable({tr("Site"), tr("Peak energized"), tr("Interruptions / day"), tr("A failure every"),
                           tr("Checkpoint every"), tr("Goodput"), tr("Effective BF16"), tr("Spare pool"), tr("Spare capex")},
                          this);
    m_goodputAdvice = new QLabel(this);
    m_goodputAdvice->setWordWrap(true);
    m_goodputAdvice->hide();
    m_tornado = new TornadoChart(this);
    m_tornado->setMinimumHeight(260);
    m_energizedFan = new FanChart(tr("Energized accelerators"), AxisUnit::Count, tr("Accelerators"), this);
    m_spendFan = new FanChart(tr("Cumulative spend (capex + opex)"), AxisUnit::Usd, tr("USD"), this);
    m_energizedFan->setMinimumHeight(300);
    m_spendFan->setMinimumHeight(300);
    m_swingSite = new QComboBox(this);
    m_swing = new SwingMarginChart(this);
    m_swing->setMinimumHeight(280);
    connect(m_swingSite, &QComboBox::currentIndexChanged, this, &RiskPanel::showSwing);

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setSpacing(12);
    auto *summary = new QWidget(content);
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_probability);
    summaryLayout->addWidget(m_dropWarning);
    summaryLayout->addWidget(m_percentiles);
    grid->addWidget(group(tr("Dates and costs"), summary, content), 0, 0);
    grid->addWidget(group(tr("What holds the plan back at the target month"), m_criticality, content), 0, 1);
    grid->addWidget(group(tr("Sensitivity"), m_tornado, content), 1, 0, 1, 2);
    grid->addWidget(m_energizedFan, 2, 0);
    grid->addWidget(m_spendFan, 2, 1);
    auto *goodputBox = new QWidget(content);
    auto *goodputLayout = new QVBoxLayout(goodputBox);
    goodputLayout->setContentsMargins(0, 0, 0, 0);
    goodputLayout->addWidget(m_goodput);
    goodputLayout->addWidget(m_goodputAdvice);
    grid->addWidget(group(tr("Goodput and spares (Young/Daly checkpointing at each site's peak)"), goodputBox, content), 3, 0, 1, 2);
    auto *swingBox = new QWidget(content);
    auto *swingLayout = new QVBoxLayout(swingBox);
    swingLayout->setContentsMargins(0, 0, 0, 0);
    auto *siteRow = new QHBoxLayout;
    siteRow->addWidget(new QLabel(tr("Site:"), swingBox));
    siteRow->addWidget(m_swingSite, 1);
    swingLayout->addLayout(siteRow);
    swingLayout->addWidget(m_swing);
    grid->addWidget(group(tr("Training power swings"), swingBox, content), 4, 0, 1, 2);
    grid->setColumnStretch(0, 3); // the percentiles table has five columns, the gating table three
    grid->setColumnStretch(1, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(controls);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    setStatus(tr("Open a scenario to see what could slip."));
}

void RiskPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void RiskPanel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    const bool samePlanShape = m_solved && solved && m_solved->scenario.startMonth == solved->scenario.startMonth
                               && m_solved->scenario.horizonMonths == solved->scenario.horizonMonths;
    m_solved = std::move(solved);
    if (!samePlanShape)
        populateTargets();
    showGoodput();
    m_swingSite->blockSignals(true);
    const QString previous = m_swingSite->currentText();
    m_swingSite->clear();
    if (m_solved && m_solved->ok())
        for (const solver::SiteResult &site : m_solved->result.sites)
            m_swingSite->addItem(QString::fromStdString(site.name));
    const int keep = m_swingSite->findText(previous);
    m_swingSite->setCurrentIndex(keep >= 0 ? keep : 0);
    m_swingSite->blockSignals(false);
    showSwing();
    m_stale = true;
    if (isVisible())
        run();
}

void RiskPanel::populateTargets()
{
    m_target->clear();
    if (!m_solved)
        return;
    const Scenario &s = m_solved->scenario;
    for (int m = 0; m < s.horizonMonths; ++m) {
        const Month month = s.startMonth.plusMonths(m);
        m_target->addItem(month.toLabel(), month.index());
    }
    // Will we make our date? The plan's own full-power month, not the horizon; the
    // last month when the plan never reaches full power.
    const std::optional<int> planDate = m_solved->ok() ? m_solved->result.kpis.fullPowerMonth : std::nullopt;
    const int at = planDate ? m_target->findData(*planDate) : -1;
    m_target->setCurrentIndex(at >= 0 ? at : m_target->count() - 1);
}

void RiskPanel::run()
{
    if (!m_solved || !m_solved->ok()) {
        setStatus(tr("The scenario has problems to fix before it can be analysed (see Warnings)."));
        return;
    }
    solver::RiskOptions options;
    options.trials = m_trials->value();
    options.seed = static_cast<std::uint64_t>(m_seed->value());
    options.targetMonth = m_target->currentData().isValid() ? m_target->currentData().toInt() : -1;
    m_stale = false;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    setStatus(tr("Running %1 trials of %2\u2026").arg(format::count(options.trials), m_solved->scenario.name.toHtmlEscaped()));
    m_runner->start(m_solved->resolved.plan, options);
}

void RiskPanel::cancel()
{
    m_runner->cancel();
}

void RiskPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_solved && !m_runner->isRunning())
        run();
}

void RiskPanel::showResult(std::shared_ptr<const solver::RiskResult> result)
{
    m_result = std::move(result);
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    const solver::RiskResult &r = *m_result;
    const solver::Kpis &plan = m_solved->result.kpis;
    setStatus(tr("%1, seed %2, %3 sampled from their low/most likely/high ranges.")
                  .arg(format::nounCount(r.trials, tr("trial"), tr("trials")))
                  .arg(r.seed)
                  .arg(format::nounCount(r.inputCount, tr("uncertain input"), tr("uncertain inputs"))));
    m_probability->setText(tr("Chance of full power by %1: %2")
                               .arg(format::monthLabel(r.targetMonth), format::percent(100.0 * r.probabilityFullPowerBy, 0)));

    // Energized accelerators that go dark in some trials: the bridge retires before the grid.
    QStringList drops;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, r.energizedDrops.size()); ++i)
        drops << QStringLiteral("\u26A0 ") + format::energizedDropSentence(r.energizedDrops[i], m_solved->scenario.sites.size() > 1);
    m_dropWarning->setText(drops.join(QLatin1Char('\n')));
    m_dropWarning->setVisible(!drops.isEmpty());

    m_percentiles->setRowCount(4);
    setRow(m_percentiles, 0, {tr("First compute"), monthText(r.firstComputeMonth.p10), monthText(r.firstComputeMonth.p50),
                              monthText(r.firstComputeMonth.p90), monthText(plan.firstComputeMonth)});
    setRow(m_percentiles, 1, {tr("Full power"), monthText(r.fullPowerMonth.p10), monthText(r.fullPowerMonth.p50),
                              monthText(r.fullPowerMonth.p90), monthText(plan.fullPowerMonth)});
    setRow(m_percentiles, 2, {tr("Total capex"), format::usd(r.totalCapexUsd.p10), format::usd(r.totalCapexUsd.p50),
                              format::usd(r.totalCapexUsd.p90), format::usd(plan.totalCapexUsd)});
    setRow(m_percentiles, 3, {tr("NPV of costs"), format::usd(r.npvCostUsd.p10), format::usd(r.npvCostUsd.p50),
                              format::usd(r.npvCostUsd.p90), format::usd(plan.npvCostUsd)});
    if (r.returnsStated) {
        m_percentiles->setRowCount(r.irrPct ? 6 : 5);
        setRow(m_percentiles, 4, {tr("NPV of net cash flow"), format::usd(r.npvNetUsd.p10), format::usd(r.npvNetUsd.p50),
                                  format::usd(r.npvNetUsd.p90), format::usd(plan.npvNetUsd)});
        if (r.irrPct)
            setRow(m_percentiles, 5, {tr("IRR"), format::percent(r.irrPct->p10), format::percent(r.irrPct->p50),
                                      format::percent(r.irrPct->p90),
                                      plan.irrPct ? format::percent(*plan.irrPct) : tr("none")});
    }

    m_criticality->setRowCount(0);
    // One site: its name in every row says nothing and takes the room the item's name needs.
    m_criticality->setColumnHidden(0, m_solved->scenario.sites.size() <= 1);
    const double nothing = 1.0 - [&r] {
        double s = 0;
        for (const solver::CriticalItem &c : r.criticality)
            s += c.share;
        return s;
    }();
    int row = 0;
    for (const solver::CriticalItem &c : r.criticality) {
        m_criticality->insertRow(row);
        setRow(m_criticality, row++, {QString::fromStdString(c.site), QString::fromStdString(c.item),
                                      c.share < 0.005 ? QStringLiteral("<1%") : format::percent(100.0 * c.share, 0)}, 2);
    }
    m_criticality->insertRow(row);
    setRow(m_criticality, row, {tr("(every site)"), tr("Nothing: fully powered"), format::percent(100.0 * nothing, 0)}, 2);
    fitHeight(m_percentiles);
    // Every column whole, the plan's own figures included: the panel scrolls before it hides one.
    m_percentiles->setMinimumWidth(m_percentiles->horizontalHeader()->length() + 2 * m_percentiles->frameWidth());
    fitHeight(m_criticality);

    m_tornado->setBars(r.tornado, r.tornadoByNet ? plan.npvNetUsd : plan.npvCostUsd);
    m_energizedFan->setBands(r.energized, m_solved->result.monthly.energized, r.startMonth);
    Eigen::ArrayXd cumulative(m_solved->result.horizonMonths);
    double sum = 0.0;
    for (int m = 0; m < cumulative.size(); ++m) {
        sum += m_solved->result.monthly.capexUsd[m] + m_solved->result.monthly.opexUsd[m];
        cumulative[m] = sum;
    }
    m_spendFan->setBands(r.cumulativeSpendUsd, cumulative, r.startMonth);
    m_progress->setValue(m_progress->maximum());
    emit finished();
}

void RiskPanel::showGoodput()
{
    m_goodput->setRowCount(0);
    m_goodputAdvice->clear();
    m_goodputAdvice->hide();
    if (!m_solved || !m_solved->ok())
        return;
    const solver::Plan &plan = m_solved->resolved.plan;
    QStringList advice;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const solver::Site &site = plan.sites[s];
        const SiteGoodput atPeak = siteGoodput(plan, site, m_solved->result.sites[s].kpis, m_checkpointMinutes->value(),
                                               m_restartMinutes->value());
        if (const QString line = splitJobAdvice(site.name, atPeak); !line.isEmpty())
            advice << line;
        const int row = m_goodput->rowCount();
        m_goodput->insertRow(row);
        setRow(m_goodput, row, goodputRow(site, atPeak));
    }
    fitHeight(m_goodput);
    m_goodputAdvice->setText(advice.join(QLatin1Char('\n')));
    m_goodputAdvice->setVisible(!advice.isEmpty());
}

void RiskPanel::showSwing()
{
    const int s = m_swingSite->currentIndex();
    if (!m_solved || !m_solved->ok() || s < 0 || s >= static_cast<int>(m_solved->result.sites.size())) {
        m_swing->clear();
        return;
    }
    const solver::SiteResult &site = m_solved->result.sites[static_cast<std::size_t>(s)];
    m_swing->setSite(QString::fromStdString(site.name), site.monthly(), m_solved->resolved.plan.checks.swingFraction,
                     m_solved->result.startMonth);
}

} // namespace cp::views
