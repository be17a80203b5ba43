// Renders the main window to PNG for looking at it (not a test): a workspace, a scenario, a
// window size and, optionally, the tab to show and how far to scroll the Plan page.
//
//   build/tests/bin/guiscreenshot --size 1366x768 --scenario "Memphis retrofit, 100k H100"
//       --out plan.png [--workspace W] [--tab 0] [--scroll 400] [--reference SEARCH] [--new]
//       [--sideways] [--show site|country|region] [--optimize YYYY-MM|open [--confidence P] [--grab-after MS]] [--hold MS]  (keeps the window up MS milliseconds, e.g. for `import -window root`)
// (under xvfb-run, or with QT_QPA_PLATFORM=offscreen)

#include "common/apptheme.h"
#include "domain/month.h"
#include "editors/monthedit.h"
#include "optimize/optimizedialog.h"

#include <QDoubleSpinBox>
#include "document/workspacesession.h"
#include "mainwindow.h"
#include "catalog/catalog.h"
#include "widgets/itemtablepanel.h"
#include "widgets/referencedatawindow.h"
#include "widgets/scenarioeditor.h"
#include "widgets/workspacepanel.h"
#include "charts/scenariochartspanel.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClusterPlanScreenshots"));
    QApplication::setApplicationName(QStringLiteral("guiscreenshot"));
    cp::views::applyAppTheme(app);

    QCommandLineParser parser;
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size."), QStringLiteral("WxH"),
                                  QStringLiteral("1366x768"));
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Workspace file."),
                                       QStringLiteral("W"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("Scenario to show."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Tab index."), QStringLiteral("N"),
                                 QStringLiteral("0"));
    const QCommandLineOption scroll(QStringLiteral("scroll"), QStringLiteral("Plan page scroll."), QStringLiteral("PX"),
                                    QStringLiteral("0"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG to write."), QStringLiteral("FILE"));
    const QCommandLineOption reference(QStringLiteral("reference"), QStringLiteral("Render View > Reference data, searched for TEXT."),
                                       QStringLiteral("TEXT"));
    const QCommandLineOption newScenario(QStringLiteral("new"), QStringLiteral("Show a new scenario, as New makes it."));
    const QCommandLineOption hold(QStringLiteral("hold"), QStringLiteral("Stay up this long (ms) after the grab."),
                                  QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption sideways(QStringLiteral("sideways"), QStringLiteral("Scroll the Plan tables to the right."));
    const QCommandLineOption optimize(QStringLiteral("optimize"),
                                      QStringLiteral("Open Scenario > Optimize; with a month, run it for that goal "
                                                     "(frontier on) and grab the dialog."),
                                      QStringLiteral("YYYY-MM|open"));
    const QCommandLineOption confidence(QStringLiteral("confidence"), QStringLiteral("With --optimize: a confidence goal (%)."),
                                        QStringLiteral("P"));
    const QCommandLineOption grabAfter(QStringLiteral("grab-after"),
                                       QStringLiteral("With --optimize: grab this long (ms) after starting, running or not."),
                                       QStringLiteral("MS"));
    const QCommandLineOption show(QStringLiteral("show"),
                                  QStringLiteral("Split the charts' portfolio: site, country or region."), QStringLiteral("BY"));
    parser.addOptions({size, workspace, scenario, tab, scroll, out, reference, newScenario, hold, sideways, optimize,
                       confidence, grabAfter, show});
    parser.process(app);

    cp::gui::MainWindow window;
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.move(0, 0); // the whole screen under Xvfb, for import -window root
    if (parser.isSet(workspace))
        window.openWorkspace(parser.value(workspace));
    else
        window.openStartupWorkspace();
    if (parser.isSet(scenario))
        if (const auto id = window.session().workspace()->findScenario(parser.value(scenario)))
            window.workspacePanel()->selectScenario(*id);
    if (parser.isSet(newScenario))
        if (const auto id = window.session().createScenario(QStringLiteral("New scenario")))
            window.workspacePanel()->selectScenario(*id);
    if (parser.isSet(show)) {
        using Grouping = cp::ResultGroupModel::Grouping;
        const QString by = parser.value(show);
        window.chartsPanel()->setGrouping(by == QLatin1String("site")      ? Grouping::BySite
                                          : by == QLatin1String("country") ? Grouping::ByCountry
                                          : by == QLatin1String("region")  ? Grouping::ByRegion
                                                                           : Grouping::Total);
    }
    window.tabs()->setCurrentIndex(parser.value(tab).toInt());
    window.show();

    QTimer::singleShot(600, &app, [&] {
        if (auto *area = window.scenarioEditor()->findChild<QScrollArea *>())
            area->verticalScrollBar()->setValue(parser.value(scroll).toInt());
        if (parser.isSet(sideways))
            for (auto *panel : window.scenarioEditor()->findChildren<cp::views::ItemTablePanel *>())
                panel->view()->horizontalScrollBar()->setValue(panel->view()->horizontalScrollBar()->maximum());
        if (parser.isSet(reference)) {
            cp::views::ReferenceDataWindow dialog(cp::Catalog::builtIn());
            dialog.setFilterText(parser.value(reference));
            dialog.show();
            dialog.grab().save(parser.value(out));
            app.quit();
            return;
        }
        if (parser.isSet(optimize)) {
            window.optimizeAction()->trigger();
            auto *dialog = window.findChild<cp::views::OptimizeDialog *>();
            if (!dialog) {
                app.exit(1);
                return;
            }
            dialog->move(40, 30);
            const auto grabLater = [&, dialog] {
                QTimer::singleShot(300, &app, [&, dialog] {
                    if (parser.isSet(out))
                        dialog->grab().save(parser.value(out));
                    QTimer::singleShot(parser.value(hold).toInt(), &app, &QApplication::quit);
                });
            };
            if (const auto goal = cp::Month::parse(parser.value(optimize))) {
                dialog->goalEdit()->setMonth(*goal);
                if (parser.isSet(confidence))
                    dialog->confidenceBox()->setValue(parser.value(confidence).toDouble());
                if (parser.isSet(grabAfter))
                    QTimer::singleShot(parser.value(grabAfter).toInt(), &app, grabLater);
                else
                    QObject::connect(dialog, &cp::views::OptimizeDialog::runFinished, &app, grabLater);
                dialog->run();
            } else {
                grabLater();
            }
            return;
        }
        QTimer::singleShot(200, &app, [&] {
            if (parser.isSet(out))
                window.grab().save(parser.value(out));
            QTimer::singleShot(parser.value(hold).toInt(), &app, &QApplication::quit);
        });
    });
    return QApplication::exec();
}
