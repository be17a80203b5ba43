// The field table (models/fields/fieldtable.cpp) is the one declaration of a facility's and an
// item's fields: this test walks every row and checks that the scenario reader, the writer,
// validateScenario, the editor's readField/writeField and the report's assumptions table all see
// it, with nothing listed anywhere else. A row added to the table is covered here without a line
// of test code: write a value out of bounds and validation names its JSON path; write one inside
// and it comes back from a file; leave it out of the file and the reader refuses it or keeps the
// default, as the row says.

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "domain/numbertext.h"
#include "domain/strictjson.h"
#include "fields/scenariofields.h"
#include "fields/validation.h"
#include "io/scenariojson.h"
#include "report/reportfacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace cp;

namespace {

Scenario memphis()
{
    const io::ParseResult r = io::readScenarioFile(
        QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/memphis-retrofit-100k-h100.json"), Catalog::builtIn());
    if (!r.ok())
        qFatal("memphis example does not read");
    return *r.scenario;
}

// Where the first facility or item of each kind sits, as a field path and in the file.
template<typename Item> struct Place;
template<> struct Place<Facility> {
    static FieldPath path(const QString &key) { return FieldPath::facility(0, key); }
    static QString json() { return QStringLiteral("sites[0].facility"); }
    static const char *list() { return "facility"; }
};
template<> struct Place<ComputeTranche> {
    static FieldPath path(const QString &key) { return FieldPath::item(0, ItemList::Compute, 0, key); }
    static QString json() { return QStringLiteral("sites[0].compute[0]"); }
    static const char *list() { return "compute"; }
};
template<> struct Place<PowerSource> {
    static FieldPath path(const QString &key) { return FieldPath::item(0, ItemList::Power, 0, key); }
    static QString json() { return QStringLiteral("sites[0].power[0]"); }
    static const char *list() { return "power"; }
};
template<> struct Place<CoolingPlant> {
    static FieldPath path(const QString &key) { return FieldPath::item(0, ItemList::Cooling, 0, key); }
    static QString json() { return QStringLiteral("sites[0].cooling[0]"); }
    static const char *list() { return "cooling"; }
};

// The file with the object of the first facility or item changed by `edit`.
QByteArray editedFile(const Scenario &s, const char *list, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject document = QJsonDocument::fromJson(io::writeScenarioJson(s)).object();
    QJsonArray sites = document.value(QStringLiteral("sites")).toArray();
    QJsonObject site = sites.at(0).toObject();
    const QString key = QLatin1String(list);
    if (key == u"facility") {
        QJsonObject facility = site.value(key).toObject();
        edit(facility);
        site.insert(key, facility);
    } else {
        QJsonArray items = site.value(key).toArray();
        QJsonObject item = items.at(0).toObject();
        edit(item);
        items.replace(0, item);
        site.insert(key, items);
    }
    sites.replace(0, site);
    document.insert(QStringLiteral("sites"), sites);
    return QJsonDocument(document).toJson();
}

bool hasProblem(const std::vector<Problem> &problems, const QString &path, const QString &message)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem &p) { return p.path == path && p.message == message; });
}

QString listed(const std::vector<Problem> &problems)
{
    QStringList out;
    for (const Problem &p : problems)
        out << p.path + QStringLiteral(": ") + p.message;
    return out.join(QLatin1Char('\n'));
}

// A value inside the row's bounds, not the struct's default; a three-point value is a real range.
QVariant insideValue(const FieldInfo &info)
{
    if (info.type == FieldType::Month)
        return QVariant::fromValue(Month::fromYearMonth(2027, 7));
    const double span = info.maximum - info.minimum;
    double mode = info.minimum + span / 3.0;
    if (info.whole)
        mode = std::floor(mode) + 1.0;
    if (info.type != FieldType::ThreePointEstimate)
        return mode;
    double low = (info.minimum + mode) / 2.0;
    double high = mode + span / 6.0;
    if (info.whole) {
        low = std::ceil(low);
        high = std::floor(high);
    }
    return QVariant::fromValue(ThreePoint{low, mode, high});
}

// A value past the row's maximum (a month before any a plan may name).
QVariant outsideValue(const FieldInfo &info)
{
    if (info.type == FieldType::Month)
        return QVariant::fromValue(Month::fromYearMonth(1980, 1));
    return info.maximum * 2.0 + 1.0;
}

