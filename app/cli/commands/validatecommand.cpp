#include "clioutput.h"
#include "commands/commands.h"

#include "catalog/catalog.h"
#include "format/units.h"
#include "io/scenariojson.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

QString plural(qsizetype n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

// "memphis.json: valid: "Memphis retrofit, 100k H100", 1 site, 2 compute tranches (100,000
// accelerators), 4 power sources, 1 cooling plant, 2024-01 to 2028-12 (60 months)"
QString summary(const QString &file, const Scenario &s)
{
    qsizetype tranches = 0, sources = 0, plants = 0;
    double accelerators = 0;
    for (const Site &site : s.sites) {
        tranches += static_cast<qsizetype>(site.compute.size());
        sources += static_cast<qsizetype>(site.power.size());
        plants += static_cast<qsizetype>(site.cooling.size());
        for (const ComputeTranche &t : site.compute)
            accelerators += t.count;
    }
    return file + QStringLiteral(": valid: \"") + s.name + QStringLiteral("\", ")
        + plural(static_cast<qsizetype>(s.sites.size()), "site", "sites") + QStringLiteral(", ")
        + plural(tranches, "compute tranche", "compute tranches") + QStringLiteral(" (") + format::count(accelerators)
        + QStringLiteral(" accelerators), ") + plural(sources, "power source", "power sources") + QStringLiteral(", ")
        + plural(plants, "cooling plant", "cooling plants") + QStringLiteral(", ") + s.startMonth.toIso()
        + QStringLiteral(" to ") + s.startMonth.plusMonths(s.horizonMonths - 1).toIso() + QStringLiteral(" (")
        + plural(s.horizonMonths, "month", "months") + QLatin1Char(')');
}

class ValidateCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override
    {
        return QStringLiteral("Check a scenario JSON file against the format and report every problem");
    }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("file"),
                                     QStringLiteral("The scenario to check. Prints one summary line when it is valid "
                                                    "(exit 0), or every problem as FILE: path: message (exit 3)."),
                                     QStringLiteral("FILE.json"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 1) {
            io.err << "clusterplan-cli validate: give exactly one FILE.json, got " << files.size() << " (see --help)\n";
            return ExitUsage;
        }
        const QString file = files.first();
        const io::ParseResult parsed = io::readScenarioFile(file, Catalog::builtIn());
        if (!parsed.ok()) {
            for (const Problem &problem : parsed.problems)
                io.err << terminalSafe(problem.toString()) << '\n';
            return parsed.unreadable ? ExitFailure : ExitInvalidInput;
        }
        io.out << cp::cli::summary(file, *parsed.scenario) << '\n';
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeValidateCommand()
{
    return std::make_unique<ValidateCommand>();
}

} // namespace cp::cli
