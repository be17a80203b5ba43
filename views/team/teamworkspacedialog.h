#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cp::views {

// File > Open Team Workspace: the server workspace's libpq URI, checked as it is typed by the
// same parser every open and the CLI use (cp::serverUriProblem), and a password. The password
// lives in this dialog's field only until the window hands it to the connection; it is never
// stored or put in the recent list. Left empty, libpq finds one itself (~/.pgpass, PGPASSWORD).
class TeamWorkspaceDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TeamWorkspaceDialog(QWidget *parent = nullptr);

    [[nodiscard]] QString uri() const;
    void setUri(const QString &uri);
    [[nodiscard]] QString password() const;
    // Why the typed URI cannot be opened; empty when it can (then OK is enabled).
    [[nodiscard]] QString problem() const;

private:
    void check();

    QLineEdit *m_uri;
    QLineEdit *m_password;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace cp::views
