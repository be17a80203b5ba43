#include "document/scenariocommands.h"

#include "document/scenariodocument.h"
#include "fields/scenariofields.h"

namespace cp {

namespace {

constexpr int kChangeFieldMergeId = 1;

ScenarioChange itemsChange(ScenarioChange::Kind kind, int site, ItemList list, int row, int count)
{
    return ScenarioChange{kind, FieldPath::item(site, list, row), count, -1};
}

// Runs of consecutive rows in `rows` (ascending) as (first, count).
std::vector<std::pair<int, int>> runs(const std::vector<int> &rows)
{
    std::vector<std::pair<int, int>> out;
    for (const int row : rows) {
        if (!out.empty() && out.back().first + out.back().second == row)
            ++out.back().second;
        else
            out.emplace_back(row, 1);
    }
    return out;
}

Site &siteAt(Scenario &s, int site)
{
    return s.sites.at(static_cast<std::size_t>(site));
}

} // namespace

ScenarioCommand::ScenarioCommand(ScenarioDocument *document, const QString &text)
    : m_document(document)
{
    setText(text);
}

void ScenarioCommand::redo()
{
    if (!forward()) {
        if (m_pushed)
            m_document->stepFailed(ScenarioDocument::Step::Redo);
        else
            setObsolete(true); // QUndoStack::push drops it: the edit never happened
    }
    m_pushed = true;
}

void ScenarioCommand::undo()
{
    if (!backward())
        m_document->stepFailed(ScenarioDocument::Step::Undo);
}

bool ScenarioCommand::apply(const std::function<void(Scenario &)> &mutate, const std::vector<ScenarioChange> &changes)
{
    return m_document->apply(mutate, changes);
}

ChangeFieldCommand::ChangeFieldCommand(ScenarioDocument *document, const FieldPath &path, QVariant before,
                                       QVariant after, const QString &text)
    : ScenarioCommand(document, text)
    , m_path(path)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

int ChangeFieldCommand::id() const
{
    return kChangeFieldMergeId;
}

bool ChangeFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const ChangeFieldCommand *>(other);
    if (!next || next->isObsolete() || next->m_path != m_path)
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true); // back where it started: the stack drops the step
    return true;
}

bool ChangeFieldCommand::set(const QVariant &value)
{
    return apply([&](Scenario &s) { writeField(s, m_path, value, nullptr); },
                 {ScenarioChange{ScenarioChange::Kind::FieldChanged, m_path, 1, -1}});
}

InsertItemsCommand::InsertItemsCommand(ScenarioDocument *document, int site, int row, std::vector<ScenarioItem> items,
                                       const QString &text)
    : ScenarioCommand(document, text)
    , m_site(site)
    , m_row(row)
    , m_items(std::move(items))
{
}

bool InsertItemsCommand::forward()
{
    const ItemList list = listOf(m_items.front());
    const int count = static_cast<int>(m_items.size());
    return apply(
        [&](Scenario &s) {
            for (int i = 0; i < count; ++i)
                insertItem(siteAt(s, m_site), m_row + i, m_items[static_cast<std::size_t>(i)]);
        },
        {itemsChange(ScenarioChange::Kind::ItemsInserted, m_site, list, m_row, count)});
}

bool InsertItemsCommand::backward()
{
    const ItemList list = listOf(m_items.front());
    const int count = static_cast<int>(m_items.size());
    return apply(
        [&](Scenario &s) {
            for (int i = count - 1; i >= 0; --i)
                removeItem(siteAt(s, m_site), list, m_row + i);
        },
        {itemsChange(ScenarioChange::Kind::ItemsRemoved, m_site, list, m_row, count)});
}

RemoveItemsCommand::RemoveItemsCommand(ScenarioDocument *document, int site, ItemList list, std::vector<int> rows,
                                       std::vector<ScenarioItem> items, const QString &text)
    : ScenarioCommand(document, text)
    , m_site(site)
    , m_list(list)
    , m_rows(std::move(rows))
    , m_items(std::move(items))
{
}

bool RemoveItemsCommand::forward()
{
    // Runs from the last to the first, so every change names rows as they are when it is read.
    std::vector<ScenarioChange> changes;
    const auto blocks = runs(m_rows);
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        changes.push_back(itemsChange(ScenarioChange::Kind::ItemsRemoved, m_site, m_list, it->first, it->second));
    return apply(
        [&](Scenario &s) {
            for (auto it = m_rows.rbegin(); it != m_rows.rend(); ++it)
                removeItem(siteAt(s, m_site), m_list, *it);
        },
        changes);
}

bool RemoveItemsCommand::backward()
{
    std::vector<ScenarioChange> changes;
    for (const auto &[first, count] : runs(m_rows))
        changes.push_back(itemsChange(ScenarioChange::Kind::ItemsInserted, m_site, m_list, first, count));
    return apply(
        [&](Scenario &s) {
            for (std::size_t i = 0; i < m_rows.size(); ++i)
                insertItem(siteAt(s, m_site), m_rows[i], m_items[i]);
        },
        changes);
}

