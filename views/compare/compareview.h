#pragma once

#include "analysis/comparison.h"
#include "domain/month.h"

#include <QByteArray>
#include <QHash>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace cp {
class Catalog;
class ResultComparisonModel;
class ResultOverlayModel;
class Workspace;
} // namespace cp

namespace cp::views {

class ComparisonChart;
class WaterfallChart;

// Saved scenarios side by side. Pick two to four scenarios of the workspace (the first is the
// baseline) and read: a KPI table with each one's values and its deltas against the baseline,
// coloured better or worse; overlaid charts of energized accelerators, cumulative spend and
// facility load, a line per scenario; what the second scenario's months are worth against the
// baseline's ("is the bridge worth it?") with the NPV bridge between them by category; and what
// changed in the inputs, site by site.
class CompareView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMostScenarios = 4;

    // `catalog` resolves the scenarios read from the workspace; it must outlive the view.
    explicit CompareView(const Catalog &catalog, QWidget *parent = nullptr);
    ~CompareView() override;

    // The scenarios to pick from; the view follows the workspace's changes (edits, renames,
    // removals). Not owned; nullptr detaches.
    void setWorkspace(Workspace *workspace);
    // The month plans are looked at from (stale catalog values); default: this month.
    void setToday(Month today);

    // Picks scenarios by name, the baseline first; names the workspace lacks are dropped.
    void setSelection(const QStringList &names);
    [[nodiscard]] QStringList selection() const;

    // Compares solved scenarios directly (without a workspace), the baseline first.
    void compare(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios);

    [[nodiscard]] const Comparison &comparison() const { return m_comparison; }
    [[nodiscard]] ResultComparisonModel *kpiModel() const { return m_kpiModel; }
    [[nodiscard]] ComparisonChart *chart(int metric) const { return m_charts[metric]; }
    [[nodiscard]] WaterfallChart *waterfall() const { return m_waterfall; }
    // The answer to "is the difference worth it?" for the second scenario against the baseline.
    [[nodiscard]] QString worthText() const;
    // The status line: what to do next, or why a scenario is left out.
    [[nodiscard]] QString status() const;

signals:
    void comparisonChanged();
    void pickedByUser(); // a picker was changed by hand (not by setSelection or a workspace change)

private:
    void refillPickers();
    void updateFromPickers();
    std::shared_ptr<const SolvedScenario> solvedFromWorkspace(const QString &name, QString *problem);
    void showChanges();
    void showWorth();

    const Catalog &m_catalog;
    Workspace *m_workspace = nullptr;
    Month m_today;
    QComboBox *m_pickers[kMostScenarios] = {};
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_kpiTable = nullptr;
    QTreeWidget *m_changes = nullptr;
    QLabel *m_worth = nullptr;
    WaterfallChart *m_waterfall = nullptr;
    ResultComparisonModel *m_kpiModel = nullptr;
    ResultOverlayModel *m_overlay = nullptr;
    ComparisonChart *m_charts[3] = {};
    Comparison m_comparison;
    struct CacheEntry {
        QByteArray document; // the saved version that was solved
        QString name;
        std::shared_ptr<const SolvedScenario> solved; // null when it has a problem
        QString problem;
    };
    QHash<qint64, CacheEntry> m_cache; // by scenario id
    bool m_updating = false;
};

} // namespace cp::views
