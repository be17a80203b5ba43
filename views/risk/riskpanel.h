#pragma once

#include "analysis/solvedscenario.h"
#include "solver/risk.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace cp {
class RiskRunner;
}

namespace cp::views {

class FanChart;
class SwingMarginChart;
class TornadoChart;

// The Risk tab: what could slip. A Monte Carlo run over every three-point input (off the UI
// thread, with progress and Cancel) gives P10/P50/P90 dates and costs, the chance of full power
// by a target month, what holds the plan back then, a tornado of the inputs that move the NPV,
// and fan charts; beside it, goodput by Young/Daly and the power-swing margin of each site.
// Runs by itself when the tab is shown and the scenario has changed.
class RiskPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit RiskPanel(QWidget *parent = nullptr);
    ~RiskPanel() override;

    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    void run();
    void cancel();

    // For tests and reports.
    [[nodiscard]] const solver::RiskResult *result() const { return m_result.get(); }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QTableWidget *percentileTable() const { return m_percentiles; }
    [[nodiscard]] QTableWidget *criticalityTable() const { return m_criticality; }
    [[nodiscard]] QTableWidget *goodputTable() const { return m_goodput; }
    [[nodiscard]] QLabel *goodputAdvice() const { return m_goodputAdvice; } // sites whose one job keeps too little
    [[nodiscard]] QLabel *dropWarning() const { return m_dropWarning; } // trials that lose energized accelerators
    [[nodiscard]] TornadoChart *tornadoChart() const { return m_tornado; }
    [[nodiscard]] FanChart *energizedFan() const { return m_energizedFan; }
    [[nodiscard]] FanChart *spendFan() const { return m_spendFan; }
    [[nodiscard]] SwingMarginChart *swingChart() const { return m_swing; }
    [[nodiscard]] QSpinBox *trialsBox() const { return m_trials; }

signals:
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void populateTargets();
    void showResult(std::shared_ptr<const solver::RiskResult> result);
    void showGoodput();
    void showSwing();
    void setStatus(const QString &text);

    std::shared_ptr<const SolvedScenario> m_solved;
    std::shared_ptr<const solver::RiskResult> m_result;
    RiskRunner *m_runner = nullptr;
    bool m_stale = false;

    QSpinBox *m_trials = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_target = nullptr;
    QDoubleSpinBox *m_checkpointMinutes = nullptr;
    QDoubleSpinBox *m_restartMinutes = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_probability = nullptr;
    QLabel *m_dropWarning = nullptr;
    QTableWidget *m_percentiles = nullptr;
    QTableWidget *m_criticality = nullptr;
    QTableWidget *m_goodput = nullptr;
    QLabel *m_goodputAdvice = nullptr;
    QComboBox *m_swingSite = nullptr;
    TornadoChart *m_tornado = nullptr;
    FanChart *m_energizedFan = nullptr;
    FanChart *m_spendFan = nullptr;
    SwingMarginChart *m_swing = nullptr;
};

} // namespace cp::views