MoveItemCommand::MoveItemCommand(ScenarioDocument *document, int site, ItemList list, int from, int to,
                                 const QString &text)
    : ScenarioCommand(document, text)
    , m_site(site)
    , m_list(list)
    , m_from(from)
    , m_to(to)
{
}

bool MoveItemCommand::move(int from, int to)
{
    return apply(
        [&](Scenario &s) {
            Site &site = siteAt(s, m_site);
            const ScenarioItem item = itemAt(site, m_list, from);
            removeItem(site, m_list, from);
            insertItem(site, to, item);
        },
        {ScenarioChange{ScenarioChange::Kind::ItemMoved, FieldPath::item(m_site, m_list, from), 1, to}});
}

InsertSiteCommand::InsertSiteCommand(ScenarioDocument *document, int at, Site site, const QString &text)
    : ScenarioCommand(document, text)
    , m_at(at)
    , m_site(std::move(site))
{
}

bool InsertSiteCommand::forward()
{
    return apply([&](Scenario &s) { s.sites.insert(s.sites.begin() + m_at, m_site); },
                 {ScenarioChange{ScenarioChange::Kind::SiteInserted, FieldPath::ofSite(m_at), 1, -1}});
}

bool InsertSiteCommand::backward()
{
    return apply([&](Scenario &s) { s.sites.erase(s.sites.begin() + m_at); },
                 {ScenarioChange{ScenarioChange::Kind::SiteRemoved, FieldPath::ofSite(m_at), 1, -1}});
}

RemoveSiteCommand::RemoveSiteCommand(ScenarioDocument *document, int at, Site site, const QString &text)
    : ScenarioCommand(document, text)
    , m_at(at)
    , m_site(std::move(site))
{
}

bool RemoveSiteCommand::forward()
{
    return apply([&](Scenario &s) { s.sites.erase(s.sites.begin() + m_at); },
                 {ScenarioChange{ScenarioChange::Kind::SiteRemoved, FieldPath::ofSite(m_at), 1, -1}});
}

bool RemoveSiteCommand::backward()
{
    return apply([&](Scenario &s) { s.sites.insert(s.sites.begin() + m_at, m_site); },
                 {ScenarioChange{ScenarioChange::Kind::SiteInserted, FieldPath::ofSite(m_at), 1, -1}});
}

MoveSiteCommand::MoveSiteCommand(ScenarioDocument *document, int from, int to, const QString &text)
    : ScenarioCommand(document, text)
    , m_from(from)
    , m_to(to)
{
}

bool MoveSiteCommand::move(int from, int to)
{
    return apply(
        [&](Scenario &s) {
            Site site = std::move(s.sites[static_cast<std::size_t>(from)]);
            s.sites.erase(s.sites.begin() + from);
            s.sites.insert(s.sites.begin() + to, std::move(site));
        },
        {ScenarioChange{ScenarioChange::Kind::SiteMoved, FieldPath::ofSite(from), 1, to}});
}

ShiftOrderMonthsCommand::ShiftOrderMonthsCommand(ScenarioDocument *document, std::vector<int> sites, int months,
                                                 const QString &text)
    : ScenarioCommand(document, text)
    , m_sites(std::move(sites))
    , m_months(months)
{
}

void ShiftOrderMonthsCommand::shift(Scenario &scenario, const std::vector<int> &sites, int months)
{
    const auto shiftItem = [months](auto &item) {
        item.orderMonth = item.orderMonth.plusMonths(months);
        if (item.orderWindow) {
            item.orderWindow->earliest = item.orderWindow->earliest.plusMonths(months);
            item.orderWindow->latest = item.orderWindow->latest.plusMonths(months);
        }
    };
    for (const int s : sites) {
        Site &site = scenario.sites[static_cast<std::size_t>(s)];
        for (auto &item : site.compute)
            shiftItem(item);
        for (auto &item : site.power)
            shiftItem(item);
        for (auto &item : site.cooling)
            shiftItem(item);
    }
}

bool ShiftOrderMonthsCommand::move(int months)
{
    std::vector<ScenarioChange> changes;
    const Scenario &scenario = document()->scenario();
    for (const int s : m_sites) {
        const Site &site = scenario.sites[static_cast<std::size_t>(s)];
        const auto add = [&](ItemList list, std::size_t rows) {
            for (std::size_t row = 0; row < rows; ++row)
                changes.push_back(ScenarioChange{ScenarioChange::Kind::FieldChanged,
                                                 FieldPath::item(s, list, static_cast<int>(row), QStringLiteral("orderMonth")), 1, -1});
        };
        add(ItemList::Compute, site.compute.size());
        add(ItemList::Power, site.power.size());
        add(ItemList::Cooling, site.cooling.size());
    }
    return apply([&](Scenario &s) { shift(s, m_sites, months); }, changes);
}

} // namespace cp