QString outsideMessage(const FieldInfo &info)
{
    if (info.type == FieldType::Month)
        return QStringLiteral("%1 must be a month from %2 to %3 (found %4)")
            .arg(info.label, Month::earliestAccepted().toLabel(), Month::latestAccepted().toLabel(),
                 Month::fromYearMonth(1980, 1).toLabel());
    return info.label + QLatin1Char(' ') + info.rangeRule() + QStringLiteral(" (found ")
           + io::numberText(info.maximum * 2.0 + 1.0) + QLatin1Char(')');
}

template<typename Item> void walkEveryRow()
{
    const Scenario plan = memphis();
    const Catalog &catalog = Catalog::builtIn();
    int walked = 0;
    for (const FieldRow<Item> &row : fieldRows<Item>()) {
        if (row.presence == FieldPresence::ByHand)
            continue;
        ++walked;
        const FieldInfo &info = row.info;
        const FieldPath path = Place<Item>::path(info.key);
        const QString jsonPath = Place<Item>::json() + QLatin1Char('.') + info.key;
        const QByteArray what = jsonPath.toUtf8();

        // The editor reads and writes it through the row.
        QVERIFY2(fieldInfo(path) && fieldInfo(path)->label == info.label, what.constData());

        // Out of bounds: validation names the path, in the editor's words.
        {
            Scenario s = plan;
            QString reason;
            QVERIFY2(writeField(s, path, outsideValue(info), &reason), qPrintable(jsonPath + QStringLiteral(": ") + reason));
            const std::vector<Problem> problems = validateScenario(s, catalog);
            QVERIFY2(hasProblem(problems, jsonPath, outsideMessage(info)), qPrintable(listed(problems)));
            // The importer says the same of a file holding the value.
            const io::ParseResult read = io::parseScenarioJson(io::writeScenarioJson(s), catalog, QString());
            QVERIFY2(hasProblem(read.problems, jsonPath, outsideMessage(info)), qPrintable(listed(read.problems)));
        }

        // Inside the bounds: written, read back the same, and valid.
        {
            Scenario s = plan;
            QString reason;
            const QVariant value = insideValue(info);
            QVERIFY2(writeField(s, path, value, &reason), qPrintable(jsonPath + QStringLiteral(": ") + reason));
            const QByteArray file = io::writeScenarioJson(s);
            QVERIFY2(file.contains(QByteArray("\"" + row.jsonKey + "\"")), what.constData());
            const io::ParseResult read = io::parseScenarioJson(file, catalog, QString());
            QVERIFY2(read.ok(), qPrintable(jsonPath + QLatin1Char('\n') + listed(read.problems)));
            QCOMPARE(clipboardText(info, readField(*read.scenario, path)), clipboardText(info, value));
            // The file's key order is the table's.
            const auto object = [&] {
                const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(file.toStdString());
                const auto &site = doc["sites"][0];
                const std::string list = Place<Item>::list();
                return list == "facility" ? site[list] : site[list][0];
            }();
            int last = -1;
            for (const auto &[key, v] : object.items()) {
                const auto &rows = fieldRows<Item>();
                const auto at = std::find_if(rows.begin(), rows.end(), [&key](const FieldRow<Item> &r) {
                    return r.jsonKey == QByteArray::fromStdString(key);
                });
                if (at == rows.end())
                    continue; // a link or a window: written by hand at its row's place
                const int index = static_cast<int>(at - rows.begin());
                QVERIFY2(index > last, key.c_str());
                last = index;
            }
        }

        // Left out of the file: refused when required, else the default (or absent) stands.
        {
            const QByteArray file = editedFile(plan, Place<Item>::list(), [&](QJsonObject &o) { o.remove(info.key); });
            const io::ParseResult read = io::parseScenarioJson(file, catalog, QString());
            if (row.presence == FieldPresence::Required) {
                QVERIFY2(hasProblem(read.problems, jsonPath, QStringLiteral("required field is missing")),
                         qPrintable(listed(read.problems)));
            } else {
                QVERIFY2(read.ok(), qPrintable(jsonPath + QLatin1Char('\n') + listed(read.problems)));
                if (row.presence == FieldPresence::Optional) {
                    QVERIFY2(!readField(*read.scenario, path).isValid(), what.constData());
                } else { // defaulted: the struct's default (a deposit of 0%, an availability of 100%)
                    Item fresh{};
                    QVariant def;
                    visitMember(fresh, row, [&](const auto &v) {
                        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, double>)
                            def = v;
                    });
                    QVERIFY2(def.isValid(), what.constData());
                    QCOMPARE(readField(*read.scenario, path).toDouble(), def.toDouble());
                }
            }
        }
    }
    QVERIFY(walked > 0);
}

} // namespace

