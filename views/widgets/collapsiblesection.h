#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace cp::views {

// A titled part of a page that folds to one line; folded, it shows a summary of what it holds
// ("9% discount · $80/MWh · 90% utilization"), so the page stays short without hiding facts.
class CollapsibleSection final : public QWidget
{
    Q_OBJECT

public:
    CollapsibleSection(const QString &title, QWidget *content, QWidget *parent = nullptr);

    void setExpanded(bool expanded);
    [[nodiscard]] bool isExpanded() const;
    void setSummary(const QString &summary);

private:
    QToolButton *m_toggle;
    QLabel *m_summary;
    QWidget *m_content;
    QString m_summaryText;
};

} // namespace cp::views
