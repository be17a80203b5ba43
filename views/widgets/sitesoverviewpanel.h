#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace cp {
class ScenarioDocument;
class SiteOverviewModel;
struct SolvedScenario;
} // namespace cp

namespace cp::views {

// The Sites tab: a row per site of the portfolio (SiteOverviewModel), sortable by any
// column, filtered by any text in a row; a double-click opens the site on the Plan tab
// (siteActivated); with rows selected, "Move orders" shifts every order month of those sites by
// a number of months as one undo step.
class SitesOverviewPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SitesOverviewPanel(QWidget *parent = nullptr);

    void setDocument(ScenarioDocument *document);
    void setSolved(const std::shared_ptr<const SolvedScenario> &solved);

    [[nodiscard]] SiteOverviewModel *model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLineEdit *filter() const { return m_filter; }
    [[nodiscard]] QSpinBox *shiftMonths() const { return m_shiftMonths; }
    [[nodiscard]] QPushButton *shiftButton() const { return m_shiftButton; }
    // The sites (rows of the scenario) selected in the table, in scenario order.
    [[nodiscard]] std::vector<int> selectedSites() const;
    // Moves the selected sites' orders by the spin box's months; false with the reason shown.
    bool shiftSelected();

signals:
    void siteActivated(int site);

private:
    void updateActions();

    SiteOverviewModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QSpinBox *m_shiftMonths;
    QPushButton *m_shiftButton;
    QLabel *m_message;
    QLabel *m_count;
    QPointer<ScenarioDocument> m_document;
};

} // namespace cp::views
