#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/defaultworkspace.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cp::Workspace;

// The shipped examples go through a workspace unchanged, and the default workspace is made on
// first start with every one of them, exactly once.
class TestDefaultWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    struct Example {
        QString fileName;
        cp::Scenario scenario;
        QByteArray stored; // writeScenarioJson: the form a workspace keeps
    };
    static std::vector<Example> shippedExamples()
    {
        std::vector<Example> examples;
        const QDir dir(QStringLiteral(":/examples"));
        for (const QString &fileName : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const auto parsed = cp::io::readScenarioFile(dir.filePath(fileName), cp::Catalog::builtIn());
            if (!parsed.ok()) {
                for (const cp::Problem &problem : parsed.problems)
                    qWarning("%s", qPrintable(problem.toString()));
                return {};
            }
            examples.push_back({fileName, *parsed.scenario, cp::io::writeScenarioJson(*parsed.scenario)});
        }
        return examples;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The default workspace lives under AppDataLocation: keep it inside this test's folder.
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        QCoreApplication::setOrganizationName(QStringLiteral("ClusterPlan"));
        QCoreApplication::setApplicationName(QStringLiteral("ClusterPlan"));
    }

    void everyShippedExampleIsBuiltIn()
    {
        // The resources hold exactly the files of data/examples.
        const QStringList onDisk = QDir(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"))
                                       .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!onDisk.isEmpty());
        QCOMPARE(QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name), onDisk);
        QCOMPARE(shippedExamples().size(), size_t(onDisk.size()));
    }

    // parse -> store -> load gives the stored JSON back byte for byte, after closing and
    // reopening, and it parses to the same scenario.
    void everyExampleRoundTripsThroughAWorkspace()
    {
        const std::vector<Example> examples = shippedExamples();
        QVERIFY(!examples.empty());
        const QString path = m_home.filePath(QStringLiteral("roundtrip.clusterplan"));
        std::vector<cp::ScenarioId> ids;
        {
            auto opened = Workspace::open(path, Workspace::OpenMode::ReadWrite);
            QVERIFY(opened.workspace);
            for (const Example &example : examples) {
                const auto id = opened.workspace->createScenario(example.scenario.name, example.stored);
                QVERIFY2(id, qPrintable(opened.workspace->lastError().message));
                ids.push_back(*id);
            }
        }
        auto reopened = Workspace::open(path, Workspace::OpenMode::ReadOnly);
        QVERIFY(reopened.workspace);
        for (size_t i = 0; i < examples.size(); ++i) {
            const QByteArray loaded = reopened.workspace->loadDocument(ids[i]).value_or(QByteArray());
            QCOMPARE(loaded, examples[i].stored);
            const auto reparsed = cp::io::parseScenarioJson(loaded, cp::Catalog::builtIn(), examples[i].fileName);
            QVERIFY(reparsed.ok());
            QVERIFY2(*reparsed.scenario == examples[i].scenario, qPrintable(examples[i].fileName));
            QCOMPARE(cp::io::writeScenarioJson(*reparsed.scenario), loaded); // canonical: a fixed point
        }
    }

    void defaultWorkspaceIsMadeOnceWithEveryExample()
    {
        const QString path = cp::defaultWorkspacePath();
        QCOMPARE(path, m_home.filePath(QStringLiteral("data/ClusterPlan/ClusterPlan/default.clusterplan")));
        QVERIFY(!QFile::exists(path));

        // Read-only access never makes it.
        QCOMPARE(cp::openOrCreateDefaultWorkspace(Workspace::OpenMode::ReadOnly).error.kind,
                 cp::WorkspaceError::Kind::NotFound);
        QVERIFY(!QFile::exists(path));

        const std::vector<Example> examples = shippedExamples();
        QVERIFY(!examples.empty());
        {
            auto opened = cp::openOrCreateDefaultWorkspace();
            QVERIFY2(opened.workspace, qPrintable(opened.error.message));
            QVERIFY(!opened.workspace->isReadOnly());
            QCOMPARE(opened.workspace->path(), path);
            const auto scenarios = opened.workspace->scenarios();
            QCOMPARE(scenarios.size(), examples.size());
            for (size_t i = 0; i < examples.size(); ++i) { // in file-name order
                QCOMPARE(scenarios[i].name, examples[i].scenario.name);
                QCOMPARE(opened.workspace->loadDocument(scenarios[i].id).value_or(QByteArray()), examples[i].stored);
            }
            // A second instance meanwhile gets it read-only.
            auto second = cp::openOrCreateDefaultWorkspace();
            QVERIFY(second.workspace && second.workspace->isReadOnly());
            QCOMPARE(second.workspace->scenarios().size(), examples.size());
            // The user deletes an example: it stays deleted.
            QVERIFY(opened.workspace->removeScenario(scenarios[0].id));
        }
        auto again = cp::openOrCreateDefaultWorkspace();
        QVERIFY(again.workspace);
        QCOMPARE(again.workspace->scenarios().size(), examples.size() - 1);
        // Only the workspace is left in its folder: no half-made temporary copies.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("default.clusterplan"), QStringLiteral("default.clusterplan.lock")}));
    }

    void folderThatCannotBeMadeIsReported()
    {
        const QString blocker = m_home.filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(blocker + QStringLiteral("/data")));
        const Workspace::OpenResult result = cp::openOrCreateDefaultWorkspace();
        qputenv("XDG_DATA_HOME", saved);
        QVERIFY(!result.workspace);
        QVERIFY2(result.error.message.contains(QStringLiteral("Cannot create the folder")), qPrintable(result.error.message));
    }
};

QTEST_GUILESS_MAIN(TestDefaultWorkspace)
#include "tst_defaultworkspace.moc"
