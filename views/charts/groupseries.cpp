#include "charts/groupseries.h"

#include "charts/chartpalette.h"

#include <algorithm>

namespace cp::views {

GroupSeries groupSeries(const ResultGroupModel &groups, ResultGroupModel::Quantity quantity, int months)
{
    GroupSeries series;
    months = std::min(months, groups.rowCount());
    for (int g = 0; g < groups.groupCount(); ++g) {
        series.names << groups.groupName(g);
        series.colors << palette::siteGroup(g, groups.group(g).other);
        QList<double> values;
        values.reserve(months);
        for (int row = 0; row < months; ++row)
            values.append(groups.value(row, g, quantity));
        series.values << values;
    }
    return series;
}

double stackedMax(const GroupSeries &series, const std::function<bool(const QString &)> &isHidden)
{
    QList<double> top;
    for (qsizetype g = 0; g < series.names.size(); ++g) {
        if (isHidden(series.names[g]))
            continue;
        const QList<double> &values = series.values[g];
        top.resize(std::max(top.size(), values.size()), 0.0);
        for (qsizetype row = 0; row < values.size(); ++row)
            top[row] += values[row];
    }
    return top.isEmpty() ? 0.0 : *std::max_element(top.cbegin(), top.cend());
}

QStringList groupHoverLines(const ResultGroupModel &groups, ResultGroupModel::Quantity quantity, int month,
                            const std::function<QString(double)> &format, const std::function<bool(const QString &)> &isHidden)
{
    QStringList lines;
    if (month < 0 || month >= groups.rowCount())
        return lines;
    for (int g = 0; g < groups.groupCount(); ++g) {
        const QString name = groups.groupName(g);
        if (!isHidden(name))
            lines << QStringLiteral("%1: %2").arg(name.toHtmlEscaped(), format(groups.value(month, g, quantity)));
    }
    return lines;
}

} // namespace cp::views
