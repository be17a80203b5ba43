// push and pull: scenarios between a .clusterplan file and a workspace on a PostgreSQL server,
// copied as stored (the same document bytes and name), so a round trip gives identical scenarios.
#include "clioutput.h"
#include "commands/commands.h"

#include "storage/serveradmin.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <vector>

namespace cp::cli {

namespace {

const QString kScenarioOption = QStringLiteral("scenario");
const QString kReplaceOption = QStringLiteral("replace");

struct Copied {
    QString name;
    QByteArray document;
};

class TransferCommand final : public CliCommand
{
public:
    explicit TransferCommand(bool push)
        : m_push(push)
    {
    }
    QString name() const override { return m_push ? QStringLiteral("push") : QStringLiteral("pull"); }
    QString summary() const override
    {
        return m_push ? QStringLiteral("Copy scenarios from a .clusterplan file to a workspace on a PostgreSQL server")
                      : QStringLiteral("Copy scenarios from a workspace on a PostgreSQL server to a .clusterplan file");
    }
    void configure(QCommandLineParser &parser) const override
    {
        if (m_push) {
            parser.addPositionalArgument(QStringLiteral("from"), QStringLiteral("The workspace file to copy from."),
                                         QStringLiteral("FILE.clusterplan"));
            parser.addPositionalArgument(QStringLiteral("to"),
                                         QStringLiteral("The server workspace to copy to (a libpq URI; created when "
                                                        "the database is empty)."),
                                         QStringLiteral("postgresql://..."));
        } else {
            parser.addPositionalArgument(QStringLiteral("from"), QStringLiteral("The server workspace to copy from."),
                                         QStringLiteral("postgresql://..."));
            parser.addPositionalArgument(QStringLiteral("to"), QStringLiteral("The workspace file to copy to (created when missing)."),
                                         QStringLiteral("FILE.clusterplan"));
        }
        parser.addOption({kScenarioOption, QStringLiteral("Copy only this scenario (repeat for more; default: all)."),
                          QStringLiteral("NAME")});
        parser.addOption({kReplaceOption, QStringLiteral("Overwrite scenarios of the same name in the target.")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const QString command = QStringLiteral("clusterplan-cli ") + name();
        const QStringList arguments = parser.positionalArguments();
        const QString usage = m_push ? QStringLiteral("FILE.clusterplan postgresql://...")
                                     : QStringLiteral("postgresql://... FILE.clusterplan");
        if (arguments.size() != 2) {
            io.err << command << ": give the source and the target: " << command << ' ' << usage << " (see --help)\n";
            return ExitUsage;
        }
        const QString &from = arguments[0];
        const QString &to = arguments[1];
        if (isServerWorkspace(from) == m_push || isServerWorkspace(to) != m_push) {
            io.err << command << ": " << name() << " copies from " << (m_push ? "a file to a server" : "a server to a file")
                   << ": " << command << ' ' << usage << (m_push ? "; the other way is 'pull'" : "; the other way is 'push'")
                   << '\n';
            return ExitUsage;
        }

        // Everything is read and checked before the target is touched: nothing half-copied for a
        // missing or damaged scenario.
        Workspace::OpenResult source = Workspace::open(from, Workspace::OpenMode::ReadOnly);
        if (!source.workspace) {
            io.err << source.error.message << '\n';
            return ExitFailure;
        }
        std::vector<ScenarioId> ids;
        if (parser.isSet(kScenarioOption)) {
            for (const QString &wanted : parser.values(kScenarioOption)) {
                const auto id = source.workspace->findScenario(wanted);
                if (!id) {
                    io.err << terminalSafe(source.workspace->lastError().message) << '\n'
                           << command << ": nothing was copied\n";
                    return ExitFailure;
                }
                ids.push_back(*id);
            }
        } else {
            const auto all = source.workspace->scenarios();
            if (source.workspace->lastError().isError()) {
                io.err << source.workspace->lastError().message << '\n';
                return ExitFailure;
            }
            for (const ScenarioInfo &info : all)
                ids.push_back(info.id);
        }
        std::vector<Copied> copies;
        for (const ScenarioId id : ids) {
            const auto info = source.workspace->scenario(id);
            const auto document = source.workspace->loadDocument(id);
            if (!info || !document) {
                io.err << terminalSafe(source.workspace->lastError().message) << '\n'
                       << command << ": nothing was copied\n";
                return ExitFailure;
            }
            copies.push_back({info->name, *document});
        }
        source.workspace.reset();

        Workspace::OpenResult target = Workspace::open(to, Workspace::OpenMode::ReadWrite);
        if (!target.workspace) {
            io.err << target.error.message << '\n';
            return ExitFailure;
        }
        Workspace &workspace = *target.workspace;
        std::vector<std::optional<ScenarioId>> existing;
        QStringList taken;
        for (const Copied &copy : copies) {
            existing.push_back(workspace.findScenario(copy.name));
            if (existing.back())
                taken << QLatin1Char('\'') + terminalSafe(copy.name) + QLatin1Char('\'');
        }
        if (!taken.isEmpty() && !parser.isSet(kReplaceOption)) {
            io.err << command << ": workspace '" << workspace.path() << "' already has " << taken.join(QStringLiteral(", "))
                   << ". Add --replace to overwrite them, or copy others with --scenario; nothing was copied.\n";
            return ExitFailure;
        }
        qsizetype done = 0;
        for (size_t i = 0; i < copies.size(); ++i) {
            // A replacement is deliberate: this workspace never loaded the scenario, so no
            // revision is checked (as with import --replace).
            const bool ok = existing[i] ? workspace.saveDocument(*existing[i], copies[i].document)
                                        : workspace.createScenario(copies[i].name, copies[i].document).has_value();
            if (!ok) {
                io.err << terminalSafe(workspace.lastError().message) << '\n'
                       << command << ": " << done << " of " << copies.size()
                       << " scenarios were copied before this one; each copied scenario is whole\n";
                return ExitFailure;
            }
            io.out << (existing[i] ? "Replaced '" : "Copied '") << terminalSafe(copies[i].name) << "'\n";
            ++done;
        }
        io.out << (m_push ? "Pushed " : "Pulled ") << done << (done == 1 ? " scenario" : " scenarios") << " from "
               << from << " to " << workspace.path() << '\n';
        return ExitOk;
    }

private:
    bool m_push;
};

} // namespace

std::unique_ptr<CliCommand> makePushCommand()
{
    return std::make_unique<TransferCommand>(true);
}

std::unique_ptr<CliCommand> makePullCommand()
{
    return std::make_unique<TransferCommand>(false);
}

} // namespace cp::cli
