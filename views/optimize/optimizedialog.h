#pragma once

#include "analysis/optimizerunner.h"
#include "analysis/solvedscenario.h"
#include "storage/workspace.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;

namespace cp {
class ScenarioDocument;
class WorkspaceSession;
} // namespace cp

namespace cp::views {

class FrontierChart;
class MonthEdit;

// Scenario > Optimize: which optional items to keep and when to order and retire the
// items with windows, so the current scenario reaches full power by a goal month at the best
// objective. The search runs off the UI thread with progress and Cancel (a cancelled run shows
// its best plan with its proven gap); the answer shows as a status line, the choices against the
// plan as written, and (when asked) the frontier: the best objective for every goal month.
// "Save as New Scenario" adds the chosen plan to the workspace as one undo step of the scenario
// the dialog was opened on.
class OptimizeDialog final : public QDialog
{
    Q_OBJECT

public:
    // `solved`: the current scenario as last solved (its KPIs are "the current plan").
    OptimizeDialog(WorkspaceSession &session, std::shared_ptr<const SolvedScenario> solved, QWidget *parent = nullptr);
    ~OptimizeDialog() override;

    void run();
    void cancel();
    // Adds the chosen plan under the name in nameEdit(); false with a message when it cannot.
    bool saveAsNewScenario();

    // What the dialog shows, for tests.
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool hasDecisions() const { return m_hasDecisions; }
    [[nodiscard]] const OptimizeOutcome *outcome() const { return m_outcome.get(); }
    [[nodiscard]] MonthEdit *goalEdit() const { return m_goal; }
    [[nodiscard]] QComboBox *objectiveBox() const { return m_objective; }
    [[nodiscard]] QDoubleSpinBox *confidenceBox() const { return m_confidence; }
    [[nodiscard]] QSpinBox *trialsBox() const { return m_trials; }
    [[nodiscard]] QSpinBox *seedBox() const { return m_seed; }
    [[nodiscard]] QCheckBox *frontierBox() const { return m_frontier; }
    [[nodiscard]] QPushButton *runButton() const { return m_runButton; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancelButton; }
    [[nodiscard]] QPushButton *saveButton() const { return m_saveButton; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QLabel *progressLabel() const { return m_progressText; }
    [[nodiscard]] QLabel *nothingToDecideLabel() const { return m_nothingToDecide; }
    [[nodiscard]] QTableWidget *choicesTable() const { return m_choices; }
    [[nodiscard]] FrontierChart *frontierChart() const { return m_chart; }
    [[nodiscard]] std::optional<ScenarioId> savedScenario() const { return m_saved; }

    // The objective the dialog starts with: net when the plan states a value of compute and the
    // optimizer takes net, else cost.
    [[nodiscard]] optimize::Objective defaultObjective() const;

signals:
    void runFinished();
    void scenarioSaved(qint64 id);

protected:
    void reject() override;

private:
    void buildUi();
    void showProgress(OptimizeRunner::Phase phase, const optimize::Progress &progress);
    void showOutcome(std::shared_ptr<const OptimizeOutcome> outcome);
    void showChoices(const optimize::Answer &answer);
    void showFrontier();
    void updateEnabled();
    [[nodiscard]] optimize::Objective objective() const;
    [[nodiscard]] optimize::Goal goal() const;
    [[nodiscard]] QString valueName(optimize::Objective objective) const;
    [[nodiscard]] std::optional<double> currentValue(optimize::Objective objective) const;

    WorkspaceSession &m_session;
    std::shared_ptr<const SolvedScenario> m_solved;
    QPointer<ScenarioDocument> m_document;
    OptimizeRunner *m_runner;
    std::shared_ptr<const OptimizeOutcome> m_outcome;
    optimize::Objective m_ranObjective = optimize::Objective::Cost;
    bool m_hasDecisions = false;
    std::optional<ScenarioId> m_saved;
    QElapsedTimer m_clock; // since the run started

    MonthEdit *m_goal = nullptr;
    QComboBox *m_objective = nullptr;
    QDoubleSpinBox *m_confidence = nullptr;
    QSpinBox *m_trials = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_frontier = nullptr;
    QLabel *m_nothingToDecide = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableWidget *m_choices = nullptr;
    FrontierChart *m_chart = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_saveNote = nullptr;
};

} // namespace cp::views
