#include "widgets/scenarioeditor.h"

#include "catalog/catalog.h"
#include "document/scenariochange.h"
#include "document/scenariodocument.h"
#include "document/scenariofields.h"
#include "domain/kinds.h"
#include "domain/linkeddates.h"
#include "editors/fieldform.h"
#include "editors/inlinemessage.h"
#include "format/units.h"
#include "itemmodels/sitelistmodel.h"
#include "widgets/collapsiblesection.h"
#include "widgets/itemtablepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QVBoxLayout>


namespace cp::views {

namespace {

const QString kDot = QStringLiteral("  \u00b7  ");

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *name : names)
        out << QLatin1String(name);
    return out;
}

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

QLabel *subheading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ScenarioEditor::ScenarioEditor(const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_sites(new SiteListModel(this))
    , m_stack(new QStackedWidget(this))
    , m_scroll(new QScrollArea(this))
    , m_title(new QLabel(this))
    , m_planForm(new FieldForm(FieldPath::Scope::Scenario,
                               {{QStringLiteral("startMonth")}, {QStringLiteral("horizonMonths")}}, catalog, this))
    , m_descriptionForm(new FieldForm(FieldPath::Scope::Scenario, {{QStringLiteral("description")}}, catalog, this))
    , m_assumptionsForm(
          new FieldForm(FieldPath::Scope::Assumptions,
                        {keys({"discountRatePct", "electricityUsdPerMwh", "gasUsdPerMmbtu", "utilizationPct"}),
                         keys({"depreciationYears.compute", "depreciationYears.facility", "depreciationYears.power",
                               "depreciationYears.cooling"}),
                         keys({"computePriceUsdPerAcceleratorHour", "burnInMonths", "residualValue"}),
                         keys({"residualPctOfBook.compute", "residualPctOfBook.facility", "residualPctOfBook.power",
                               "residualPctOfBook.cooling"})},
                        catalog, this))
    , m_siteTabs(new QTabBar(this))
    , m_siteMessage(new InlineMessage(this))
    , m_siteArea(new QWidget(this))
    , m_noSites(new QLabel(this))
    , m_siteForm(
          new FieldForm(FieldPath::Scope::Site, {keys({"name", "country"}), keys({"ownership", "pue"})}, catalog, this))
    // Plain fields on the left, the three-point estimates (wider) on the right.
    , m_facilityForm(new FieldForm(FieldPath::Scope::Facility,
                                   {keys({"kind", "cooling", "itCapacityMw", "coolingMw", "permitStartMonth",
                                          "constructionStartMonth", "leaseUsdPerKwMonth", "fixedOmUsdPerMwItYear"}),
                                    keys({"permitMonths", "buildMonths", "capexUsdPerMwIt", "capexUsd"})},
                                   catalog, this))
    , m_compute(new ItemTablePanel(ItemList::Compute, catalog, this))
    , m_power(new ItemTablePanel(ItemList::Power, catalog, this))
    , m_cooling(new ItemTablePanel(ItemList::Cooling, catalog, this))
{
    setObjectName(QStringLiteral("ScenarioEditor"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("Pick a scenario in the Workspace panel, or make one with New."), m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(empty);

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 20);
    layout->setSpacing(14);

    // The plan: its name (kept in the workspace list), when it starts, how long it runs.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setToolTip(tr("Rename the scenario in the Workspace panel (F2)."));
    layout->addWidget(m_title);
    auto *plan = new QHBoxLayout;
    plan->addWidget(m_planForm);
    plan->addStretch(1);
    layout->addLayout(plan);
    layout->addWidget(m_descriptionForm);

    auto *assumptionsBox = new QWidget;
    auto *assumptionsLayout = new QHBoxLayout(assumptionsBox);
    assumptionsLayout->setContentsMargins(0, 0, 0, 0);
    m_assumptionsForm->setParent(assumptionsBox);
    assumptionsLayout->addWidget(m_assumptionsForm);
    assumptionsLayout->addStretch(1);
    m_assumptions = new CollapsibleSection(tr("Assumptions"), assumptionsBox, page);
    m_assumptions->setExpanded(false);
    layout->addWidget(m_assumptions);

    // The sites, one tab each, with what acts on them.
    auto *sitesHeader = new QHBoxLayout;
    sitesHeader->setSpacing(6);
    sitesHeader->addWidget(subheading(tr("Sites"), page));
    m_siteTabs->setObjectName(QStringLiteral("siteTabs"));
    m_siteTabs->setMovable(true);
    m_siteTabs->setExpanding(false);
    m_siteTabs->setDocumentMode(true);
    m_siteTabs->setUsesScrollButtons(true);
    sitesHeader->addWidget(m_siteTabs, 1);
    m_addSite = toolButton(tr("+ Add site"), tr("Add a site to the scenario"), page);
    m_duplicateSite = toolButton(tr("Duplicate"), tr("Duplicate this site with everything in it"), page);
    m_removeSite = toolButton(tr("Remove"), tr("Remove this site (Undo brings it back)"), page);
    for (QToolButton *button : {m_addSite, m_duplicateSite, m_removeSite})
        sitesHeader->addWidget(button);
    layout->addLayout(sitesHeader);
    layout->addWidget(m_siteMessage);

    m_noSites->setText(tr("This scenario has no sites yet. Add one to plan its compute, power and cooling."));
    m_noSites->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_noSites);

    auto *siteLayout = new QVBoxLayout(m_siteArea);
    siteLayout->setContentsMargins(0, 0, 0, 0);
    siteLayout->setSpacing(18);
    auto *siteBox = new QWidget;
    auto *siteBoxLayout = new QVBoxLayout(siteBox);
    siteBoxLayout->setContentsMargins(0, 0, 0, 0);
    siteBoxLayout->setSpacing(10);
    m_siteForm->setParent(siteBox);
    m_facilityForm->setParent(siteBox);
    siteBoxLayout->addWidget(m_siteForm);
    siteBoxLayout->addWidget(subheading(tr("Facility"), siteBox));
    siteBoxLayout->addWidget(m_facilityForm);
    m_siteSection = new CollapsibleSection(tr("Site and facility"), siteBox, m_siteArea);
    siteLayout->addWidget(m_siteSection);
    for (ItemTablePanel *panel : {m_compute, m_power, m_cooling}) {
        panel->setParent(m_siteArea);
        siteLayout->addWidget(panel);
        connect(panel, &ItemTablePanel::activated, this, [this](ItemTablePanel *active) {
            m_activePanel = active;
            emit activePanelChanged(active);
        });
    }
    layout->addWidget(m_siteArea);
    layout->addStretch(1);

    m_scroll->setWidget(page);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_scroll);

    connect(m_addSite, &QToolButton::clicked, this, &ScenarioEditor::addSite);
    connect(m_duplicateSite, &QToolButton::clicked, this, &ScenarioEditor::duplicateSite);
    connect(m_removeSite, &QToolButton::clicked, this, &ScenarioEditor::removeSite);
    connect(m_siteTabs, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_rebuilding)
            setCurrentSite(index);
    });
    connect(m_siteTabs, &QTabBar::tabMoved, this, [this](int from, int to) {
        if (m_rebuilding || !m_document)
            return;
        QString reason;
        if (!m_document->moveSite(from, to, &reason))
            reportRefusal(reason);
        rebuildSiteTabs();
    });

    // Sites come and go with edits, undo and redo: follow them, keeping the one in view.
    connect(m_sites, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_site = first;
        rebuildSiteTabs();
    });
    connect(m_sites, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first) {
        m_site = std::min(first, m_sites->rowCount() - 1);
        rebuildSiteTabs();
    });
    connect(m_sites, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int from, int, const QModelIndex &, int destination) {
                if (m_site == from)
                    m_site = destination > from ? destination - 1 : destination;
                rebuildSiteTabs();
            });
    connect(m_sites, &QAbstractItemModel::dataChanged, this, &ScenarioEditor::rebuildSiteTabs);
    setDocument(nullptr);
}

