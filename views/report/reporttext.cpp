#include "report/reporttext.h"

#include "format/units.h"
#include "solver/solver.h"

#include <cmath>

namespace cp::report::text {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString months(const solver::ThreePoint &value)
{
    const auto one = [](double m) { return QString::number(solver::wholeMonths(m)); };
    const int mode = solver::wholeMonths(value.mode);
    QString out = one(value.mode) + (mode == 1 ? QStringLiteral(" month") : QStringLiteral(" months"));
    if (!value.isFixed())
        out += QStringLiteral(" (") + one(value.low) + QStringLiteral(" to ") + one(value.high) + QLatin1Char(')');
    return out;
}

QString money(const solver::ThreePoint &value)
{
    QString out = format::usd(value.mode);
    if (!value.isFixed())
        out += QStringLiteral(" (") + format::usd(value.low) + QStringLiteral(" to ") + format::usd(value.high)
               + QLatin1Char(')');
    return out;
}

QString range(const QString &low, const QString &high)
{
    return low + QChar(0x2013) + high;
}

namespace {

RichText twoLines(const QString &first, const QString &second, const QColor &muted)
{
    RichText cell(first);
    if (!second.isEmpty())
        cell.plain(QString(QChar(QChar::LineSeparator))).colored(second, muted);
    return cell;
}

} // namespace

RichText monthsCell(const solver::ThreePoint &value, const QColor &muted, const QString &mark)
{
    const int mode = solver::wholeMonths(value.mode);
    const QString first = QString::number(mode) + (mode == 1 ? QStringLiteral(" month") : QStringLiteral(" months")) + mark;
    if (value.isFixed())
        return RichText(first);
    return twoLines(first,
                    range(QString::number(solver::wholeMonths(value.low)), QString::number(solver::wholeMonths(value.high))),
                    muted);
}

RichText moneyCell(const solver::ThreePoint &value, const QColor &muted, const QString &mark)
{
    const QString first = format::usd(value.mode) + mark;
    if (value.isFixed())
        return RichText(first);
    return twoLines(first, range(format::usd(value.low), format::usd(value.high)), muted);
}

QString month(const std::optional<int> &absMonth, const QString &never)
{
    return absMonth ? format::monthLabel(*absMonth) : never;
}

QString number(double value, int decimals)
{
    QString out = QString::number(value, 'f', decimals);
    if (out.contains(QLatin1Char('.'))) {
        while (out.endsWith(QLatin1Char('0')))
            out.chop(1);
        if (out.endsWith(QLatin1Char('.')))
            out.chop(1);
    }
    return out;
}

} // namespace cp::report::text
