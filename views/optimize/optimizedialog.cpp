#include "optimize/optimizedialog.h"

#include "analysis/optimization.h"
#include "document/scenariodocument.h"
#include "document/scenariofields.h"
#include "document/workspacesession.h"
#include "editors/monthedit.h"
#include "format/units.h"
#include "optimize/frontierchart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

enum Column { SiteColumn, ItemColumn, KindColumn, KeptColumn, OrderColumn, RetireColumn, ColumnCount };

QString whole(long long n)
{
    return groupedNumber(static_cast<double>(n), 0);
}

QString kindName(optimize::ItemList list)
{
    switch (list) {
    case optimize::ItemList::PowerSource: return QObject::tr("Power");
    case optimize::ItemList::CoolingPlant: return QObject::tr("Cooling");
    case optimize::ItemList::Tranche: return QObject::tr("Compute");
    }
    return {};
}

// The item as written: its order month and retire month (nullopt: it stays to the end).
struct Written {
    QString name;
    Month orderMonth;
    std::optional<Month> retireMonth;
    bool optional = false;
};

Written written(const Scenario &scenario, const optimize::Choice &choice)
{
    const Site &site = scenario.sites.at(static_cast<std::size_t>(choice.site));
    const auto i = static_cast<std::size_t>(choice.index);
    const auto of = [](const auto &item) { return Written{item.name, item.orderMonth, item.retireMonth, item.optional}; };
    switch (choice.list) {
    case optimize::ItemList::PowerSource: return of(site.power.at(i));
    case optimize::ItemList::CoolingPlant: return of(site.cooling.at(i));
    case optimize::ItemList::Tranche: return of(site.compute.at(i));
    }
    return {};
}

// An absolute month, or solver::kNever: it stays to the end. (A plain int: GCC 12 warns on
// std::optional<int> through the ternaries below.)
QString retireText(int month)
{
    return month == solver::kNever ? QObject::tr("stays to the end") : format::monthLabel(month);
}

} // namespace

