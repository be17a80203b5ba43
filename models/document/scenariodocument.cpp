#include "document/scenariodocument.h"

#include "domain/linkeddates.h"

#include "catalog/catalog.h"
#include "document/scenariocommands.h"
#include "fields/scenariofields.h"
#include "fields/validation.h"
#include "io/scenariojson.h"
#include "resolve/resolver.h"

#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace cp {

namespace {

QString itemNoun(ItemList list)
{
    switch (list) {
    case ItemList::Compute:
        return QStringLiteral("compute tranche");
    case ItemList::Power:
        return QStringLiteral("power source");
    case ItemList::Cooling:
        return QStringLiteral("cooling plant");
    }
    return {};
}

QString baseName(ItemList list)
{
    switch (list) {
    case ItemList::Compute:
        return QStringLiteral("Compute");
    case ItemList::Power:
        return QStringLiteral("Power");
    case ItemList::Cooling:
        return QStringLiteral("Cooling");
    }
    return {};
}

QString rowsText(const QString &verb, std::size_t count, ItemList list)
{
    if (count == 1)
        return QStringLiteral("%1 %2").arg(verb, itemNoun(list));
    return QStringLiteral("%1 %2 rows").arg(verb).arg(count);
}

// A name the list does not use: "<base> <n>" with the lowest n from the list's size on.
QString nextName(const QString &base, int from, const std::vector<QString> &taken)
{
    for (int n = from;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (std::find(taken.begin(), taken.end(), candidate) == taken.end())
            return candidate;
    }
}

Scenario withLinkedDates(Scenario scenario)
{
    refreshLinkedDates(scenario);
    return scenario;
}

} // namespace

ScenarioDocument::ScenarioDocument(Scenario scenario, const Catalog &catalog, Workspace *workspace, ScenarioId id,
                                   QObject *parent)
    : QObject(parent)
    , m_scenario(withLinkedDates(std::move(scenario)))
    , m_catalog(catalog)
    , m_workspace(workspace)
    , m_id(id)
    , m_undoStack(new QUndoStack(this))
    , m_problems(validateScenario(m_scenario, m_catalog))
{
    // An undo or redo whose save failed left the document as it was; put the stack back too.
    connect(m_undoStack, &QUndoStack::indexChanged, this, &ScenarioDocument::restoreStackIndex, Qt::DirectConnection);
}

ScenarioDocument::~ScenarioDocument()
{
    // The stack's commands point back at this document: let them go while it still exists.
    m_undoStack->clear();
}

const Scenario &ScenarioDocument::resolved() const
{
    if (!m_resolved)
        m_resolved = resolveScenario(m_scenario, m_catalog);
    return *m_resolved;
}

bool ScenarioDocument::isReadOnly() const
{
    return m_workspace && m_workspace->isReadOnly();
}

QString ScenarioDocument::readOnlyReason() const
{
    if (!isReadOnly())
        return QString();
    return QStringLiteral("The workspace %1 is open read-only (%2), so changes cannot be saved. Save a copy to work on "
                          "it.")
        .arg(m_workspace->path(), m_workspace->readOnlyReason());
}

QVariant ScenarioDocument::value(const FieldPath &path) const
{
    return readField(m_scenario, path);
}

bool ScenarioDocument::refuse(const QString &message, QString *reason) const
{
    if (reason)
        *reason = message;
    return false;
}

bool ScenarioDocument::siteExists(int site) const
{
    return site >= 0 && site < static_cast<int>(m_scenario.sites.size());
}

QString ScenarioDocument::refusal(const Scenario &candidate, std::vector<Problem> *problems) const
{
    QString first;
    for (Problem &problem : validateScenario(candidate, m_catalog)) {
        if (std::find(m_problems.begin(), m_problems.end(), problem) != m_problems.end())
            continue; // it was there before this edit
        if (first.isEmpty())
            first = problem.message;
        if (problems)
            problems->push_back(std::move(problem));
    }
    return first;
}

QString ScenarioDocument::checkValue(const FieldPath &path, const QVariant &value) const
{
    if (isReadOnly())
        return readOnlyReason();
    if (path.scope == FieldPath::Scope::Scenario && path.key == u"name")
        return QStringLiteral("rename the scenario in the Workspace panel, where its name is kept");
    Scenario candidate = m_scenario;
    QString reason;
    if (!writeField(candidate, path, value, &reason))
        return reason;
    return refusal(candidate);
}

