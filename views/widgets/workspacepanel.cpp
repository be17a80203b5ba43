#include "widgets/workspacepanel.h"

#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "editors/inlinemessage.h"
#include "itemmodels/workspacelistmodel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp::views {

WorkspacePanel::WorkspacePanel(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new WorkspaceListModel(this))
    , m_file(new QLabel(this))
    , m_view(new QListView(this))
    , m_new(new QPushButton(tr("New"), this))
    , m_duplicate(new QPushButton(tr("Duplicate"), this))
    , m_rename(new QPushButton(tr("Rename"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_message(new InlineMessage(this))
{
    setObjectName(QStringLiteral("WorkspacePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);
    m_file->setForegroundRole(QPalette::PlaceholderText);
    m_file->setTextFormat(Qt::PlainText);
    m_file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_file);

    m_view->setObjectName(QStringLiteral("scenarioList"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long names elide; the tooltip has them whole
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSpacing(1);
    m_view->setAccessibleName(tr("Scenarios"));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    auto *buttons = new QGridLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_new, 0, 0);
    buttons->addWidget(m_duplicate, 0, 1);
    buttons->addWidget(m_rename, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    layout->addLayout(buttons);
    m_new->setToolTip(tr("A new scenario with one site, starting this month"));
    m_duplicate->setToolTip(tr("A copy of the selected scenario, to try a variant"));
    m_rename->setToolTip(tr("Rename the selected scenario (F2)"));
    m_delete->setToolTip(tr("Delete the selected scenario from the workspace"));

    connect(m_new, &QPushButton::clicked, this, &WorkspacePanel::newScenario);
    connect(m_duplicate, &QPushButton::clicked, this, &WorkspacePanel::duplicateScenario);
    connect(m_rename, &QPushButton::clicked, this, &WorkspacePanel::renameScenario);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteScenario(); });
    connect(m_model, &WorkspaceListModel::editRefused, this,
            [this](const QModelIndex &, const QString &reason) { showError(reason); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &WorkspacePanel::currentChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorkspacePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        // The scenario shown went away (deleted here or elsewhere): show its neighbour.
        if (!m_session.currentDocument() && m_view->currentIndex().isValid())
            currentChanged();
        updateButtons();
    });
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &WorkspacePanel::workspaceChanged);
    workspaceChanged();
}

void WorkspacePanel::workspaceChanged()
{
    Workspace *workspace = m_session.workspace();
    m_model->setWorkspace(workspace);
    m_message->clearMessage();
    if (workspace) {
        m_file->setText(QFileInfo(workspace->path()).fileName());
        m_file->setToolTip(workspace->path());
    } else {
        m_file->clear();
    }
    updateButtons();
}

std::optional<ScenarioId> WorkspacePanel::currentScenario() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->idAt(current.row());
}

void WorkspacePanel::selectScenario(ScenarioId id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
}

QString WorkspacePanel::message() const
{
    return m_message->text();
}

void WorkspacePanel::currentChanged()
{
    m_message->clearMessage();
    QString error;
    if (!m_session.setCurrentScenario(currentScenario(), &error))
        showError(error);
    updateButtons();
}

void WorkspacePanel::updateButtons()
{
    const bool writable = m_session.workspace() && !m_session.workspace()->isReadOnly();
    const bool selected = m_view->currentIndex().isValid();
    m_new->setEnabled(writable);
    m_duplicate->setEnabled(writable && selected);
    m_rename->setEnabled(writable && selected);
    m_delete->setEnabled(writable && selected);
}

void WorkspacePanel::showError(const QString &message)
{
    m_message->showMessage(message);
}

void WorkspacePanel::newScenario()
{
    QString error;
    const auto id = m_session.createScenario(tr("New scenario"), &error);
    if (!id) {
        showError(error);
        return;
    }
    selectScenario(*id);
    m_view->edit(m_view->currentIndex()); // name it right away
}

void WorkspacePanel::duplicateScenario()
{
    const auto id = currentScenario();
    if (!id)
        return;
    QString error;
    const auto copy = m_session.duplicateScenario(*id, &error);
    if (!copy) {
        showError(error);
        return;
    }
    const auto info = m_session.workspace()->scenario(*copy);
    emit notice(tr("Duplicated as “%1”, below it in the list; you are still editing “%2” with its undo "
                   "history.")
                    .arg(info ? info->name : QString(), m_session.currentDocument() ? m_session.currentDocument()->scenario().name : QString()));
}

void WorkspacePanel::renameScenario()
{
    if (m_view->currentIndex().isValid()) {
        m_view->setFocus();
        m_view->edit(m_view->currentIndex());
    }
}

void WorkspacePanel::deleteScenario(bool confirmed)
{
    const auto id = currentScenario();
    if (!id)
        return;
    const QString name = m_view->currentIndex().data().toString();
    if (!confirmed) {
        QMessageBox box(QMessageBox::Warning, tr("Delete scenario"),
                        tr("Delete \u201c%1\u201d from the workspace?").arg(name), QMessageBox::NoButton, this);
        box.setInformativeText(tr("This cannot be undone. Export it to a JSON file first if you may want it back."));
        QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != remove)
            return;
    }
    QString error;
    if (!m_session.removeScenario(*id, &error))
        showError(error);
}

} // namespace cp::views
