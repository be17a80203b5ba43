// audit: lists a server workspace's audit trail (who changed which scenario, when, and which
// fields), as the database's trigger wrote it (models/storage, Workspace::auditTrail).
#include "clioutput.h"
#include "commands/commands.h"

#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

const QString kWorkspaceOption = QStringLiteral("workspace");
const QString kScenarioOption = QStringLiteral("scenario");

// What a change did, as a planner says it.
QString actionText(const AuditEntry &entry)
{
    if (entry.action == QLatin1String("insert"))
        return QStringLiteral("created");
    if (entry.action == QLatin1String("update"))
        return QStringLiteral("saved");
    if (entry.action == QLatin1String("rename"))
        return QStringLiteral("renamed");
    if (entry.action == QLatin1String("delete"))
        return QStringLiteral("deleted");
    return entry.action;
}

class AuditCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override
    {
        return QStringLiteral("List who changed which scenario of a server workspace, when, and which fields");
    }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addOption({kWorkspaceOption, QStringLiteral("The server workspace (a libpq URI)."),
                          QStringLiteral("postgresql://...")});
        parser.addOption({kScenarioOption,
                          QStringLiteral("Only the scenario that had this name (also after a rename or delete)."),
                          QStringLiteral("NAME")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        if (!parser.positionalArguments().isEmpty()) {
            io.err << "clusterplan-cli audit: unexpected argument '" << terminalSafe(parser.positionalArguments().constFirst())
                   << "' (see --help)\n";
            return ExitUsage;
        }
        const QString uri = parser.value(kWorkspaceOption);
        if (!requireArgument(uri, QStringLiteral("--workspace postgresql://..."), io))
            return ExitUsage;
        Workspace::OpenResult opened = Workspace::open(uri, Workspace::OpenMode::ReadOnly);
        if (!opened.workspace) {
            io.err << terminalSafe(opened.error.message) << '\n';
            return ExitFailure;
        }
        const QString scenario = parser.value(kScenarioOption);
        const auto entries = opened.workspace->auditTrail(scenario);
        if (!entries) {
            io.err << terminalSafe(opened.workspace->lastError().message) << '\n';
            return ExitFailure;
        }
        if (entries->empty() && !scenario.isEmpty()) {
            io.err << "clusterplan-cli audit: no scenario named '" << terminalSafe(scenario) << "' in the audit trail of "
                   << terminalSafe(opened.workspace->path()) << '\n';
            return ExitFailure;
        }
        // One change a line: when (UTC), who, what, which scenario and revision, which fields.
        for (const AuditEntry &entry : *entries) {
            io.out << entry.changedUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << " UTC  "
                   << terminalSafe(entry.changedBy) << "  " << actionText(entry) << " '" << terminalSafe(entry.scenarioName)
                   << "' (revision " << entry.revision << ")";
            if (!entry.changedFields.isEmpty())
                io.out << ": " << terminalSafe(entry.changedFields.join(QStringLiteral(", ")));
            io.out << '\n';
        }
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeAuditCommand()
{
    return std::make_unique<AuditCommand>();
}

} // namespace cp::cli