bool ScenarioDocument::setValue(const FieldPath &path, const QVariant &value, QString *reason)
{
    const QVariant before = readField(m_scenario, path);
    if (const QString why = checkValue(path, value); !why.isEmpty())
        return refuse(why, reason);
    Scenario candidate = m_scenario;
    writeField(candidate, path, value, nullptr);
    const QVariant after = readField(candidate, path); // as stored: a number for a whole-number field
    if (after == before && after.isValid() == before.isValid())
        return true;
    const FieldInfo *info = fieldInfo(path);
    // "Change lead time", "Change IT capacity": lower case only where the label is not an acronym.
    QString what = info->label;
    if (what.size() > 1 && !what.at(1).isUpper())
        what[0] = what.at(0).toLower();
    return push(new ChangeFieldCommand(this, path, before, after, tr("Change %1").arg(what)), reason);
}

bool ScenarioDocument::insertItems(int site, int row, const std::vector<ScenarioItem> &items,
                                   const QString &commandText, QString *reason, std::vector<Problem> *problems)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    if (items.empty())
        return true;
    if (!siteExists(site))
        return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    const ItemList list = listOf(items.front());
    const Site &target = m_scenario.sites[static_cast<std::size_t>(site)];
    if (row < 0 || row > itemCount(target, list))
        return refuse(QStringLiteral("row %1 is outside the list").arg(row + 1), reason);
    if (std::any_of(items.begin(), items.end(), [list](const ScenarioItem &item) { return listOf(item) != list; }))
        return refuse(QStringLiteral("rows of different lists cannot be inserted together"), reason);

    Scenario candidate = m_scenario;
    for (std::size_t i = 0; i < items.size(); ++i)
        insertItem(candidate.sites[static_cast<std::size_t>(site)], row + static_cast<int>(i), items[i]);
    if (const QString why = refusal(candidate, problems); !why.isEmpty())
        return refuse(why, reason);

    return push(new InsertItemsCommand(this, site, row, items, commandText), reason);
}

std::optional<int> ScenarioDocument::addItem(int site, ItemList list, int row, QString *reason)
{
    if (!siteExists(site)) {
        refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
        return std::nullopt;
    }
    const Site &target = m_scenario.sites[static_cast<std::size_t>(site)];
    const int count = itemCount(target, list);
    const int at = row < 0 || row > count ? count : row;
    const QString name = nextName(baseName(list), count + 1, itemNames(target));
    if (!insertItems(site, at, {newItem(list, m_scenario.startMonth, name)}, tr("Add %1").arg(itemNoun(list)), reason))
        return std::nullopt;
    return at;
}

bool ScenarioDocument::duplicateItems(int site, ItemList list, std::vector<int> rows, QString *reason)
{
    if (!siteExists(site))
        return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    const Site &target = m_scenario.sites[static_cast<std::size_t>(site)];
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty() || rows.front() < 0 || rows.back() >= itemCount(target, list))
        return refuse(QStringLiteral("select the rows to duplicate"), reason);
    std::vector<QString> taken = itemNames(target);
    std::vector<ScenarioItem> copies;
    for (const int row : rows) {
        ScenarioItem copy = itemAt(target, list, row);
        const QString name = uniqueName(itemName(copy), taken);
        setItemName(copy, name);
        taken.push_back(name);
        copies.push_back(std::move(copy));
    }
    return insertItems(site, rows.back() + 1, copies, rowsText(tr("Duplicate"), rows.size(), list), reason);
}

bool ScenarioDocument::removeItems(int site, ItemList list, std::vector<int> rows, QString *reason)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    if (!siteExists(site))
        return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    const Site &target = m_scenario.sites[static_cast<std::size_t>(site)];
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty() || rows.front() < 0 || rows.back() >= itemCount(target, list))
        return refuse(QStringLiteral("select the rows to remove"), reason);
    std::vector<ScenarioItem> items;
    for (const int row : rows)
        items.push_back(itemAt(target, list, row));
    const QString text = rows.size() == 1 ? tr("Remove %1 \u201c%2\u201d").arg(itemNoun(list), itemName(items.front()))
                                          : rowsText(tr("Remove"), rows.size(), list);
    return push(new RemoveItemsCommand(this, site, list, rows, std::move(items), text), reason);
}

bool ScenarioDocument::moveItem(int site, ItemList list, int from, int to, QString *reason)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    if (!siteExists(site))
        return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    const int count = itemCount(m_scenario.sites[static_cast<std::size_t>(site)], list);
    if (from < 0 || from >= count || to < 0 || to >= count)
        return refuse(QStringLiteral("the row cannot move further"), reason);
    if (from == to)
        return true;
    return push(new MoveItemCommand(this, site, list, from, to, tr("Move %1").arg(itemNoun(list))), reason);
}

