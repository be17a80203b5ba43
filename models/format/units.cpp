#include "format/units.h"

#include <QLocale>

#include <cmath>

namespace cp::format {

namespace {

// Three significant digits at most, trailing zeros kept to two decimals for money in millions
// and one for billions, which is how finance decks print them.
QString scaled(double value, int decimals)
{
    return QLocale::c().toString(value, 'f', decimals);
}

QString withSign(double value, const QString &magnitudeText)
{
    return value < 0 ? QStringLiteral("-") + magnitudeText : magnitudeText;
}

} // namespace

QString usd(double amountUsd)
{
    const double a = std::abs(amountUsd);
    QString text;
    if (a >= 1e12)
        text = QStringLiteral("$") + scaled(a / 1e12, 2) + QStringLiteral("T");
    else if (a >= 1e9)
        text = QStringLiteral("$") + scaled(a / 1e9, a >= 1e11 ? 0 : (a >= 1e10 ? 1 : 2)) + QStringLiteral("B");
    else if (a >= 1e6)
        text = QStringLiteral("$") + scaled(a / 1e6, a >= 1e8 ? 0 : (a >= 1e7 ? 1 : 2)) + QStringLiteral("M");
    else if (a >= 1e3)
        text = QStringLiteral("$") + scaled(a / 1e3, a >= 1e5 ? 0 : (a >= 1e4 ? 1 : 2)) + QStringLiteral("k");
    else
        text = QStringLiteral("$") + scaled(a, a >= 100 ? 0 : 2);
    return withSign(amountUsd, text);
}

QString megawatts(double mw)
{
    const double a = std::abs(mw);
    QString text;
    if (a >= 1000)
        text = scaled(a / 1000, 2) + QStringLiteral(" GW");
    else if (a >= 1)
        text = scaled(a, a >= 100 ? 0 : 1) + QStringLiteral(" MW");
    else if (a > 0)
        text = scaled(a * 1000, 0) + QStringLiteral(" kW");
    else
        text = QStringLiteral("0 MW");
    return withSign(mw, text);
}

QString megawattHours(double mwh)
{
    const double a = std::abs(mwh);
    QString text;
    if (a >= 1e6)
        text = scaled(a / 1e6, 2) + QStringLiteral(" TWh");
    else if (a >= 1e3)
        text = scaled(a / 1e3, a >= 1e5 ? 0 : 1) + QStringLiteral(" GWh");
    else
        text = scaled(a, 0) + QStringLiteral(" MWh");
    return withSign(mwh, text);
}

QString count(double n)
{
    const double a = std::abs(n);
    QString text;
    if (a >= 1e9)
        text = scaled(a / 1e9, 2) + QStringLiteral("B");
    else if (a >= 1e7)
        text = scaled(a / 1e6, 1) + QStringLiteral("M");
    else
        text = QLocale(QLocale::English, QLocale::UnitedStates).toString(static_cast<qlonglong>(std::llround(a)));
    return withSign(n, text);
}

QString monthLabel(int absMonth)
{
    static const char *const kNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QString::fromLatin1(kNames[absMonth % 12]) + QLatin1Char(' ') + QString::number(absMonth / 12);
}

QString monthIso(int absMonth)
{
    return QStringLiteral("%1-%2").arg(absMonth / 12, 4, 10, QLatin1Char('0')).arg(absMonth % 12 + 1, 2, 10, QLatin1Char('0'));
}

QString percent(double pct, int decimals)
{
    return scaled(pct, decimals) + QStringLiteral("%");
}

} // namespace cp::format
