#include "team/teamworkspacedialog.h"

#include "storage/serveradmin.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp::views {

TeamWorkspaceDialog::TeamWorkspaceDialog(QWidget *parent)
    : QDialog(parent)
    , m_uri(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Team Workspace"));
    m_uri->setObjectName(QStringLiteral("uriEdit"));
    m_uri->setPlaceholderText(QStringLiteral("postgresql://alice@plans.example:5432/capex"));
    m_uri->setMinimumWidth(420);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: from ~/.pgpass or PGPASSWORD"));
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("Server &URI:"), m_uri);
    form->addRow(tr("&Password:"), m_password);
    auto *hint = new QLabel(tr("The password is used for this connection only and never saved. A socket folder goes "
                               "in ?host=/path; sslmode and other libpq settings are passed through."),
                            this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);

    connect(m_uri, &QLineEdit::textChanged, this, &TeamWorkspaceDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QString TeamWorkspaceDialog::uri() const
{
    return m_uri->text().trimmed();
}

void TeamWorkspaceDialog::setUri(const QString &uri)
{
    m_uri->setText(uri);
}

QString TeamWorkspaceDialog::password() const
{
    return m_password->text();
}

QString TeamWorkspaceDialog::problem() const
{
    return uri().isEmpty() ? tr("Type the workspace's URI.") : serverUriProblem(uri());
}

void TeamWorkspaceDialog::check()
{
    const QString why = problem();
    // The reason reads as a clause after "Could not open ...:" elsewhere; here it stands alone.
    QString sentence = why;
    if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
    m_problem->setText(uri().isEmpty() ? QString() : sentence);
    m_problem->setVisible(!uri().isEmpty() && !why.isEmpty());
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(why.isEmpty());
    // A wrapped message needs rows the open dialog did not have: grow to show all of it (a
    // word-wrapped label does not raise the window's minimum height by itself).
    if (isVisible()) {
        layout()->activate();
        const int neededPx = layout()->totalHeightForWidth(width());
        if (neededPx > height())
            resize(width(), neededPx);
    }
}

} // namespace cp::views
