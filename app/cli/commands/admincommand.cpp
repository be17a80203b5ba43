// admin setup: makes a server workspace ready for a team (its tables, and its editor and viewer
// roles with their grants). The SQL is models/storage's (setUpServerWorkspace).
#include "clioutput.h"
#include "commands/commands.h"

#include "storage/serveradmin.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

const QString kWorkspaceOption = QStringLiteral("workspace");
const QString kEditorOption = QStringLiteral("editor");
const QString kViewerOption = QStringLiteral("viewer");

class AdminCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("admin"); }
    QString summary() const override
    {
        return QStringLiteral("Set up a workspace on a PostgreSQL server and its editor and viewer roles");
    }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("'setup': create or upgrade the "
                                                                             "workspace's tables and grant the roles."),
                                     QStringLiteral("setup"));
        parser.addOption({kWorkspaceOption,
                          QStringLiteral("The server workspace (a libpq URI, logged in as the database's owner)."),
                          QStringLiteral("postgresql://...")});
        parser.addOption({kEditorOption, QStringLiteral("A role that may read and change scenarios (repeat for more; "
                                                        "created without a password when missing)."),
                          QStringLiteral("ROLE")});
        parser.addOption({kViewerOption, QStringLiteral("A role that may only read; the server refuses its writes "
                                                        "(repeat for more; created without a password when missing)."),
                          QStringLiteral("ROLE")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const QStringList arguments = parser.positionalArguments();
        if (arguments != QStringList{QStringLiteral("setup")}) {
            io.err << "clusterplan-cli admin: the action is 'setup': clusterplan-cli admin setup --workspace "
                      "postgresql://... [--editor ROLE]... [--viewer ROLE]... (see --help)\n";
            return ExitUsage;
        }
        const QString uri = parser.value(kWorkspaceOption);
        if (!requireArgument(uri, QStringLiteral("--workspace postgresql://..."), io))
            return ExitUsage;
        ServerRoles roles{parser.values(kEditorOption), parser.values(kViewerOption)};
        const WorkspaceError error = setUpServerWorkspace(uri, roles);
        if (error.isError()) {
            io.err << terminalSafe(error.message) << '\n';
            return error.kind == WorkspaceError::Kind::InvalidName ? ExitUsage : ExitFailure;
        }
        io.out << "Workspace " << uri << " is set up.\n";
        if (!roles.editors.isEmpty())
            io.out << "Editors (read and change): " << terminalSafe(roles.editors.join(QStringLiteral(", "))) << '\n';
        if (!roles.viewers.isEmpty())
            io.out << "Viewers (read only): " << terminalSafe(roles.viewers.join(QStringLiteral(", "))) << '\n';
        if (!roles.editors.isEmpty() || !roles.viewers.isEmpty())
            io.out << "ClusterPlan stores no passwords: a role it created has none; give it one in psql "
                      "(\\password ROLE) or let the server log it in by certificate or peer.\n";
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeAdminCommand()
{
    return std::make_unique<AdminCommand>();
}

} // namespace cp::cli