void ScenarioEditor::setDocument(ScenarioDocument *document)
{
    disconnect(m_connection);
    m_document = document;
    m_stack->setCurrentIndex(document ? 1 : 0);
    m_siteMessage->clearMessage();
    m_planForm->setTarget(document);
    m_descriptionForm->setTarget(document);
    m_assumptionsForm->setTarget(document);
    m_site = document && !document->scenario().sites.empty() ? 0 : -1;
    if (document)
        m_connection = connect(document, &ScenarioDocument::changed, this, [this](const ScenarioChange &change) {
            if (change.kind == ScenarioChange::Kind::FieldChanged)
                updateSummaries();
            if (change.path.scope == FieldPath::Scope::Scenario && change.path.key == u"name")
                updateTitle();
        });
    m_sites->setDocument(document);
    rebuildSiteTabs();
    updateTitle();
}

void ScenarioEditor::setCurrentSite(int site)
{
    if (!m_document || site < 0 || site >= m_sites->rowCount() || site == m_site)
        return;
    m_site = site;
    rebuildSiteTabs();
}

ItemTablePanel *ScenarioEditor::panel(ItemList list) const
{
    switch (list) {
    case ItemList::Compute:
        return m_compute;
    case ItemList::Power:
        return m_power;
    case ItemList::Cooling:
        return m_cooling;
    }
    return nullptr;
}

