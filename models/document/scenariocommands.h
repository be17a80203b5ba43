#pragma once

#include "fields/fieldpath.h"
#include "document/scenariochange.h"
#include "fields/scenarioitems.h"

#include <QUndoCommand>
#include <QVariant>

#include <functional>
#include <vector>

// The undo commands of a ScenarioDocument. Each step goes through the document, which saves
// it to the workspace; a step whose save fails leaves the document as it was.
namespace cp {

class ScenarioDocument;

class ScenarioCommand : public QUndoCommand
{
public:
    void redo() final;
    void undo() final;

protected:
    ScenarioCommand(ScenarioDocument *document, const QString &text);
    virtual bool forward() = 0;
    virtual bool backward() = 0;
    bool apply(const std::function<void(Scenario &)> &mutate, const std::vector<ScenarioChange> &changes);
    [[nodiscard]] ScenarioDocument *document() const { return m_document; }

private:
    ScenarioDocument *m_document;
    bool m_pushed = false;
};

// One field, from one value to another (Tiled's ChangeValue): consecutive changes of the same
// field merge, so typing in a field or stepping a spin box is one undo step.
class ChangeFieldCommand final : public ScenarioCommand
{
public:
    ChangeFieldCommand(ScenarioDocument *document, const FieldPath &path, QVariant before, QVariant after,
                       const QString &text);
    [[nodiscard]] int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    bool forward() override { return set(m_after); }
    bool backward() override { return set(m_before); }
    bool set(const QVariant &value);

    FieldPath m_path;
    QVariant m_before;
    QVariant m_after;
};

// Rows put into one list at `row` (add, duplicate, paste).
class InsertItemsCommand final : public ScenarioCommand
{
public:
    InsertItemsCommand(ScenarioDocument *document, int site, int row, std::vector<ScenarioItem> items,
                       const QString &text);

private:
    bool forward() override;
    bool backward() override;

    int m_site;
    int m_row;
    std::vector<ScenarioItem> m_items;
};

// Rows taken out of one list; they need not be next to each other.
class RemoveItemsCommand final : public ScenarioCommand
{
public:
    // `rows` ascending, without repeats; `items` the rows' values, in the same order.
    RemoveItemsCommand(ScenarioDocument *document, int site, ItemList list, std::vector<int> rows,
                       std::vector<ScenarioItem> items, const QString &text);

private:
    bool forward() override;
    bool backward() override;

    int m_site;
    ItemList m_list;
    std::vector<int> m_rows;
    std::vector<ScenarioItem> m_items;
};

class MoveItemCommand final : public ScenarioCommand
{
public:
    MoveItemCommand(ScenarioDocument *document, int site, ItemList list, int from, int to, const QString &text);

private:
    bool forward() override { return move(m_from, m_to); }
    bool backward() override { return move(m_to, m_from); }
    bool move(int from, int to);

    int m_site;
    ItemList m_list;
    int m_from;
    int m_to;
};

class InsertSiteCommand final : public ScenarioCommand
{
public:
    InsertSiteCommand(ScenarioDocument *document, int at, Site site, const QString &text);

private:
    bool forward() override;
    bool backward() override;

    int m_at;
    Site m_site;
};

class RemoveSiteCommand final : public ScenarioCommand
{
public:
    RemoveSiteCommand(ScenarioDocument *document, int at, Site site, const QString &text);

private:
    bool forward() override;
    bool backward() override;

    int m_at;
    Site m_site;
};

// Every order month (and order window) of some sites moved by a number of months, as one step:
// the sites overview's "shift orders".
class ShiftOrderMonthsCommand final : public ScenarioCommand
{
public:
    ShiftOrderMonthsCommand(ScenarioDocument *document, std::vector<int> sites, int months, const QString &text);
    // The shift itself, also for checking a candidate before the command is pushed.
    static void shift(Scenario &scenario, const std::vector<int> &sites, int months);

private:
    bool forward() override { return move(m_months); }
    bool backward() override { return move(-m_months); }
    bool move(int months);

    std::vector<int> m_sites;
    int m_months;
};

class MoveSiteCommand final : public ScenarioCommand
{
public:
    MoveSiteCommand(ScenarioDocument *document, int from, int to, const QString &text);

private:
    bool forward() override { return move(m_from, m_to); }
    bool backward() override { return move(m_to, m_from); }
    bool move(int from, int to);

    int m_from;
    int m_to;
};

} // namespace cp
