#include "mainwindow.h"

#include <QMenuBar>
#include <QSettings>
#include <QTest>

// The main window opens with the menus a user expects, remembers its geometry and closes.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ClusterPlanTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithStandardMenus()
    {
        cp::gui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text().remove(QLatin1Char('&'));
        QCOMPARE(titles.mid(0, 3), (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View")}));
        QVERIFY(titles.contains(QStringLiteral("Help")));
        QVERIFY(window.close());
    }

    void remembersGeometry()
    {
        {
            cp::gui::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 700);
            QVERIFY(window.close());
        }
        cp::gui::MainWindow reopened;
        QCOMPARE(reopened.size(), QSize(1000, 700));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
