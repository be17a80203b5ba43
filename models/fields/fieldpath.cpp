#include "fields/fieldpath.h"

#include <QRegularExpression>

namespace cp {

QString itemListKey(ItemList list)
{
    switch (list) {
    case ItemList::Compute:
        return QStringLiteral("compute");
    case ItemList::Power:
        return QStringLiteral("power");
    case ItemList::Cooling:
        return QStringLiteral("cooling");
    }
    return {};
}

namespace {

QString withKey(const QString &object, const QString &key)
{
    if (key.isEmpty())
        return object;
    return object.isEmpty() ? key : object + QLatin1Char('.') + key;
}

QString sitePath(int site)
{
    return QStringLiteral("sites[%1]").arg(site);
}

std::optional<ItemList> listFromKey(QStringView key)
{
    for (const ItemList list : {ItemList::Compute, ItemList::Power, ItemList::Cooling})
        if (key == itemListKey(list))
            return list;
    return std::nullopt;
}

// A key is a dotted name without brackets: the rest of a path once the indices are read.
bool isPlainKey(QStringView key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$"));
    return plain.match(key).hasMatch();
}

} // namespace

QString FieldPath::toJsonPath() const
{
    switch (scope) {
    case Scope::Scenario:
        return key;
    case Scope::Assumptions:
        return withKey(QStringLiteral("assumptions"), key);
    case Scope::Site:
        return withKey(sitePath(site), key);
    case Scope::Facility:
        return withKey(sitePath(site) + QStringLiteral(".facility"), key);
    case Scope::Item:
        return withKey(sitePath(site) + QLatin1Char('.') + itemListKey(list) + QStringLiteral("[%1]").arg(row), key);
    }
    return {};
}

std::optional<FieldPath> FieldPath::fromJsonPath(QStringView path)
{
    static const QRegularExpression sitePattern(QStringLiteral("^sites\\[(\\d{1,9})\\](.*)$"));
    static const QRegularExpression itemPattern(QStringLiteral("^\\.([a-z]+)\\[(\\d{1,9})\\](?:\\.(.+))?$"));

    if (path.isEmpty())
        return scenario(QString());
    const QRegularExpressionMatch siteMatch = sitePattern.match(path);
    if (!siteMatch.hasMatch()) {
        if (path == u"assumptions")
            return assumptions(QString());
        if (path.startsWith(u"assumptions.")) {
            const QStringView key = path.mid(12);
            return isPlainKey(key) ? std::optional(assumptions(key.toString())) : std::nullopt;
        }
        return isPlainKey(path) && !path.contains(u'.') ? std::optional(scenario(path.toString())) : std::nullopt;
    }

    const int site = siteMatch.capturedView(1).toInt();
    const QStringView rest = siteMatch.capturedView(2);
    if (rest.isEmpty())
        return ofSite(site);
    if (rest == u".facility")
        return facility(site);
    if (rest.startsWith(u".facility.")) {
        const QStringView key = rest.mid(10);
        return isPlainKey(key) ? std::optional(facility(site, key.toString())) : std::nullopt;
    }
    const QRegularExpressionMatch itemMatch = itemPattern.match(rest);
    if (itemMatch.hasMatch()) {
        const std::optional<ItemList> list = listFromKey(itemMatch.capturedView(1));
        const QStringView key = itemMatch.capturedView(3);
        if (!list || (!key.isEmpty() && !isPlainKey(key)))
            return std::nullopt;
        return item(site, *list, itemMatch.capturedView(2).toInt(), key.toString());
    }
    const QStringView key = rest.mid(1);
    if (!rest.startsWith(u'.') || !isPlainKey(key))
        return std::nullopt;
    return ofSite(site, key.toString());
}

} // namespace cp
