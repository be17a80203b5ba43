#include "editors/fieldform.h"

#include "document/scenariochange.h"
#include "document/scenariodocument.h"
#include "editors/fieldeditor.h"
#include "editors/inlinemessage.h"
#include "editors/monthedit.h"
#include "editors/threepointedit.h"
#include "itemmodels/catalogdefaults.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include <algorithm>

namespace cp::views {

namespace {

constexpr QLatin1String kComputePriceKey("computePriceUsdPerAcceleratorHour");

// Columns with text and estimates get the form's spare width.
bool wide(const FieldInfo &info)
{
    return info.type == FieldType::Text || info.type == FieldType::ThreePointEstimate;
}

// Text fills its cell; everything else keeps its own width with the reset button beside it.
bool fillsCell(const FieldInfo &info)
{
    return info.type == FieldType::Text;
}

} // namespace

FieldForm::FieldForm(FieldPath::Scope scope, const QList<QStringList> &columns, const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_scope(scope)
    , m_catalog(catalog)
{
    QList<QStringList> layoutColumns = columns;
    if (layoutColumns.isEmpty()) {
        layoutColumns.append(QStringList());
        for (const FieldInfo &info : fieldsOf(scope))
            layoutColumns.front() << info.key;
    }
    for (const QStringList &column : layoutColumns)
        for (const QString &key : column)
            if (const FieldInfo *info = fieldInfo(FieldPath{scope, 0, ItemList::Compute, 0, key}))
                m_rows.push_back(Row{*info});

    const auto hasWide = [scope](const QStringList &keys) {
        return std::any_of(keys.begin(), keys.end(), [scope](const QString &key) {
            const FieldInfo *info = fieldInfo(FieldPath{scope, 0, ItemList::Compute, 0, key});
            return info && wide(*info);
        });
    };
    const bool anyWide = std::any_of(layoutColumns.begin(), layoutColumns.end(), hasWide);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    std::size_t at = 0;
    for (qsizetype c = 0; c < layoutColumns.size(); ++c) {
        const int column = static_cast<int>(c) * 3; // label, editor, gap
        // Spare width goes to the columns with text and estimates, which can use it.
        grid->setColumnStretch(column + 1, !anyWide || hasWide(layoutColumns[c]) ? 1 : 0);
        for (qsizetype i = 0; i < layoutColumns[c].size(); ++i, ++at) {
            Row &row = m_rows[at];
            const int line = static_cast<int>(i) * 2; // the message goes on the line below
            row.editor = createFieldEditor(row.info, catalog, this);
            row.editor->setObjectName(row.info.key);
            row.editor->setAccessibleName(row.info.labelWithUnit());
            if (row.info.type == FieldType::Text) {
                row.editor->setMinimumWidth(200);
                if (m_rows.size() > 1)
                    row.editor->setMaximumWidth(560); // a name, not a paragraph; a lone field (the description) may run on
            }
            QString labelText = row.info.label;
            labelText.replace(QLatin1Char('&'), QStringLiteral("&&")); // "O&M" is no mnemonic
            row.label = new QLabel(labelText + QLatin1Char(':'), this);
            row.label->setBuddy(row.editor);
            row.label->setToolTip(row.info.help);
            row.reset = new QToolButton(this);
            row.reset->setText(QStringLiteral("\u21ba"));
            row.reset->setAutoRaise(true);
            row.reset->setFocusPolicy(Qt::NoFocus);
            row.reset->setToolTip(tr("Back to the default"));
            row.message = new InlineMessage(this);

            // Text and estimates take the column's width; numbers, months and lists their own,
            // with the reset button right beside them.
            row.cell = new QWidget(this);
            auto *cell = new QHBoxLayout(row.cell);
            cell->setContentsMargins(0, 0, 0, 0);
            cell->setSpacing(2);
            row.editor->setParent(row.cell);
            row.reset->setParent(row.cell);
            cell->addWidget(row.editor, fillsCell(row.info) ? 1 : 0);
            cell->addWidget(row.reset);
            if (scope == FieldPath::Scope::Assumptions && row.info.key == kComputePriceKey) {
                row.suggest = new QToolButton(row.cell);
                row.suggest->setObjectName(row.info.key + QStringLiteral("Suggestion"));
                cell->addWidget(row.suggest);
                connect(row.suggest, &QToolButton::clicked, this, [this, at] {
                    Row &target = m_rows[at];
                    const std::optional<ThreePoint> rent = catalogRent(m_document->scenario(), m_catalog).range;
                    QString reason;
                    if (rent && !m_document->setValue(pathOf(target), QVariant::fromValue(*rent), &reason))
                        target.message->showMessage(reason);
                });
            }
            if (!fillsCell(row.info))
                cell->addStretch(1);
            grid->addWidget(row.label, line, column, Qt::AlignLeft | Qt::AlignVCenter);
            grid->addWidget(row.cell, line, column + 1);
            grid->addWidget(row.message, line + 1, column, 1, 2); // under the field, as wide as label and field
            // The reset button keeps its place, so fields do not shift when it comes and goes.
            QSizePolicy keep = row.reset->sizePolicy();
            keep.setRetainSizeWhenHidden(true);
            row.reset->setSizePolicy(keep);
            row.reset->setVisible(false);

            onFieldEditorCommitted(row.editor, row.info, this, [this, at] { commit(m_rows[at]); });
            connect(row.reset, &QToolButton::clicked, this, [this, at] {
                Row &r = m_rows[at];
                QString reason;
                if (m_document && !m_document->setValue(pathOf(r), QVariant(), &reason))
                    r.message->showMessage(reason);
            });
        }
        if (c + 1 < layoutColumns.size())
            grid->setColumnMinimumWidth(column + 2, 28);
    }
    setTarget(nullptr);
}

void FieldForm::setTarget(ScenarioDocument *document, int site)
{
    disconnect(m_connection);
    m_document = document;
    m_site = site;
    if (document)
        m_connection = connect(document, &ScenarioDocument::changed, this, &FieldForm::onChanged);
    for (Row &row : m_rows) {
        row.message->clearMessage();
        if (auto *range = qobject_cast<ThreePointEdit *>(row.editor))
            range->markOutOfOrder(false);
    }
    refreshAll();
}

QWidget *FieldForm::editor(const QString &key) const
{
    for (const Row &row : m_rows)
        if (row.info.key == key)
            return row.editor;
    return nullptr;
}

QString FieldForm::message(const QString &key) const
{
    for (const Row &row : m_rows)
        if (row.info.key == key)
            return row.message->text();
    return {};
}

bool FieldForm::focusField(const QString &key)
{
    QWidget *target = editor(key);
    if (!target || !target->isVisibleTo(this))
        return false;
    target->setFocus(Qt::OtherFocusReason);
    return true;
}

FieldPath FieldForm::pathOf(const Row &row) const
{
    FieldPath path{m_scope, m_site, ItemList::Compute, -1, row.info.key};
    if (m_scope == FieldPath::Scope::Scenario || m_scope == FieldPath::Scope::Assumptions)
        path.site = -1;
    return path;
}

bool FieldForm::hasTarget() const
{
    if (!m_document)
        return false;
    if (m_scope == FieldPath::Scope::Scenario || m_scope == FieldPath::Scope::Assumptions)
        return true;
    return m_site >= 0 && m_site < static_cast<int>(m_document->scenario().sites.size());
}

void FieldForm::commit(Row &row)
{
    if (m_updating || !hasTarget())
        return;
    const QVariant value = fieldEditorValue(row.editor, row.info);
    const FieldPath path = pathOf(row);
    if (!readField(m_document->scenario(), path).isValid() && value == readField(m_document->resolved(), path))
        return; // the default, confirmed: it stays a default
    auto *range = qobject_cast<ThreePointEdit *>(row.editor);
    QString reason;
    if (m_document->setValue(path, value, &reason)) {
        row.message->clearMessage();
        if (range)
            range->markOutOfOrder(false);
    } else if (range && range->isOutOfOrder()) {
        // Likely above high is a range half made: keep what the user typed, mark the box and
        // say what to do; the next change that puts it in order is taken and clears this.
        row.message->showMessage(reason);
        range->markOutOfOrder(true);
    } else {
        row.message->showMessage(reason);
        refresh(row); // back to what the document holds
    }
}

void FieldForm::refresh(Row &row)
{
    const bool target = hasTarget();
    row.editor->setEnabled(target && !m_document->isReadOnly());
    if (!target)
        return;
    const Scenario &written = m_document->scenario();
    const FieldPath path = pathOf(row);
    const QVariant value = readField(written, path);
    FieldDefault fallback;
    bool applies = true;
    if (m_scope == FieldPath::Scope::Site || m_scope == FieldPath::Scope::Facility) {
        const Site &site = written.sites[static_cast<std::size_t>(m_site)];
        fallback = siteDefault(site, m_document->resolved().sites[static_cast<std::size_t>(m_site)], path, m_catalog);
        if (m_scope == FieldPath::Scope::Facility)
            applies = facilityFieldApplies(site.facility, row.info.key);
    }
    const bool showsDefault = !value.isValid() && fallback.isValid();

    if (auto *monthEdit = qobject_cast<MonthEdit *>(row.editor))
        monthEdit->setEmptyStart(written.startMonth);
    // A range half made stays as the user left it (commit()).
    const auto *range = qobject_cast<ThreePointEdit *>(row.editor);
    if (!range || !range->markedBox()) {
        m_updating = true;
        setFieldEditorValue(row.editor, row.info, showsDefault ? fallback.value : value);
        m_updating = false;
    }
    QFont font = row.editor->font();
    font.setItalic(showsDefault);
    row.editor->setFont(font);
    row.editor->setToolTip(fieldToolTip(row.info, fallback, showsDefault, m_catalog));
    row.reset->setVisible(row.info.optional && value.isValid() && !m_document->isReadOnly());
    refreshSuggestion(row);
    row.label->setVisible(applies);
    row.cell->setVisible(applies);
    if (!applies) {
        row.reset->setVisible(false);
        row.message->clearMessage();
    }
}

void FieldForm::refreshSuggestion(Row &row)
{
    if (!row.suggest)
        return;
    const CatalogRent rent = catalogRent(m_document->scenario(), m_catalog);
    const bool offer = rent.range && !readField(m_document->scenario(), pathOf(row)).isValid() && !m_document->isReadOnly();
    row.suggest->setVisible(offer);
    if (!offer)
        return;
    row.suggest->setText(tr("Use catalog rent: $%1/h").arg(QString::number(rent.range->mode, 'f', 2)));
    row.suggest->setToolTip(tr("The catalog's market rent for %1, the plan's most numerous accelerator: $%2 likely, "
                               "$%3 to $%4 per accelerator-hour (%5). Sets the value of compute; Undo takes it back.")
                                .arg(rent.acceleratorName, QString::number(rent.range->mode, 'f', 2),
                                     QString::number(rent.range->low, 'f', 2), QString::number(rent.range->high, 'f', 2),
                                     rent.source));
}

QToolButton *FieldForm::suggestion(const QString &key) const
{
    for (const Row &row : m_rows)
        if (row.info.key == key)
            return row.suggest;
    return nullptr;
}

void FieldForm::refreshAll()
{
    for (Row &row : m_rows)
        refresh(row);
}

void FieldForm::onChanged(const ScenarioChange &change)
{
    using Kind = ScenarioChange::Kind;
    if (change.kind == Kind::FieldChanged) {
        const FieldPath::Scope scope = change.path.scope;
        const bool siteForm = m_scope == FieldPath::Scope::Site || m_scope == FieldPath::Scope::Facility;
        const bool sameSite
            = (scope == FieldPath::Scope::Site || scope == FieldPath::Scope::Facility) && change.path.site == m_site;
        if ((siteForm && sameSite)
            || (!siteForm && (scope == FieldPath::Scope::Scenario || scope == FieldPath::Scope::Assumptions)))
            refreshAll();
    } else if (change.kind == Kind::SiteRemoved || change.kind == Kind::SiteInserted
               || change.kind == Kind::SiteMoved) {
        refreshAll(); // the owner points the form at its site again; until then it shows what is there
    }
}

} // namespace cp::views
