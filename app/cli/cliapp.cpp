#include "cliapp.h"

#include "clioutput.h"
#include "clusterplan/version.h"
#include "commands/commands.h"
#include "renderbackend.h"
#include "renderexec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>

namespace cp::cli {

namespace {

const QString kProgram = QStringLiteral("clusterplan-cli");

QString generalUsage(const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    QString text;
    QTextStream s(&text);
    s << "Usage: " << kProgram << " <command> [options]\n"
      << "       " << kProgram << " --version | --help\n\n"
      << "ClusterPlan's command line: validate, solve, compare and report on AI cluster plans.\n\n"
      << "Commands:\n";
    for (const auto &command : commands)
        s << "  " << command->name().leftJustified(10) << command->summary() << '\n';
    s << "\nRun '" << kProgram << " <command> --help' for the options of one command.\n"
      << "Exit codes: 0 success, 1 I/O or runtime failure, 2 usage, 3 invalid input.\n";
    return text;
}

// QCommandLineParser prints "Usage: <program> [options]"; name the subcommand as well.
QString commandHelp(const QCommandLineParser &parser, const CliCommand &command)
{
    QString help = parser.helpText();
    const qsizetype firstBreak = help.indexOf(QLatin1Char('\n'));
    QString usageLine = help.left(firstBreak);
    const qsizetype optionsAt = usageLine.indexOf(QStringLiteral("[options]"));
    usageLine = QStringLiteral("Usage: ") + kProgram + QLatin1Char(' ') + command.name() + QLatin1Char(' ')
                + (optionsAt >= 0 ? usageLine.mid(optionsAt) : QStringLiteral("[options]"));
    return usageLine + help.mid(firstBreak);
}

bool isAnyOf(const QString &arg, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        if (arg == QLatin1String(name))
            return true;
    return false;
}

} // namespace

int runCli(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);

    const auto commands = allCommands();

    if (arguments.size() < 2) {
        err << kProgram << ": no command given\n\n" << generalUsage(commands);
        return ExitUsage;
    }
    const QString first = arguments.at(1);
    if (isAnyOf(first, {"--version", "-v", "version"})) {
        out << kVersionLine << '\n';
        return ExitOk;
    }
    if (isAnyOf(first, {"--help", "-h", "help"})) {
        out << generalUsage(commands);
        return ExitOk;
    }

    const CliCommand *command = nullptr;
    for (const auto &candidate : commands)
        if (candidate->name() == first)
            command = candidate.get();
    if (!command) {
        err << kProgram << ": unknown " << (first.startsWith(QLatin1Char('-')) ? "option" : "command")
            << " '" << first << "'\n\n"
            << generalUsage(commands);
        return ExitUsage;
    }

    const QStringList commandArguments = QStringList{kProgram} + arguments.mid(2);
    std::unique_ptr<QCoreApplication> app;
    if (command->needsGui(commandArguments)) {
        // clusterplan-cli links no Qt Gui (it starts in a few milliseconds); the helper that
        // draws is this same command line with a render backend (renderbackend.h).
        const RenderBackend *backend = renderBackend();
        if (!backend) {
            execRenderProgram(argv);
            return ExitFailure; // only when the helper could not be started; it said why
        }
        // Reports draw charts (widgets) but never show a window: render offscreen unless the
        // caller chose a platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session (cron, CI, ssh) Qt picks /tmp/runtime-<user> itself but says so on
        // stderr; make that private folder here so scripts see only our own messages.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtimeDir = "/tmp/runtime-" + QByteArray::number(::getuid());
            if (::mkdir(runtimeDir.constData(), 0700) == 0 || errno == EEXIST)
                qputenv("XDG_RUNTIME_DIR", runtimeDir);
        }
        app = backend->makeApplication(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QString::fromLatin1(kAppName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganization));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(kOrganizationDomain));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    const QCommandLineOption helpOption = parser.addHelpOption();
    command->configure(parser);

    if (!parser.parse(commandArguments)) {
        err << kProgram << ' ' << command->name() << ": " << parser.errorText() << "\n\n"
            << commandHelp(parser, *command);
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        out << commandHelp(parser, *command);
        return ExitOk;
    }

    CliStreams io{out, err};
    const int code = command->run(parser, io);
    // A lost output is a failure: every write and the final flush are checked (with stdout on a
    // full disk, 'list' and 'validate' used to exit 0 having printed nothing).
    if (!finishStandardOutput(io, code == ExitOk) && code == ExitOk)
        return ExitFailure;
    err.flush();
    return code;
}

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(makeValidateCommand());
    commands.push_back(makeImportCommand());
    commands.push_back(makeListCommand());
    commands.push_back(makeExportCommand());
    commands.push_back(makeSolveCommand());
    commands.push_back(makeCompareCommand());
    commands.push_back(makeReportCommand());
    commands.push_back(makeRiskCommand());
    commands.push_back(makeOptimizeCommand());
    commands.push_back(makePushCommand());
    commands.push_back(makePullCommand());
    commands.push_back(makeAdminCommand());
    commands.push_back(makeAuditCommand());
    return commands;
}

} // namespace cp::cli
