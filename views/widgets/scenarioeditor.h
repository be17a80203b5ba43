#pragma once

#include "document/fieldpath.h"
#include "document/scenariodocument.h"
#include "widgets/itemtablepanel.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTabBar;
class QToolButton;

namespace cp {
class Catalog;
class ScenarioDocument;
class SiteListModel;
} // namespace cp

namespace cp::views {

class CollapsibleSection;
class FieldForm;
class InlineMessage;

// The Plan tab: one scenario's inputs on one scrolling page. The plan's start and horizon,
// the assumptions (folded to a summary line), then the sites as tabs; per site its own and its
// facility's fields and the compute, power and cooling tables. Every edit is a document
// command; the page follows the document, including undo and redo.
class ScenarioEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioEditor(const Catalog &catalog, QWidget *parent = nullptr);

    void setDocument(ScenarioDocument *document);
    [[nodiscard]] ScenarioDocument *document() const { return m_document; }

    [[nodiscard]] int currentSite() const { return m_site; }
    void setCurrentSite(int site);
    [[nodiscard]] ItemTablePanel *panel(ItemList list) const;
    // The table that last had the focus: where Edit > Cut, Copy and Paste rows act.
    [[nodiscard]] ItemTablePanel *activePanel() const { return m_activePanel; }
    [[nodiscard]] FieldForm *form(FieldPath::Scope scope) const;

    // Shows the field (a warning's or problem's place) and puts the focus on it.
    bool showField(const FieldPath &path);

signals:
    void activePanelChanged(cp::views::ItemTablePanel *panel);

private:
    void rebuildSiteTabs();
    void retarget();
    void updateTitle();
    void updateSummaries();
    void addSite();
    void duplicateSite();
    void removeSite();
    void reportRefusal(const QString &reason);

    const Catalog &m_catalog;
    QPointer<ScenarioDocument> m_document;
    QMetaObject::Connection m_connection;
    int m_site = -1;
    SiteListModel *m_sites;

    QStackedWidget *m_stack;
    QScrollArea *m_scroll;
    QLabel *m_title;
    FieldForm *m_planForm;
    FieldForm *m_descriptionForm;
    FieldForm *m_assumptionsForm;
    CollapsibleSection *m_assumptions;
    QTabBar *m_siteTabs;
    QToolButton *m_addSite;
    QToolButton *m_duplicateSite;
    QToolButton *m_removeSite;
    InlineMessage *m_siteMessage;
    QWidget *m_siteArea;
    QLabel *m_noSites;
    CollapsibleSection *m_siteSection;
    FieldForm *m_siteForm;
    FieldForm *m_facilityForm;
    ItemTablePanel *m_compute;
    ItemTablePanel *m_power;
    ItemTablePanel *m_cooling;
    QPointer<ItemTablePanel> m_activePanel;
    bool m_rebuilding = false;
};

} // namespace cp::views