OptimizeDialog::OptimizeDialog(WorkspaceSession &session, std::shared_ptr<const SolvedScenario> solved, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_solved(std::move(solved))
    , m_document(session.currentDocument())
    , m_runner(new OptimizeRunner(this))
{
    setObjectName(QStringLiteral("optimizeDialog"));
    setWindowTitle(m_solved ? tr("Optimize \u201c%1\u201d").arg(m_solved->scenario.name) : tr("Optimize"));
    m_hasDecisions = m_solved && m_solved->ok() && hasOptimizerInputs(m_solved->scenario);
    buildUi();
    connect(m_runner, &OptimizeRunner::progress, this, &OptimizeDialog::showProgress);
    connect(m_runner, &OptimizeRunner::finished, this, &OptimizeDialog::showOutcome);
    updateEnabled();
    resize(1040, m_hasDecisions ? 700 : 250);
}

OptimizeDialog::~OptimizeDialog()
{
    m_runner->cancel(); // the runner joins its thread when it goes
}

void OptimizeDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    // The question: goal, objective, confidence, frontier.
    auto *inputs = new QGridLayout;
    m_goal = new MonthEdit(this);
    m_goal->setObjectName(QStringLiteral("goalMonth"));
    m_goal->setToolTip(tr("Full power (every planned accelerator energized from then to the plan's end) in this month or before"));
    m_objective = new QComboBox(this);
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItem(tr("Least NPV of costs"), static_cast<int>(optimize::Objective::Cost));
    m_objective->addItem(tr("Most NPV of net cash flow"), static_cast<int>(optimize::Objective::Net));
    m_confidence = new QDoubleSpinBox(this);
    m_confidence->setObjectName(QStringLiteral("confidence"));
    m_confidence->setRange(0, 100);
    m_confidence->setDecimals(0);
    m_confidence->setSingleStep(5);
    m_confidence->setSuffix(tr(" %"));
    m_confidence->setSpecialValueText(tr("0: the plan as solved"));
    m_confidence->setToolTip(tr("0: full power by the goal in the plan as solved (every duration at its most likely value).\n"
                                "Above 0: full power by the goal in at least this share of risk trials."));
    m_trials = new QSpinBox(this);
    m_trials->setObjectName(QStringLiteral("trials"));
    m_trials->setRange(100, 100'000);
    m_trials->setSingleStep(500);
    m_trials->setValue(2000);
    m_trials->setSuffix(tr(" trials"));
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(1, 1'000'000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Random seed of the risk trials: the same seed draws the same trials as the Risk tab and `clusterplan-cli risk`"));
    m_frontier = new QCheckBox(tr("Frontier: the best plan for every goal month"), this);
    m_frontier->setObjectName(QStringLiteral("frontier"));
    m_frontier->setChecked(true);
    m_frontier->setToolTip(tr("Also solve every goal month from the earliest reachable to the plan's end, to see what each month earlier costs"));
    inputs->addWidget(new QLabel(tr("Full power by"), this), 0, 0);
    inputs->addWidget(m_goal, 0, 1);
    inputs->addWidget(new QLabel(tr("Objective"), this), 0, 2);
    inputs->addWidget(m_objective, 0, 3);
    inputs->addWidget(m_frontier, 0, 4, 1, 3);
    inputs->addWidget(new QLabel(tr("Confidence"), this), 1, 0);
    inputs->addWidget(m_confidence, 1, 1);
    inputs->addWidget(new QLabel(tr("Risk trials"), this), 1, 2);
    inputs->addWidget(m_trials, 1, 3);
    inputs->addWidget(new QLabel(tr("Seed"), this), 1, 4);
    inputs->addWidget(m_seed, 1, 5);
    inputs->setColumnStretch(6, 1);
    layout->addLayout(inputs);

    m_nothingToDecide = new QLabel(this);
    m_nothingToDecide->setObjectName(QStringLiteral("nothingToDecide"));
    m_nothingToDecide->setWordWrap(true);
    m_nothingToDecide->setTextFormat(Qt::RichText);
    m_nothingToDecide->setContentsMargins(10, 8, 10, 8);
    m_nothingToDecide->setAutoFillBackground(true);
    QPalette note = m_nothingToDecide->palette();
    note.setColor(QPalette::Window, QColor(0xfd, 0xf1, 0xc7));
    note.setColor(QPalette::WindowText, QColor(0x5c, 0x40, 0x00));
    m_nothingToDecide->setPalette(note);
    layout->addWidget(m_nothingToDecide);

    auto *runRow = new QHBoxLayout;
    m_runButton = new QPushButton(tr("&Optimize"), this);
    m_runButton->setObjectName(QStringLiteral("runOptimize"));
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("&Cancel Search"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelOptimize"));
    m_cancelButton->setToolTip(tr("Stop now and show the best plan found, with how far from proven best it may be"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("optimizeProgress"));
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress);
    runRow->addWidget(m_progressText, 1);
    layout->addLayout(runRow);
    connect(m_runButton, &QPushButton::clicked, this, &OptimizeDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &OptimizeDialog::cancel);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("optimizeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    QLabel *caption = nullptr;
    m_choices = new QTableWidget(0, ColumnCount, this);
    m_choices->setObjectName(QStringLiteral("choicesTable"));
    m_choices->setHorizontalHeaderLabels({tr("Site"), tr("Item"), tr("Kind"), tr("Kept"), tr("Order month"), tr("Retire month")});
    for (const int column : {OrderColumn, RetireColumn})
        m_choices->horizontalHeaderItem(column)->setToolTip(tr("As written \u2192 chosen; bold where the optimizer changed it"));
    m_choices->setToolTip(tr("Each decided item: as written \u2192 as chosen; bold where the optimizer changed it"));
    m_choices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_choices->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_choices->verticalHeader()->hide();
    m_choices->horizontalHeader()->setStretchLastSection(true);
    m_choices->setWordWrap(false);
    m_chart = new FrontierChart(this);
    m_chart->setObjectName(QStringLiteral("frontierChart"));
    splitter->addWidget(m_choices);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    caption = new QLabel(tr("The choices against the plan as written (bold: changed by the optimizer)"), this);
    layout->addWidget(caption);
    layout->addWidget(splitter, 1);
    m_splitter = splitter;

    auto *saveRow = new QHBoxLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("saveAsName"));
    m_saveButton = new QPushButton(tr("&Save as New Scenario"), this);
    m_saveButton->setObjectName(QStringLiteral("saveAsScenario"));
    m_saveButton->setToolTip(tr("Add the chosen plan to the workspace (optional items decided, months set, windows removed); "
                                "Undo in this scenario takes it out again"));
    m_saveNote = new QLabel(this);
    m_saveNote->setObjectName(QStringLiteral("saveNote"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &OptimizeDialog::reject);
    saveRow->addWidget(new QLabel(tr("Name"), this));
    saveRow->addWidget(m_name, 2);
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_saveNote, 1);
    saveRow->addWidget(close);
    layout->addLayout(saveRow);
    connect(m_saveButton, &QPushButton::clicked, this, &OptimizeDialog::saveAsNewScenario);
    connect(m_confidence, &QDoubleSpinBox::valueChanged, this, &OptimizeDialog::updateEnabled);

    // Defaults: the plan's own full-power month (else its last month) and the objective it states.
    if (m_solved && m_solved->ok()) {
        const solver::Plan &plan = m_solved->resolved.plan;
        const int last = plan.startMonth + plan.horizonMonths - 1;
        m_goal->setMonth(Month::fromIndex(m_solved->result.kpis.fullPowerMonth.value_or(last)));
        m_name->setText(tr("%1, optimized").arg(m_solved->scenario.name));
        const optimize::Problem problem = optimizeProblem(m_solved->scenario, plan);
        const std::string netRefusal = optimize::checkProblem(problem, goal(), optimize::Objective::Net);
        const std::string costRefusal = optimize::checkProblem(problem, goal(), optimize::Objective::Cost);
        if (!netRefusal.empty() && netRefusal != costRefusal) {
            // Net is refused on its own (not for a fault both share): say why on the entry.
            auto *model = qobject_cast<QStandardItemModel *>(m_objective->model());
            if (QStandardItem *item = model ? model->item(1) : nullptr) {
                item->setEnabled(false);
                item->setToolTip(QString::fromStdString(netRefusal));
            }
        }
        m_objective->setCurrentIndex(defaultObjective() == optimize::Objective::Net ? 1 : 0);
    }

    if (!m_solved || !m_solved->ok()) {
        m_nothingToDecide->setText(tr("The scenario has problems to fix first (see the Warnings); the optimizer needs a plan "
                                      "the solver can solve."));
    } else if (!m_hasDecisions) {
        m_nothingToDecide->setText(
            tr("<b>Nothing to decide in \u201c%1\u201d.</b> No power source, cooling plant or compute tranche is marked "
               "optional or has an order or retire window, so the plan can only be taken as written. In the Plan tab, "
               "tick <b>Optional</b> on an item the optimizer may drop, or give it an <b>Order window</b> (earliest and "
               "latest order month) and, for power and cooling, a <b>Retire window</b>. The shipped example "
               "\u201cGreenfield, bridge options\u201d shows how.")
                .arg(m_solved->scenario.name.toHtmlEscaped()));
    }
    m_nothingToDecide->setVisible(!m_hasDecisions);
    // Nothing to decide: nothing to show either, only how to mark items.
    for (QWidget *w : std::initializer_list<QWidget *>{m_progress, caption, splitter, m_status})
        w->setVisible(m_hasDecisions);
    if (!m_hasDecisions)
        layout->insertStretch(layout->count() - 1, 1); // above the Name / Save / Close row
    m_chart->setGoal(m_goal->month() ? std::optional(m_goal->month()->index()) : std::nullopt);
    m_chart->setFrontier({}, objective() == optimize::Objective::Net);
    if (m_solved && m_solved->ok())
        m_chart->setCurrentPlan(m_solved->result.kpis.fullPowerMonth, currentValue(objective()));
}

optimize::Objective OptimizeDialog::defaultObjective() const
{
    // The CLI's rule (optimize::defaultObjective), unless net is refused for this plan.
    const bool netAllowed = m_objective->count() > 1
                            && qobject_cast<QStandardItemModel *>(m_objective->model())->item(1)->isEnabled();
    if (!m_solved || !m_solved->ok() || !netAllowed)
        return optimize::Objective::Cost;
    return optimize::defaultObjective(m_solved->resolved.plan);
}

optimize::Objective OptimizeDialog::objective() const
{
    return static_cast<optimize::Objective>(m_objective->currentData().toInt());
}

optimize::Goal OptimizeDialog::goal() const
{
    optimize::Goal g;
    g.fullPowerBy = m_goal->month() ? m_goal->month()->index() : 0;
    g.confidencePct = m_confidence->value();
    g.trials = m_trials->value();
    g.seed = static_cast<std::uint64_t>(m_seed->value());
    return g;
}

QString OptimizeDialog::valueName(optimize::Objective o) const
{
    return o == optimize::Objective::Net ? tr("NPV of net cash flow") : tr("NPV of costs");
}

std::optional<double> OptimizeDialog::currentValue(optimize::Objective o) const
{
    if (!m_solved || !m_solved->ok())
        return std::nullopt;
    return optimize::reportedValue(o, m_solved->result.kpis);
}

bool OptimizeDialog::isRunning() const
{
    return m_runner->isRunning();
}

void OptimizeDialog::updateEnabled()
{
    const bool running = m_runner->isRunning();
    const bool ready = m_hasDecisions && !running;
    for (QWidget *w : std::initializer_list<QWidget *>{m_goal, m_objective, m_confidence, m_frontier})
        w->setEnabled(ready);
    m_trials->setEnabled(ready && m_confidence->value() > 0);
    m_seed->setEnabled(ready && m_confidence->value() > 0);
    m_runButton->setEnabled(ready);
    m_cancelButton->setEnabled(running);
    const bool writable = m_session.workspace() && !m_session.workspace()->isReadOnly() && m_document;
    const bool chosen = !running && m_outcome && m_outcome->answer.objectiveUsd.has_value();
    m_saveButton->setEnabled(writable && chosen && !m_saved);
    m_name->setEnabled(writable && chosen && !m_saved);
    if (!writable)
        m_saveButton->setToolTip(tr("The workspace is read-only: nothing can be added to it"));
}

void OptimizeDialog::run()
{
    if (!m_hasDecisions || m_runner->isRunning())
        return;
    OptimizeRequest request;
    request.problem = optimizeProblem(m_solved->scenario, m_solved->resolved.plan);
    request.goal = goal();
    request.objective = objective();
    request.frontier = m_frontier->isChecked();
    m_ranObjective = request.objective;
    if (const std::string why = optimize::checkProblem(request.problem, request.goal, request.objective); !why.empty()) {
        m_status->setText(tr("<b>Cannot optimize:</b> %1.").arg(QString::fromStdString(why).toHtmlEscaped()));
        return;
    }
    m_outcome.reset();
    m_saved.reset();
    m_saveNote->clear();
    m_status->setText(tr("Searching\u2026"));
    m_choices->setRowCount(0);
    m_chart->clear();
    m_chart->setFrontier({}, request.objective == optimize::Objective::Net); // titles in the objective asked for
    m_chart->setGoal(request.goal.fullPowerBy);
    m_chart->setCurrentPlan(m_solved->result.kpis.fullPowerMonth, currentValue(request.objective));
    m_name->setText(tr("%1, optimized for %2").arg(m_solved->scenario.name, format::monthLabel(request.goal.fullPowerBy)));
    m_runner->start(std::move(request));
    m_clock.start();
    updateEnabled();
}

void OptimizeDialog::cancel()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_progressText->setText(tr("Stopping; the best plan found so far follows\u2026"));
    m_cancelButton->setEnabled(false);
}

void OptimizeDialog::reject()
{
    m_runner->cancel();
    QDialog::reject();
}

void OptimizeDialog::showProgress(OptimizeRunner::Phase phase, const optimize::Progress &p)
{
    QString text;
    // The time so far: a confidence goal's risk trials can keep the counts still for a while.
    const QString elapsed = tr("%1 s").arg(QString::number(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 1));
    if (phase == OptimizeRunner::Phase::Goal) {
        m_progress->setRange(0, 0); // busy: the search has no known end
        text = tr("Searching, %1: %2 nodes, %3 plans solved").arg(elapsed, whole(p.nodes), whole(p.evaluations));
    } else {
        m_progress->setRange(0, std::max(1, p.goalsTotal));
        m_progress->setValue(p.goalsDone);
        text = tr("Frontier, %1: %2 of %3 done, %4 plans solved")
                   .arg(elapsed, whole(p.goalsDone), format::nounCount(p.goalsTotal, tr("goal month"), tr("goal months")),
                        whole(p.evaluations));
    }
    if (p.bestUsd)
        text += tr("; best so far %1").arg(format::usd(*p.bestUsd));
    m_progressText->setText(text);
}

void OptimizeDialog::showOutcome(std::shared_ptr<const OptimizeOutcome> outcome)
{
    m_outcome = std::move(outcome);
    const optimize::Answer &a = m_outcome->answer;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    QString done = tr("%1 solved, %2 nodes, %3 s")
                       .arg(format::nounCount(a.evaluations, tr("plan"), tr("plans")), whole(a.nodes),
                            QString::number(a.seconds, 'f', 2));
    if (m_outcome->frontier)
        done += tr("; frontier: %1 in %2 s")
                    .arg(format::nounCount(static_cast<long long>(m_outcome->frontier->points.size()), tr("goal month"),
                                           tr("goal months")),
                         QString::number(m_outcome->frontier->seconds, 'f', 2));
    if (m_outcome->cancelled)
        done += tr(" (cancelled)");
    m_progressText->setText(done);

    const QString value = valueName(a.objective);
    const QString goalText = format::monthLabel(a.goalMonth);
    const QString earliest = a.earliestFullPowerMonth ? format::monthLabel(*a.earliestFullPowerMonth) : tr("not within the plan");
    QStringList lines;
    switch (a.status) {
    case optimize::Status::Optimal:
        lines << tr("<b>Optimal</b> for full power by %1: %2 %3, full power %4.")
                     .arg(goalText, value, format::usd(*a.objectiveUsd),
                          a.fullPowerMonth ? format::monthLabel(*a.fullPowerMonth) : tr("not reached"));
        break;
    case optimize::Status::Limit:
        if (a.objectiveUsd)
            lines << tr("<b>Stopped early</b> (%1): the best plan found has %2 %3, full power %4; no plan is better than "
                        "%5 (gap %6).")
                         .arg(m_outcome->cancelled ? tr("cancelled") : tr("time limit"), value, format::usd(*a.objectiveUsd),
                              a.fullPowerMonth ? format::monthLabel(*a.fullPowerMonth) : tr("not reached"),
                              a.boundUsd ? format::usd(*a.boundUsd) : tr("unknown"),
                              a.gapPct ? format::percent(*a.gapPct, 2) : tr("unknown"));
        else
            lines << tr("<b>Stopped early</b> (%1) before any plan reaching full power by %2 was found.")
                         .arg(m_outcome->cancelled ? tr("cancelled") : tr("time limit"), goalText);
        break;
    case optimize::Status::Infeasible:
        lines << tr("<b>No choice reaches full power by %1.</b> The earliest any choice reaches is %2; pick a later goal "
                    "or widen the windows.")
                     .arg(goalText, earliest);
        break;
    case optimize::Status::Invalid:
        lines << tr("<b>Cannot optimize:</b> %1.").arg(QString::fromStdString(a.message).toHtmlEscaped());
        break;
    }
    if (a.status == optimize::Status::Optimal || a.status == optimize::Status::Limit)
        lines << tr("Earliest full power any choice reaches: %1.").arg(earliest);
    if (a.confidencePct)
        lines << tr("Full power by %1 in %2 of %3.")
                     .arg(goalText, format::percent(*a.confidencePct, 1),
                          format::nounCount(m_trials->value(), tr("risk trial"), tr("risk trials")));
    if (const auto current = currentValue(a.objective); current && a.objectiveUsd) {
        const auto &kpis = m_solved->result.kpis;
        const double better = a.objective == optimize::Objective::Net ? *a.objectiveUsd - *current : *current - *a.objectiveUsd;
        const QString currentText = tr("The plan as written: %1 %2, full power %3")
                                        .arg(value, format::usd(*current),
                                             kpis.fullPowerMonth ? format::monthLabel(*kpis.fullPowerMonth) : tr("not reached"));
        if (std::abs(better) < 0.5)
            lines << currentText + tr("; the chosen plan is as good.");
        else
            lines << currentText + (better > 0 ? tr("; the chosen plan is %1 better.") : tr("; the chosen plan is %1 worse (it is held to the goal)."))
                                       .arg(format::usd(std::abs(better)));
    }
    if (m_outcome->frontier && m_outcome->frontier->status == optimize::Status::Limit)
        lines << tr("The frontier stopped early (%1): %2 shown.")
                     .arg(m_outcome->cancelled ? tr("cancelled") : tr("time limit"),
                          format::nounCount(static_cast<long long>(m_outcome->frontier->points.size()), tr("goal month"),
                                            tr("goal months")));
    m_status->setText(lines.join(QStringLiteral("<br>")));
    showChoices(a);
    showFrontier();
    updateEnabled();
    emit runFinished();
}

void OptimizeDialog::showChoices(const optimize::Answer &answer)
{
    m_choices->setRowCount(0);
    if (!answer.objectiveUsd)
        return;
    m_choices->setRowCount(static_cast<int>(answer.choices.size()));
    QFont bold = m_choices->font();
    bold.setBold(true);
    int row = 0;
    for (const optimize::Choice &c : answer.choices) {
        const Written before = written(m_solved->scenario, c);
        const int retireBefore = before.retireMonth ? before.retireMonth->index() : solver::kNever;
        const int retireAfter = c.retireMonth;
        const QString dash = QStringLiteral("\u2014");
        const auto cell = [&](int column, const QString &text, bool changed) {
            auto *item = new QTableWidgetItem(text);
            if (changed)
                item->setFont(bold);
            m_choices->setItem(row, column, item);
        };
        cell(SiteColumn, QString::fromStdString(c.siteName), false);
        cell(ItemColumn, QString::fromStdString(c.itemName), false);
        cell(KindColumn, kindName(c.list), false);
        cell(KeptColumn, c.kept ? (before.optional ? tr("kept") : tr("kept (not optional)")) : tr("dropped"), !c.kept);
        const QString orderBefore = format::monthLabel(before.orderMonth.index());
        if (!c.kept) {
            cell(OrderColumn, tr("%1 \u2192 %2").arg(orderBefore, dash), true);
            cell(RetireColumn, tr("%1 \u2192 %2").arg(retireText(retireBefore), dash), true);
        } else {
            const bool orderChanged = c.orderMonth != before.orderMonth.index();
            cell(OrderColumn, orderChanged ? tr("%1 \u2192 %2").arg(orderBefore, format::monthLabel(c.orderMonth))
                                           : tr("%1 (as written)").arg(orderBefore),
                 orderChanged);
            const bool retireChanged = retireAfter != retireBefore;
            cell(RetireColumn, retireChanged ? tr("%1 \u2192 %2").arg(retireText(retireBefore), retireText(retireAfter))
                                             : tr("%1 (as written)").arg(retireText(retireBefore)),
                 retireChanged);
        }
        ++row;
    }
    m_choices->resizeColumnsToContents();
    // Every row in view when there is room: the chart takes what is left (at least 240 px).
    int rowsHeight = m_choices->horizontalHeader()->sizeHint().height() + 2 * m_choices->frameWidth() + 24;
    for (int r = 0; r < m_choices->rowCount(); ++r)
        rowsHeight += m_choices->rowHeight(r);
    const int total = m_splitter->height();
    const int table = std::min(rowsHeight, std::max(120, total - 240));
    m_splitter->setSizes({table, std::max(0, total - table)});
}

void OptimizeDialog::showFrontier()
{
    const optimize::Answer &a = m_outcome->answer;
    m_chart->setGoal(a.goalMonth);
    m_chart->setCurrentPlan(m_solved->result.kpis.fullPowerMonth, currentValue(a.objective));
    std::vector<FrontierChart::Point> points;
    if (m_outcome->frontier) {
        for (const optimize::FrontierPoint &p : m_outcome->frontier->points)
            points.push_back({p.month, p.objectiveUsd});
    } else if (a.objectiveUsd) {
        points.push_back({a.goalMonth, a.objectiveUsd}); // at least the goal's own point
    }
    m_chart->setFrontier(std::move(points), a.objective == optimize::Objective::Net);
}

bool OptimizeDialog::saveAsNewScenario()
{
    if (!m_outcome || !m_outcome->answer.objectiveUsd || m_saved)
        return false;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_saveNote->setText(tr("Type a name for the new scenario."));
        return false;
    }
    Scenario chosen = chosenScenario(m_solved->scenario, m_outcome->answer.choices);
    chosen.name = name;
    QString error;
    const auto id = m_session.addScenarioUndoable(chosen, m_document, &error);
    if (!id) {
        m_saveNote->setText(tr("Not saved: %1").arg(error));
        return false;
    }
    m_saved = *id;
    const auto info = m_session.workspace()->scenario(*id);
    m_saveNote->setText(tr("Added \u201c%1\u201d (Undo in \u201c%2\u201d takes it out).")
                            .arg(info ? info->name : name, m_solved->scenario.name));
    updateEnabled();
    emit scenarioSaved(*id);
    return true;
}

} // namespace cp::views
