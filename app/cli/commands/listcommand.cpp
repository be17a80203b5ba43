#include "clioutput.h"
#include "commands/commands.h"

#include "catalog/catalog.h"
#include "storage/storedscenario.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <optional>

namespace cp::cli {

namespace {

const QString kWorkspaceOption = QStringLiteral("workspace");
const QString kJsonOption = QStringLiteral("json");

struct Row {
    ScenarioInfo info;
    std::optional<qsizetype> sites; // nullopt: the stored document could not be read
};

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate); // "2025-03-01T09:30:00Z"
}

class ListCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("List the scenarios of a workspace"); }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addOption({kWorkspaceOption, QStringLiteral("The workspace to list."), QStringLiteral("W.clusterplan")});
        parser.addOption({kJsonOption, QStringLiteral("Print JSON: {\"workspace\": ..., \"scenarios\": [{\"id\", "
                                                      "\"name\", \"sites\", \"created\", \"modified\"}]}; a damaged scenario also has \"damaged\": "
                                                      "true and \"sites\": null.")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        if (!parser.positionalArguments().isEmpty()) {
            io.err << "clusterplan-cli list: unexpected argument '" << parser.positionalArguments().constFirst()
                   << "' (see --help)\n";
            return ExitUsage;
        }
        const QString workspacePath = parser.value(kWorkspaceOption);
        if (!requireArgument(workspacePath, QStringLiteral("--workspace W.clusterplan"), io))
            return ExitUsage;

        // Listing never writes: no lock, so it works while the application has the workspace open.
        Workspace::OpenResult opened = Workspace::open(workspacePath, Workspace::OpenMode::ReadOnly);
        if (!opened.workspace) {
            io.err << opened.error.message << '\n';
            return ExitFailure;
        }
        const Workspace &workspace = *opened.workspace;
        const std::vector<ScenarioInfo> scenarios = workspace.scenarios();
        if (workspace.lastError().isError()) {
            io.err << workspace.lastError().message << '\n';
            return ExitFailure;
        }

        bool allRead = true;
        std::vector<Row> rows;
        for (const ScenarioInfo &info : scenarios) {
            Row row{info, std::nullopt};
            // A damaged row is refused by the read too, which says why (the listed name itself
            // may be the damage).
            const StoredScenario stored = loadStoredScenario(workspace, info.id, Catalog::builtIn());
            if (!stored.read()) {
                io.err << terminalSafe(stored.error.message) << '\n';
                row.info.damaged = row.info.damaged || stored.error.kind == WorkspaceError::Kind::Damaged;
            } else {
                if (stored.ok())
                    row.sites = static_cast<qsizetype>(stored.scenario->sites.size());
                for (const Problem &problem : stored.problems)
                    io.err << terminalSafe(problem.toString()) << '\n';
            }
            allRead = allRead && row.sites.has_value();
            rows.push_back(row);
        }

        if (parser.isSet(kJsonOption))
            printJson(workspace, rows, io);
        else
            printTable(rows, io);
        return allRead ? ExitOk : ExitFailure;
    }

private:
    // One scenario per line: name, sites, modified (UTC), in columns.
    static void printTable(const std::vector<Row> &rows, CliStreams &io)
    {
        qsizetype nameWidth = 0;
        for (const Row &row : rows)
            nameWidth = std::max(nameWidth, terminalSafe(row.info.name).size());
        for (const Row &row : rows) {
            const QString sites = row.info.damaged ? QStringLiteral("damaged")
                : !row.sites                       ? QStringLiteral("? sites")
                : *row.sites == 1            ? QStringLiteral("1 site")
                                             : QStringLiteral("%1 sites").arg(*row.sites);
            io.out << terminalSafe(row.info.name).leftJustified(nameWidth) << "  " << sites.rightJustified(8) << "  "
                   << utcText(row.info.modifiedUtc) << '\n';
        }
    }

    // Keys in the documented order (ordered_json keeps insertion order).
    static void printJson(const Workspace &workspace, const std::vector<Row> &rows, CliStreams &io)
    {
        using Json = nlohmann::ordered_json;
        Json list = Json::array();
        for (const Row &row : rows) {
            Json entry;
            entry["id"] = row.info.id;
            entry["name"] = row.info.name.toStdString();
            entry["sites"] = row.sites ? Json(*row.sites) : Json(nullptr);
            entry["created"] = utcText(row.info.createdUtc).toStdString();
            entry["modified"] = utcText(row.info.modifiedUtc).toStdString();
            if (row.info.damaged)
                entry["damaged"] = true; // only on damaged rows: its name or plan failed its checksum
            list.push_back(std::move(entry));
        }
        Json root;
        root["workspace"] = workspace.path().toStdString();
        root["scenarios"] = std::move(list);
        io.out << QString::fromStdString(root.dump(2)) << '\n';
    }
};

} // namespace

std::unique_ptr<CliCommand> makeListCommand()
{
    return std::make_unique<ListCommand>();
}

} // namespace cp::cli
