#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cp {
class Catalog;
class CatalogModel;
} // namespace cp

namespace cp::views {

// View > Reference data: every figure of the shipped catalog with its unit, range, source,
// date and confidence, searchable across all columns and sortable. Stale figures (older than
// two years) are marked.
class ReferenceDataWindow final : public QDialog
{
    Q_OBJECT

public:
    explicit ReferenceDataWindow(const Catalog &catalog, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    [[nodiscard]] int visibleRows() const;
    [[nodiscard]] QTableView *view() const { return m_view; }

private:
    CatalogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace cp::views