FieldForm *ScenarioEditor::form(FieldPath::Scope scope) const
{
    switch (scope) {
    case FieldPath::Scope::Scenario:
        return m_planForm;
    case FieldPath::Scope::Assumptions:
        return m_assumptionsForm;
    case FieldPath::Scope::Site:
        return m_siteForm;
    case FieldPath::Scope::Facility:
        return m_facilityForm;
    case FieldPath::Scope::Item:
        return nullptr;
    }
    return nullptr;
}

void ScenarioEditor::rebuildSiteTabs()
{
    m_rebuilding = true;
    while (m_siteTabs->count() > 0)
        m_siteTabs->removeTab(0);
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        m_siteTabs->addTab(m_sites->index(row).data().toString());
        m_siteTabs->setTabToolTip(row, m_sites->index(row).data(Qt::ToolTipRole).toString());
    }
    if (m_site >= m_sites->rowCount())
        m_site = m_sites->rowCount() - 1;
    m_siteTabs->setCurrentIndex(m_site);
    m_rebuilding = false;
    retarget();
}

void ScenarioEditor::retarget()
{
    const bool hasSite = m_document && m_site >= 0;
    const bool editable = m_document && !m_document->isReadOnly();
    m_siteArea->setVisible(hasSite);
    m_noSites->setVisible(m_document && !hasSite);
    m_siteTabs->setVisible(m_sites->rowCount() > 0);
    m_addSite->setEnabled(editable);
    m_duplicateSite->setEnabled(editable && hasSite);
    m_removeSite->setEnabled(editable && hasSite);
    m_siteTabs->setMovable(editable);
    m_siteForm->setTarget(m_document, m_site);
    m_facilityForm->setTarget(m_document, m_site);
    for (ItemTablePanel *panel : {m_compute, m_power, m_cooling})
        panel->setSite(m_document, m_site);
    updateSummaries();
}

void ScenarioEditor::updateTitle()
{
    m_title->setText(m_document ? m_document->scenario().name : QString());
}

