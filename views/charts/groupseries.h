#pragma once

#include "itemmodels/resultgroupmodel.h"

#include <QColor>
#include <QList>
#include <QStringList>

#include <functional>

// Reading a ResultGroupModel as stacked series (a name, a colour and a value per month for each
// group of sites), shared by the charts that split the portfolio by site, country or region.
namespace cp::views {

struct GroupSeries {
    QStringList names;
    QList<QColor> colors;
    QList<QList<double>> values; // per group, one per month
};

[[nodiscard]] GroupSeries groupSeries(const ResultGroupModel &groups, ResultGroupModel::Quantity quantity, int months);
// The highest sum of the groups shown in any month (hidden ones take no room in a stack).
[[nodiscard]] double stackedMax(const GroupSeries &series, const std::function<bool(const QString &)> &isHidden);
// "name: value" per group shown in `month`, for a tooltip.
[[nodiscard]] QStringList groupHoverLines(const ResultGroupModel &groups, ResultGroupModel::Quantity quantity, int month,
                                          const std::function<QString(double)> &format,
                                          const std::function<bool(const QString &)> &isHidden);

} // namespace cp::views
