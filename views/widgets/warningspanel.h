#pragma once

#include "document/fieldpath.h"

#include <QWidget>

#include <memory>

class QTreeView;

namespace cp {
class WarningListModel;
struct SolvedScenario;
} // namespace cp

namespace cp::views {

// The checks of the latest solve and any validation problem, one line each; clicking a line
// (or Enter on it) asks to show the field or row it is about.
class WarningsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit WarningsPanel(QWidget *parent = nullptr);

    void setSolved(const std::shared_ptr<const SolvedScenario> &solved);
    [[nodiscard]] WarningListModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] int count() const;

signals:
    void fieldRequested(const cp::FieldPath &path);
    void countChanged(int count);

private:
    WarningListModel *m_model;
    QTreeView *m_view;
};

} // namespace cp::views
