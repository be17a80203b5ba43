// A field's value as text: display, clipboard, and what a planner types.

#include "fields/fieldtext.h"

#include "catalog/catalog.h"
#include "domain/kinds.h"
#include "domain/numbertext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cp {

namespace {

bool fail(QString *reason, const QString &message)
{
    if (reason)
        *reason = message;
    return false;
}

QLocale displayLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString choiceLabel(ChoiceSet set, const QString &value, const Catalog &catalog)
{
    for (const Choice &c : choicesOf(set, catalog))
        if (c.value == value)
            return c.label;
    return value;
}

// "$ 45,000 MW" -> "45000": what is left of a number once grouping, currency and unit are gone.
QString bareNumber(QString text, const QString &unit)
{
    text = text.trimmed();
    if (!unit.isEmpty() && text.endsWith(unit, Qt::CaseInsensitive))
        text.chop(unit.size());
    text.remove(QLatin1Char(','));
    text.remove(QLatin1Char('$'));
    text.remove(QLatin1Char('%'));
    text.remove(QChar(0x00a0));
    text.remove(QLatin1Char(' '));
    return text;
}

std::optional<double> parseNumber(const QString &text, const QString &unit)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(bareNumber(text, unit), &ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

std::optional<Month> parseMonth(const QString &input)
{
    const QString text = input.trimmed();
    if (auto iso = Month::parse(text))
        return iso;
    static const QRegularExpression isoDay(QStringLiteral("^(\\d{4})-(\\d{1,2})(?:-\\d{1,2})?$"));
    if (const auto m = isoDay.match(text); m.hasMatch()) {
        const int monthNumber = m.capturedView(2).toInt();
        if (monthNumber >= 1 && monthNumber <= 12)
            return Month::fromYearMonth(m.capturedView(1).toInt(), monthNumber);
        return std::nullopt;
    }
    // "Mar 2024", "March 2024", "Mar-24" (a spreadsheet's month format).
    static const QRegularExpression named(QStringLiteral("^([A-Za-z]{3,9})[ -](\\d{2}|\\d{4})$"));
    if (const auto m = named.match(text); m.hasMatch()) {
        const QLocale english = displayLocale();
        const QString name = m.captured(1);
        for (int i = 1; i <= 12; ++i) {
            if (name.compare(english.monthName(i, QLocale::ShortFormat), Qt::CaseInsensitive) == 0
                || name.compare(english.monthName(i, QLocale::LongFormat), Qt::CaseInsensitive) == 0) {
                int year = m.capturedView(2).toInt();
                if (m.capturedView(2).size() == 2)
                    year += 2000;
                return Month::fromYearMonth(year, i);
            }
        }
    }
    return std::nullopt;
}

} // namespace

QString placedMessage(const QString &place, const FieldInfo &info, const QString &reason)
{
    if (reason.startsWith(info.label))
        return place + QStringLiteral(": ") + reason;
    return QStringLiteral("%1, %2: %3").arg(place, info.label, reason);
}

QString groupedNumber(double value, int decimals)
{
    QString text = displayLocale().toString(value, 'f', decimals);
    if (decimals > 0 && text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == u"-0")
        text = QStringLiteral("0");
    return text;
}

QString displayText(const FieldInfo &info, const QVariant &value, const Catalog &catalog)
{
    if (!value.isValid())
        return QString();
    switch (info.type) {
    case FieldType::Text:
        return value.toString();
    case FieldType::Number:
    case FieldType::WholeNumber:
        return groupedNumber(value.toDouble(), info.decimals);
    case FieldType::Month:
        return value.value<Month>().toLabel();
    case FieldType::ThreePointEstimate: {
        const auto v = value.value<ThreePoint>();
        if (v.isFixed())
            return groupedNumber(v.mode, info.decimals);
        return QStringLiteral("%1 (%2\u2013%3)")
            .arg(groupedNumber(v.mode, info.decimals), groupedNumber(v.low, info.decimals),
                 groupedNumber(v.high, info.decimals));
    }
    case FieldType::Choice:
        return choiceLabel(info.choices, value.toString(), catalog);
    }
    return QString();
}

QString clipboardText(const FieldInfo &info, const QVariant &value)
{
    if (!value.isValid())
        return QString();
    switch (info.type) {
    case FieldType::Text:
    case FieldType::Choice:
        // Tabs and line breaks would split the cell.
        return value.toString()
            .replace(QLatin1Char('\t'), QLatin1Char(' '))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    case FieldType::Number:
    case FieldType::WholeNumber:
        return io::numberText(value.toDouble());
    case FieldType::Month:
        return value.value<Month>().toIso();
    case FieldType::ThreePointEstimate: {
        const auto v = value.value<ThreePoint>();
        if (v.isFixed())
            return io::numberText(v.mode);
        return QStringLiteral("%1; %2; %3").arg(io::numberText(v.low), io::numberText(v.mode), io::numberText(v.high));
    }
    }
    return QString();
}

QVariant parseFieldText(const FieldInfo &info, const QString &input, const Catalog &catalog, QString *reason, bool *ok)
{
    *ok = false;
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        if (!info.optional && info.type != FieldType::Text) {
            fail(reason, QStringLiteral("%1 is required; enter a value").arg(info.label));
            return {};
        }
        *ok = true;
        return info.type == FieldType::Text ? QVariant(QString()) : QVariant();
    }
    switch (info.type) {
    case FieldType::Text:
        *ok = true;
        return text;
    case FieldType::Number:
    case FieldType::WholeNumber:
        if (const auto v = parseNumber(text, info.unit)) {
            *ok = true;
            return *v;
        }
        fail(reason, QStringLiteral("\"%1\" is not a number").arg(text));
        return {};
    case FieldType::Month:
        if (const auto m = parseMonth(text)) {
            *ok = true;
            return QVariant::fromValue(*m);
        }
        fail(reason, QStringLiteral("\"%1\" is not a month; write it as 2025-03 or Mar 2025").arg(text));
        return {};
    case FieldType::ThreePointEstimate: {
        static const QRegularExpression separators(QStringLiteral("[;/]"));
        const QStringList parts = text.split(separators);
        std::vector<double> values;
        for (const QString &part : parts) {
            const auto v = parseNumber(part, info.unit);
            if (!v) {
                fail(reason, QStringLiteral("\"%1\" is not a number, nor low; mode; high").arg(text));
                return {};
            }
            values.push_back(*v);
        }
        if (values.size() == 1) {
            *ok = true;
            return QVariant::fromValue(ThreePoint::fixed(values[0]));
        }
        if (values.size() == 3) {
            *ok = true;
            return QVariant::fromValue(ThreePoint{values[0], values[1], values[2]});
        }
        fail(reason, QStringLiteral("\"%1\": give one number, or three as low; mode; high").arg(text));
        return {};
    }
    case FieldType::Choice: {
        const std::vector<Choice> choices = choicesOf(info.choices, catalog);
        for (const Choice &c : choices) {
            if (text.compare(c.value, Qt::CaseInsensitive) == 0 || text.compare(c.label, Qt::CaseInsensitive) == 0) {
                *ok = true;
                return c.value;
            }
        }
        QStringList names; // as the pick list shows them
        for (const Choice &c : choices)
            names << c.label;
        fail(reason, QStringLiteral("\"%1\" is not one of %2").arg(text, names.join(QStringLiteral(", "))));
        return {};
    }
    }
    return {};
}

