#include "widgets/kpipanel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/kpilistmodel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cp::views {

KpiPanel::KpiPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new KpiListModel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("KpiPanel"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(12, 8, 12, 12);
    m_layout->setSpacing(2);
    m_layout->addStretch(1);
    m_status->setObjectName(QStringLiteral("kpiStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_layout->addWidget(m_status);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KpiPanel::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KpiPanel::refresh);
    setSolved(nullptr);
}

void KpiPanel::setSolved(const std::shared_ptr<const SolvedScenario> &solved)
{
    m_model->setSolved(solved);
    if (!solved)
        m_status->setText(tr("No scenario open."));
    else if (!solved->ok())
        m_status->setText(tr("Not solved: the scenario has %1; see Warnings.")
                              .arg(format::nounCount(static_cast<long long>(solved->problems.size()), tr("problem"),
                                                     tr("problems"))));
    else if (const QString next = KpiListModel::nextStep(solved->scenario); !next.isEmpty())
        m_status->setText(tr("<b>Next:</b> %1").arg(next.toHtmlEscaped()));
    else
        m_status->setText(
            tr("%1 months from %2").arg(solved->result.horizonMonths).arg(solved->scenario.startMonth.toLabel()));
    refresh();
}

QString KpiPanel::valueText(int kpi) const
{
    const int row = m_model->rowOf(static_cast<KpiListModel::Kpi>(kpi));
    return row < 0 ? QString() : m_values.at(static_cast<std::size_t>(row))->text();
}

// One label and value per model row; the returns figures come and go with the plan.
void KpiPanel::ensureRows()
{
    const auto wanted = static_cast<std::size_t>(m_model->rowCount());
    while (m_labels.size() < wanted) {
        const int row = static_cast<int>(m_labels.size());
        auto *label = new QLabel(this);
        label->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(this);
        value->setObjectName(QStringLiteral("kpiValue%1").arg(row));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.45);
        big.setBold(true);
        value->setFont(big);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Before the stretch and the status line: three layout items (label, value, spacing) a row.
        m_layout->insertWidget(row * 3, label);
        m_layout->insertWidget(row * 3 + 1, value);
        m_layout->insertSpacing(row * 3 + 2, 8);
        m_labels.push_back(label);
        m_values.push_back(value);
    }
    for (std::size_t row = 0; row < m_labels.size(); ++row) {
        m_labels[row]->setVisible(row < wanted);
        m_values[row]->setVisible(row < wanted);
    }
}

void KpiPanel::refresh()
{
    ensureRows();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString tip = m_model->index(row, KpiListModel::Label).data(Qt::ToolTipRole).toString();
        QLabel *label = m_labels[static_cast<std::size_t>(row)];
        QLabel *value = m_values[static_cast<std::size_t>(row)];
        label->setText(m_model->index(row, KpiListModel::Label).data().toString());
        value->setText(m_model->index(row, KpiListModel::Value).data().toString());
        label->setToolTip(tip);
        value->setToolTip(tip);
    }
}

} // namespace cp::views
