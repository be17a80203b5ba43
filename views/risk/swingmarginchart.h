#pragma once

#include "charts/timeserieschart.h"
#include "solver/result.h"

namespace cp::views {

// Training power swings against batteries, for one site: the smoothing the format's check asks
// for (swing fraction x IT MW) and the battery power available, month by month; the months
// where the batteries fall short are shaded.
class SwingMarginChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    explicit SwingMarginChart(QWidget *parent = nullptr);

    void setSite(const QString &siteName, const solver::MonthlySeries &site, double swingFraction, int startMonth);
    void clear();

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString neededName();
    [[nodiscard]] static QString batteriesName();
    [[nodiscard]] static QString shortfallName();

protected:
    void rebuild() override;

private:
    QString m_siteName;
    Eigen::ArrayXd m_neededMw;
    Eigen::ArrayXd m_bessMw;
    int m_startMonth = 0;
};

} // namespace cp::views