void ScenarioEditor::updateSummaries()
{
    if (!m_document)
        return;
    const Scenario &written = m_document->scenario();
    const Assumptions &a = written.assumptions;
    const DepreciationYears &y = a.depreciationYears;
    m_assumptions->setSummary(tr("%1 discount").arg(format::percent(a.discountRatePct, 1)) + kDot
                              + tr("electricity $%1/MWh").arg(groupedNumber(a.electricityUsdPerMwh.mode, 2)) + kDot
                              + tr("gas $%1/MMBtu").arg(groupedNumber(a.gasUsdPerMmbtu.mode, 2)) + kDot
                              + tr("%1 utilization").arg(format::percent(a.utilizationPct, 0)) + kDot
                              + tr("depreciation %1 / %2 / %3 / %4 years")
                                    .arg(groupedNumber(y.compute, 1), groupedNumber(y.facility, 1),
                                         groupedNumber(y.power, 1), groupedNumber(y.cooling, 1))
                              + (a.computePriceUsdPerAcceleratorHour
                                     ? kDot + tr("compute worth $%1/h").arg(groupedNumber(a.computePriceUsdPerAcceleratorHour->mode, 2))
                                     : QString()));
    if (m_site < 0 || m_site >= static_cast<int>(written.sites.size()))
        return;
    const Site &site = written.sites[static_cast<std::size_t>(m_site)];
    const Site &resolved = m_document->resolved().sites[static_cast<std::size_t>(m_site)];
    m_siteSection->setSummary(displayName(site.facility.kind) + kDot + displayName(site.facility.cooling) + kDot
                              + tr("%1 IT").arg(format::megawatts(site.facility.itCapacityMw)) + kDot
                              + tr("PUE %1").arg(groupedNumber(resolved.pue.value_or(ThreePoint::fixed(1.0)).mode, 2)) + kDot
                              + tr("building ready %1").arg(facilityReadyMonth(site.facility).toLabel()));
}

void ScenarioEditor::reportRefusal(const QString &reason)
{
    m_siteMessage->showMessage(reason);
}

void ScenarioEditor::addSite()
{
    if (!m_document)
        return;
    QString reason;
    if (!m_document->addSite(-1, &reason))
        reportRefusal(reason);
    else
        m_siteForm->focusField(QStringLiteral("name"));
}

void ScenarioEditor::duplicateSite()
{
    if (!m_document)
        return;
    QString reason;
    if (!m_document->duplicateSite(m_site, &reason))
        reportRefusal(reason);
}

void ScenarioEditor::removeSite()
{
    if (!m_document)
        return;
    QString reason;
    if (!m_document->removeSite(m_site, &reason))
        reportRefusal(reason);
}

bool ScenarioEditor::showField(const FieldPath &path)
{
    if (!m_document)
        return false;
    bool shown = false;
    switch (path.scope) {
    case FieldPath::Scope::Scenario:
        shown = m_planForm->focusField(path.key) || m_descriptionForm->focusField(path.key);
        break;
    case FieldPath::Scope::Assumptions:
        m_assumptions->setExpanded(true);
        shown = m_assumptionsForm->focusField(path.key);
        break;
    case FieldPath::Scope::Site:
    case FieldPath::Scope::Facility:
    case FieldPath::Scope::Item:
        if (path.site < 0 || path.site >= m_sites->rowCount())
            return false;
        if (path.site != m_site) {
            m_site = path.site;
            rebuildSiteTabs();
        }
        if (path.scope == FieldPath::Scope::Item) {
            panel(path.list)->showField(path.row, path.key);
            shown = true;
        } else {
            m_siteSection->setExpanded(true);
            FieldForm *target = path.scope == FieldPath::Scope::Site ? m_siteForm : m_facilityForm;
            shown = target->focusField(path.key.isEmpty() ? QStringLiteral("name") : path.key)
                || m_siteForm->focusField(QStringLiteral("name"));
        }
        break;
    }
    if (shown && focusWidget())
        m_scroll->ensureWidgetVisible(focusWidget(), 40, 80);
    return shown;
}

} // namespace cp::views
