#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace cp {
class KpiListModel;
struct SolvedScenario;
} // namespace cp

namespace cp::views {

// The headline numbers of the scenario being edited, large enough to read at a glance, each
// with its explanation and split in the tooltip. It updates with every solve.
class KpiPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit KpiPanel(QWidget *parent = nullptr);

    void setSolved(const std::shared_ptr<const SolvedScenario> &solved);
    [[nodiscard]] KpiListModel *model() const { return m_model; }
    // The value shown for a KPI (KpiListModel::Kpi), as on screen.
    [[nodiscard]] QString valueText(int kpi) const;

private:
    void refresh();
    void ensureRows();

    KpiListModel *m_model;
    QVBoxLayout *m_layout = nullptr;
    std::vector<QLabel *> m_labels;
    std::vector<QLabel *> m_values;
    QLabel *m_status;
};

} // namespace cp::views
