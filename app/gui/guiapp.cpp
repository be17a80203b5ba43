#include "guiapp.h"

#include "clusterplan/version.h"
#include "common/apptheme.h"
#include "common/wheelguard.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace cp::gui {

namespace {

struct GuiOptions {
    QString workspacePath; // empty: the default workspace
};

struct ParserOptions {
    QCommandLineOption help;
    QCommandLineOption version;
};

ParserOptions describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("ClusterPlan plans AI GPU clusters: when accelerators can be powered and cooled, "
                       "what it costs and when the money goes out."));
    ParserOptions options{parser.addHelpOption(), parser.addVersionOption()};
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("Workspace file (.clusterplan) to open; the default workspace when omitted."),
                                 QStringLiteral("[workspace]"));
    return options;
}

// QCommandLineParser names the program from QCoreApplication, which does not exist yet.
QString helpText(const QCommandLineParser &parser)
{
    QString help = parser.helpText();
    const qsizetype optionsAt = help.indexOf(QStringLiteral("[options]"));
    return QStringLiteral("Usage: clusterplan ") + help.mid(optionsAt);
}

} // namespace

int runGui(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Answer --version and --help before QApplication exists, so they work on a machine
    // without a display (CI, ssh).
    {
        QCommandLineParser parser;
        const ParserOptions options = describe(parser);
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (!parser.parse(arguments)) {
            err << "clusterplan: " << parser.errorText() << "\n\n" << helpText(parser);
            return 2;
        }
        if (parser.isSet(options.version)) {
            out << kVersionLine << '\n';
            return 0;
        }
        if (parser.isSet(options.help)) {
            out << helpText(parser);
            return 0;
        }
    }

    QApplication::setApplicationName(QString::fromLatin1(kAppName));
    QApplication::setApplicationDisplayName(QString::fromLatin1(kAppName));
    QApplication::setOrganizationName(QString::fromLatin1(kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(kOrganizationDomain));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setDesktopFileName(QStringLiteral("clusterplan"));
    QApplication app(argc, argv);
    views::applyAppTheme(app);
    views::WheelGuard::install(app);

    QCommandLineParser parser;
    describe(parser);
    parser.process(app);
    GuiOptions options;
    if (!parser.positionalArguments().isEmpty())
        options.workspacePath = parser.positionalArguments().constFirst();

    MainWindow window;
    if (options.workspacePath.isEmpty())
        window.openStartupWorkspace();
    else
        window.openWorkspace(options.workspacePath);
    window.show();
    return QApplication::exec();
}

} // namespace cp::gui
