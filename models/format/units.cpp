#include "format/units.h"

#include "solver/textformat.h"

namespace cp::format {

// One implementation of every number format (solver/textformat.cpp), so warnings printed by the
// solver, the window and the reports agree to the digit.
QString usd(double amountUsd) { return QString::fromStdString(solver::text::usd(amountUsd)); }
QString megawatts(double mw) { return QString::fromStdString(solver::text::megawatts(mw)); }
QString megawattHours(double mwh) { return QString::fromStdString(solver::text::megawattHours(mwh)); }
QString count(double n) { return QString::fromStdString(solver::text::count(n)); }
QString flops(double pflops) { return QString::fromStdString(solver::text::flops(pflops)); }
QString monthLabel(int absMonth) { return QString::fromStdString(solver::text::monthLabel(absMonth)); }
QString monthIso(int absMonth) { return QString::fromStdString(solver::text::monthIso(absMonth)); }

QString percent(double pct, int decimals)
{
    return QString::fromStdString(solver::text::fixed(pct, decimals)) + QLatin1Char('%');
}

QString nounCount(long long n, const QString &one, const QString &many)
{
    return QString::fromStdString(solver::text::count(static_cast<double>(n))) + QLatin1Char(' ')
           + (n == 1 ? one : many);
}

} // namespace cp::format