std::optional<int> ScenarioDocument::addSite(int at, QString *reason)
{
    if (isReadOnly()) {
        refuse(readOnlyReason(), reason);
        return std::nullopt;
    }
    const int count = static_cast<int>(m_scenario.sites.size());
    const int index = at < 0 || at > count ? count : at;
    std::vector<QString> taken;
    for (const Site &site : m_scenario.sites)
        taken.push_back(site.name);
    const Site site = newSite(m_scenario.startMonth, nextName(tr("Site"), count + 1, taken));
    if (!push(new InsertSiteCommand(this, index, site, tr("Add site")), reason))
        return std::nullopt;
    return index;
}

std::optional<int> ScenarioDocument::duplicateSite(int site, QString *reason)
{
    if (isReadOnly()) {
        refuse(readOnlyReason(), reason);
        return std::nullopt;
    }
    if (!siteExists(site)) {
        refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
        return std::nullopt;
    }
    std::vector<QString> taken;
    for (const Site &s : m_scenario.sites)
        taken.push_back(s.name);
    Site copy = m_scenario.sites[static_cast<std::size_t>(site)];
    copy.name = uniqueName(copy.name, taken);
    if (!push(new InsertSiteCommand(this, site + 1, std::move(copy), tr("Duplicate site")), reason))
        return std::nullopt;
    return site + 1;
}

bool ScenarioDocument::removeSite(int site, QString *reason)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    if (!siteExists(site))
        return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    const Site removed = m_scenario.sites[static_cast<std::size_t>(site)];
    return push(new RemoveSiteCommand(this, site, removed, tr("Remove site \u201c%1\u201d").arg(removed.name)), reason);
}

bool ScenarioDocument::moveSite(int from, int to, QString *reason)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    if (!siteExists(from) || !siteExists(to))
        return refuse(QStringLiteral("the site cannot move further"), reason);
    if (from == to)
        return true;
    return push(new MoveSiteCommand(this, from, to, tr("Move site")), reason);
}

bool ScenarioDocument::shiftOrderMonths(std::vector<int> sites, int months, QString *reason)
{
    if (isReadOnly())
        return refuse(readOnlyReason(), reason);
    std::sort(sites.begin(), sites.end());
    sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
    for (const int site : sites)
        if (!siteExists(site))
            return refuse(QStringLiteral("the scenario has no site %1").arg(site + 1), reason);
    if (sites.empty() || months == 0)
        return true;
    Scenario candidate = m_scenario;
    ShiftOrderMonthsCommand::shift(candidate, sites, months);
    if (const QString why = refusal(candidate); !why.isEmpty())
        return refuse(why, reason);
    const QString what = sites.size() == 1 ? tr("the orders of \u201c%1\u201d").arg(m_scenario.sites[static_cast<std::size_t>(sites.front())].name)
                                           : tr("the orders of %1 sites").arg(sites.size());
    const QString text = months > 0 ? tr("Move %1 %2 months later").arg(what).arg(months)
                                    : tr("Move %1 %2 months earlier").arg(what).arg(-months);
    return push(new ShiftOrderMonthsCommand(this, std::move(sites), months, text), reason);
}

bool ScenarioDocument::push(QUndoCommand *command, QString *reason)
{
    m_undoStack->push(command); // runs the command, which saves (and clears or sets m_lastSaveError)
    return m_lastSaveError.isEmpty() || refuse(m_lastSaveError, reason);
}

void ScenarioDocument::adoptWorkspaceName(const QString &name)
{
    if (m_scenario.name == name)
        return;
    m_scenario.name = name;
    m_resolved.reset();
    emit changed(
        ScenarioChange{ScenarioChange::Kind::FieldChanged, FieldPath::scenario(QStringLiteral("name")), 1, -1});
}

bool ScenarioDocument::apply(const std::function<void(Scenario &)> &mutate, const std::vector<ScenarioChange> &changes)
{
    if (m_replaying)
        return true; // the stack is being put back; the document already is where it belongs
    Scenario next = m_scenario;
    mutate(next);
    refreshLinkedDates(next); // a moved facility or grid date moves what is linked to it
    if (!save(next))
        return false;
    m_scenario = std::move(next);
    m_problems = validateScenario(m_scenario, m_catalog);
    m_resolved.reset();
    for (const ScenarioChange &change : changes)
        emit changed(change);
    return true;
}

bool ScenarioDocument::save(const Scenario &scenario)
{
    m_lastSaveError.clear();
    if (!m_workspace)
        return true;
    if (m_workspace->saveDocument(m_id, io::writeScenarioJson(scenario)))
        return true;
    m_lastSaveError = m_workspace->lastError().message;
    emit saveFailed(m_lastSaveError);
    return false;
}

void ScenarioDocument::restoreStackIndex()
{
    const Step failed = std::exchange(m_failedStep, Step::None);
    if (failed == Step::None)
        return;
    m_replaying = true;
    if (failed == Step::Undo)
        m_undoStack->redo();
    else
        m_undoStack->undo();
    m_replaying = false;
}

} // namespace cp