std::vector<Choice> choicesOf(ChoiceSet set, const Catalog &catalog)
{
    std::vector<Choice> out;
    const auto add = [&out](const auto &values) {
        for (const auto v : values)
            out.push_back({toSpecName(v), displayName(v)});
    };
    switch (set) {
    case ChoiceSet::None:
        break;
    case ChoiceSet::FacilityKinds:
        add(std::array{FacilityKind::Greenfield, FacilityKind::Retrofit, FacilityKind::Colocation});
        break;
    case ChoiceSet::FacilityCoolings:
        add(std::array{FacilityCooling::Air, FacilityCooling::Dlc, FacilityCooling::Immersion});
        break;
    case ChoiceSet::Ownerships:
        add(std::array{SiteOwnership::Own, SiteOwnership::CloudPartner});
        break;
    case ChoiceSet::PowerKinds:
        add(std::array{PowerKind::Grid, PowerKind::GasCcgt, PowerKind::GasSimpleCycle, PowerKind::GasAero,
                       PowerKind::RecipEngine, PowerKind::MobileTurbine, PowerKind::Bess});
        break;
    case ChoiceSet::CoolingPlantKinds:
        add(std::array{CoolingPlantKind::Chiller, CoolingPlantKind::RentalChiller});
        break;
    case ChoiceSet::Accelerators:
        for (const AcceleratorSpec &spec : catalog.accelerators())
            out.push_back({spec.id, spec.displayName});
        break;
    case ChoiceSet::ResidualValues:
        add(std::array{ResidualValue::None, ResidualValue::Book});
        break;
    case ChoiceSet::YesNo:
        out.push_back({QStringLiteral("false"), QStringLiteral("No")});
        out.push_back({QStringLiteral("true"), QStringLiteral("Yes")});
        break;
    }
    return out;
}

} // namespace cp