class TestFieldTable : public QObject
{
    Q_OBJECT

private slots:
    // Every row is a field of the editor's forms and tables, and what a walked row says agrees
    // with its member: an optional field is a std::optional, a month a Month, a count an int.
    void rowsAgreeWithTheirMembers()
    {
        const auto check = [](const auto &rows, FieldPath::Scope scope, ItemList list) {
            const std::vector<FieldInfo> &shown = fieldsOf(scope, list);
            QCOMPARE(shown.size(), rows.size());
            for (const auto &row : rows) {
                const QByteArray key = row.info.key.toUtf8();
                QVERIFY2(std::any_of(shown.begin(), shown.end(), [&](const FieldInfo &f) { return f.key == row.info.key; }),
                         key.constData());
                QCOMPARE(row.jsonKey, key);
                if (row.presence == FieldPresence::ByHand)
                    continue;
                QVERIFY2(row.member.index() != 0, key.constData());
                QCOMPARE(row.info.optional, row.presence == FieldPresence::Optional);
                // FieldMember's alternatives: 1 double, 2 optional double, 3 int, 4 ThreePoint,
                // 5 optional ThreePoint, 6 Month, 7 optional Month.
                const std::size_t member = row.member.index();
                QCOMPARE(row.info.type == FieldType::WholeNumber, member == 3);
                QCOMPARE(row.info.type == FieldType::ThreePointEstimate, member == 4 || member == 5);
                QCOMPARE(row.info.type == FieldType::Month, member == 6 || member == 7);
                QCOMPARE(row.info.type == FieldType::Number, member == 1 || member == 2);
            }
        };
        check(fieldRows<Facility>(), FieldPath::Scope::Facility, ItemList::Compute);
        check(fieldRows<ComputeTranche>(), FieldPath::Scope::Item, ItemList::Compute);
        check(fieldRows<PowerSource>(), FieldPath::Scope::Item, ItemList::Power);
        check(fieldRows<CoolingPlant>(), FieldPath::Scope::Item, ItemList::Cooling);
    }

    // The power source's columns: when the power comes next to its name, then the file's order.
    void powerColumnsShowWhenFirst()
    {
        QStringList keys;
        for (const FieldInfo &f : fieldsOf(FieldPath::Scope::Item, ItemList::Power))
            keys << f.key;
        QCOMPARE(keys.mid(0, 5), (QStringList{QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("orderMonth"),
                                             QStringLiteral("leadTimeMonths"), QStringLiteral("capacityMw")}));
    }

    void powerSourceRowsAreWalked() { walkEveryRow<PowerSource>(); }
    void coolingPlantRowsAreWalked() { walkEveryRow<CoolingPlant>(); }
    void computeTrancheRowsAreWalked() { walkEveryRow<ComputeTranche>(); }
    void facilityRowsAreWalked() { walkEveryRow<Facility>(); }

    // The report's assumptions table names each catalog value by the label of the field that
    // used it, the field table's: a new field with a catalog default needs no entry in the report.
    void reportLabelsAreTheTables()
    {
        const std::shared_ptr<const SolvedScenario> solved
            = solveScenario(memphis(), Catalog::builtIn(), Month::fromYearMonth(2026, 1));
        QVERIFY(solved->problems.empty());
        const std::vector<report::AssumptionRow> rows = report::assumptionRows(*solved, Month::fromYearMonth(2026, 1));
        int power = 0;
        for (const CatalogUse &use : solved->resolved.catalogUses) {
            const std::optional<FieldPath> path = FieldPath::fromJsonPath(use.path);
            QVERIFY2(path, qPrintable(use.path));
            const FieldInfo *info = fieldInfo(*path);
            QVERIFY2(info, qPrintable(use.path));
            if (path->scope == FieldPath::Scope::Item && path->list == ItemList::Power)
                ++power;
            QVERIFY2(std::any_of(rows.begin(), rows.end(),
                                 [&](const report::AssumptionRow &r) {
                                     return r.value == use.value && r.what.startsWith(info->label);
                                 }),
                     qPrintable(use.path + QStringLiteral(" -> ") + info->label));
        }
        QVERIFY(power > 0); // Memphis takes power prices from the catalog
    }
};

QTEST_MAIN(TestFieldTable)
#include "tst_fieldtable.moc"
