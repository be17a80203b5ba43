#include "catalog/catalog.h"
#include "document/scenarioitems.h"
#include "io/scenariojson.h"
#include "storage/storedscenario.h"
#include "storage/workspace.h"
#include "storagetestutil.h"
#ifdef CLUSTERPLAN_PG_URI_FILE
#include "pgtestserver.h"
#endif

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>

using cp::ScenarioId;
using cp::Workspace;
using cp::WorkspaceError;
using namespace storagetest;

// The operations of a workspace: each edit is one transaction, failed edits change nothing,
// names are unique, documents come back byte for byte, and the list's signals say what changed.
// Built twice: tst_workspace on .clusterplan files, and tst_workspace_server on databases of the
// PostgreSQL test server (the pgserver fixture), where the cases about the file itself (its
// header, lock, journal, folder and disk) are skipped; their server counterparts are in
// tst_serverworkspace.
#ifdef CLUSTERPLAN_PG_URI_FILE
constexpr bool kServer = true;
#else
constexpr bool kServer = false;
#endif
#define FILE_ONLY()                                                                                    \
    if constexpr (kServer)                                                                             \
        QSKIP("about the .clusterplan file itself; the server's counterpart is in tst_serverworkspace")
class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fileCounter = 0;

    QString newPath()
    {
#ifdef CLUSTERPLAN_PG_URI_FILE
        // A new empty database; without the server an address that fails to open (never a file).
        const QString uri = pgtest::freshDatabase();
        return uri.isEmpty() ? QStringLiteral("postgresql://nobody@/none?host=/the-test-server-did-not-start") : uri;
#else
        return m_dir.filePath(QStringLiteral("ws%1.clusterplan").arg(++m_fileCounter));
#endif
    }

    static std::unique_ptr<Workspace> openOrFail(const QString &path,
                                                 Workspace::OpenMode mode = Workspace::OpenMode::ReadWrite)
    {
        Workspace::OpenResult result = Workspace::open(path, mode);
        if (!result.workspace)
            qWarning("%s", qPrintable(result.error.message));
        return std::move(result.workspace);
    }

    static QStringList names(const Workspace &workspace)
    {
        QStringList list;
        for (const cp::ScenarioInfo &info : workspace.scenarios())
            list << info.name;
        return list;
    }

    // Any text works: the workspace stores document bytes, it does not read them.
    static QByteArray doc(const char *text) { return QByteArray(text); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void newWorkspaceIsEmptyAndVersioned()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        QVERIFY(!workspace->isReadOnly());
        QVERIFY(workspace->scenarios().empty());
        QVERIFY(!workspace->lastError().isError());
        QCOMPARE(workspace->path(), QFileInfo(path).absoluteFilePath());
        // Our header marks, read with a plain connection: "ClPn" and schema version 2.
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA application_id")), QStringList{QStringLiteral("1131171950")});
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("2")});
        QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("delete")});
        QVERIFY(QFile::exists(path + QStringLiteral(".lock")));
        workspace.reset();
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    }

    void createListLoadRoundTrip()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        // UTF-8 beyond ASCII, exact bytes (a trailing newline, no normalisation).
        const QByteArray first = QStringLiteral("{\"name\": \"Zürich ⚡ 2 GW\"}\n").toUtf8();
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const auto a = workspace->createScenario(QStringLiteral("Zürich"), first);
        const auto b = workspace->createScenario(QStringLiteral("  Memphis  "), doc("{}"));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
        QVERIFY(a && b && *a != *b);
        QCOMPARE(names(*workspace), (QStringList{QStringLiteral("Zürich"), QStringLiteral("Memphis")}));
        QCOMPARE(workspace->loadDocument(*a).value_or(QByteArray()), first);
        QCOMPARE(workspace->loadDocument(*b).value_or(QByteArray()), doc("{}"));
        const auto info = workspace->scenario(*a);
        QVERIFY(info);
        QCOMPARE(info->createdUtc.timeSpec(), Qt::UTC);
        QVERIFY(info->createdUtc >= before && info->createdUtc <= after);
        QCOMPARE(info->modifiedUtc, info->createdUtc);
        QCOMPARE(workspace->findScenario(QStringLiteral("Memphis")), b);
        QVERIFY(!workspace->findScenario(QStringLiteral("memphis"))); // exact comparison
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NoSuchScenario);
        QVERIFY(!workspace->loadDocument(9999));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NoSuchScenario);
    }

    // Every reader (window, compare, command line) reads a stored scenario through one loader:
    // parsed against the catalog and named as the list names it, whatever the document says.
    void storedScenarioIsNamedAsTheListNamesIt()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        const cp::Catalog &catalog = cp::Catalog::builtIn();
        const QByteArray written = cp::io::writeScenarioJson(cp::newScenario(QStringLiteral("Inside"), cp::Month::fromYearMonth(2026, 1)));
        const auto id = workspace->createScenario(QStringLiteral("Listed"), written);
        QVERIFY(id);
        QVERIFY(workspace->renameScenario(*id, QStringLiteral("Renamed")));

        const cp::StoredScenario stored = cp::loadStoredScenario(*workspace, *id, catalog);
        QVERIFY(stored.read());
        QVERIFY(stored.ok());
        QCOMPARE(stored.scenario->name, QStringLiteral("Renamed"));
        QCOMPARE(stored.document, written); // the bytes as stored: the rename left the document alone
        QVERIFY(stored.problems.empty());

        // A document this build cannot read: its problems name the workspace and the scenario.
        const auto bad = workspace->createScenario(QStringLiteral("Broken"), doc("{\"sites\": 3}"));
        QVERIFY(bad);
        const cp::StoredScenario invalid = cp::loadStoredScenario(*workspace, *bad, catalog);
        QVERIFY(invalid.read());
        QVERIFY(!invalid.ok());
        QVERIFY(!invalid.problems.empty());
        QVERIFY2(invalid.problems.front().toString().contains(QStringLiteral("(scenario 'Broken')")),
                 qPrintable(invalid.problems.front().toString()));

        // A scenario that is not there: no document, and the workspace's reason.
        const cp::StoredScenario missing = cp::loadStoredScenario(*workspace, 99999, catalog);
        QVERIFY(!missing.info);
        QVERIFY(!missing.read());
        QCOMPARE(missing.error.kind, WorkspaceError::Kind::NoSuchScenario);
    }

    void namesAreUniqueAndChecked()
    {
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        QVERIFY(workspace->createScenario(QStringLiteral("Memphis"), doc("{}")));
        QVERIFY(workspace->createScenario(QStringLiteral("memphis"), doc("{}"))); // exact comparison, as the format says

        QVERIFY(!workspace->createScenario(QStringLiteral(" Memphis "), doc("{\"x\":1}")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NameTaken);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("'Memphis' already exists")),
                 qPrintable(workspace->lastError().message));
        QVERIFY(workspace->lastError().message.contains(workspace->path()));
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("Choose another name")));

        for (const QString &bad : {QString(), QStringLiteral("   "), QStringLiteral("two\nlines"),
                                   QString(201, QLatin1Char('x'))}) {
            QVERIFY(!workspace->createScenario(bad, doc("{}")));
            QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidName);
        }
        QVERIFY(workspace->createScenario(QString(200, QLatin1Char('x')), doc("{}")));
        QCOMPARE(workspace->scenarios().size(), size_t(3));
    }

    void documentsMustBeUtf8Text()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        QVERIFY(!workspace->createScenario(QStringLiteral("A"), QByteArray()));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidDocument);
        QVERIFY(!workspace->createScenario(QStringLiteral("A"), QByteArray("{\"x\": \"\xff\xfe\"}")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidDocument);
        QVERIFY(workspace->scenarios().empty());
    }

    // What is stored, every command reads back: a document over the 64 MiB read limit is refused
    // when stored, not found unreadable forever after (a 40 MB import once stored 71 MB).
    void documentsAreNoLargerThanEveryCommandReads()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        QByteArray big = "{\"x\": \"" + QByteArray(Workspace::kMaxDocumentBytes, 'a') + "\"}";
        QVERIFY(!workspace->createScenario(QStringLiteral("Big"), big));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidDocument);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("limited to 64 MiB")),
                 qPrintable(workspace->lastError().message));
        const auto id = workspace->createScenario(QStringLiteral("Small"), doc("{}"));
        QVERIFY(id);
        QVERIFY(!workspace->saveDocument(*id, big));
        QCOMPARE(*workspace->loadDocument(*id), doc("{}"));
    }

    // Scenario names refuse text-direction controls as well as control characters, and the
    // message shows them escaped.
    void namesRefuseBidiControls()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        QVERIFY(!workspace->createScenario(QStringLiteral("gnp\u202eexe"), doc("{}")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InvalidName);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("gnp\\u202eexe")),
                 qPrintable(workspace->lastError().message));
        QVERIFY(!workspace->createScenario(QStringLiteral("Hall\x1b[2J"), doc("{}")));
        QVERIFY(!workspace->lastError().message.contains(QChar(0x1b)));
    }

    // The header's change counter grows by one per committed write transaction: every edit is
    // exactly one, and a refused edit writes nothing.
    void eachEditIsOneTransaction()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        quint32 counter = changeCounter(path);
        const auto step = [&](bool ok, quint32 transactions) {
            const quint32 now = changeCounter(path);
            const bool right = ok && now == counter + transactions;
            counter = now;
            return right;
        };
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"v\":1}"));
        QVERIFY(step(a.has_value(), 1));
        const auto b = workspace->createScenario(QStringLiteral("B"), doc("{\"v\":2}"));
        QVERIFY(step(b.has_value(), 1));
        QVERIFY(step(workspace->renameScenario(*a, QStringLiteral("A2")), 1));
        QVERIFY(step(workspace->saveDocument(*a, doc("{\"v\":3}")), 1));
        const auto copy = workspace->duplicateScenario(*a); // moves B down and inserts: still one
        QVERIFY(step(copy.has_value(), 1));
        QVERIFY(step(workspace->removeScenario(*copy), 1));
        // Refused edits: no transaction reaches the file.
        QVERIFY(step(!workspace->createScenario(QStringLiteral("B"), doc("{}")), 0));
        QVERIFY(step(!workspace->renameScenario(*a, QStringLiteral("B")), 0));
        QVERIFY(step(!workspace->removeScenario(*copy), 0));
        QVERIFY(step(!workspace->saveDocument(*copy, doc("{}")), 0));
        QVERIFY(step(!workspace->duplicateScenario(*copy), 0));
        QVERIFY(step(workspace->renameScenario(*a, QStringLiteral("A2")), 0)); // same name: nothing to do
        QCOMPARE(names(*workspace), (QStringList{QStringLiteral("A2"), QStringLiteral("B")}));
    }

    void renameKeepsDocumentAndMovesModifiedTime()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"a\":1}"));
        const auto b = workspace->createScenario(QStringLiteral("B"), doc("{\"b\":1}"));
        QVERIFY(a && b);
        const cp::ScenarioInfo before = *workspace->scenario(*a);
        QTest::qWait(5);
        QVERIFY(workspace->renameScenario(*a, QStringLiteral("Alpha")));
        const cp::ScenarioInfo after = *workspace->scenario(*a);
        QCOMPARE(after.name, QStringLiteral("Alpha"));
        QCOMPARE(after.createdUtc, before.createdUtc);
        QVERIFY(after.modifiedUtc > before.modifiedUtc);
        QCOMPARE(*workspace->loadDocument(*a), doc("{\"a\":1}"));

        QVERIFY(!workspace->renameScenario(*a, QStringLiteral("B")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NameTaken);
        QCOMPARE(workspace->scenario(*a)->name, QStringLiteral("Alpha"));
        QVERIFY(!workspace->renameScenario(4242, QStringLiteral("C")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NoSuchScenario);
    }

    void duplicateNamesAndPlacesTheCopy()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("Plan"), doc("{\"plan\":true}"));
        const auto z = workspace->createScenario(QStringLiteral("Zeta"), doc("{}"));
        QVERIFY(a && z);
        const auto copy1 = workspace->duplicateScenario(*a);
        const auto copy2 = workspace->duplicateScenario(*a);
        QVERIFY(copy1 && copy2);
        // Each copy goes right after its original, so the newest copy comes first.
        QCOMPARE(names(*workspace), (QStringList{QStringLiteral("Plan"), QStringLiteral("Plan (copy 2)"),
                                                 QStringLiteral("Plan (copy)"), QStringLiteral("Zeta")}));
        QCOMPARE(*workspace->loadDocument(*copy1), doc("{\"plan\":true}"));
        const auto copy3 = workspace->duplicateScenario(*copy1); // of "Plan (copy)": the next free number
        QVERIFY(copy3);
        QCOMPARE(workspace->scenario(*copy3)->name, QStringLiteral("Plan (copy 3)"));
        QCOMPARE(names(*workspace).indexOf(QStringLiteral("Plan (copy 3)")),
                 names(*workspace).indexOf(QStringLiteral("Plan (copy)")) + 1);
        // The copy is independent of its original.
        QVERIFY(workspace->saveDocument(*copy1, doc("{\"changed\":1}")));
        QCOMPARE(*workspace->loadDocument(*a), doc("{\"plan\":true}"));
    }

    void removeAndSave()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"v\":1}"));
        const auto b = workspace->createScenario(QStringLiteral("B"), doc("{}"));
        QVERIFY(a && b);
        const cp::ScenarioInfo before = *workspace->scenario(*a);
        QTest::qWait(5);
        QVERIFY(workspace->saveDocument(*a, doc("{\"v\":2}")));
        QCOMPARE(*workspace->loadDocument(*a), doc("{\"v\":2}"));
        QVERIFY(workspace->scenario(*a)->modifiedUtc > before.modifiedUtc);
        QCOMPARE(workspace->scenario(*a)->createdUtc, before.createdUtc);

        QVERIFY(workspace->removeScenario(*a));
        QVERIFY(!workspace->scenario(*a));
        QCOMPARE(names(*workspace), QStringList{QStringLiteral("B")});
        QVERIFY(!workspace->saveDocument(*a, doc("{}")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::NoSuchScenario);
        // The freed name can be used again.
        QVERIFY(workspace->createScenario(QStringLiteral("A"), doc("{}")));
    }

    void signalsFollowTheList()
    {
        auto workspace = openOrFail(newPath());
        QVERIFY(workspace);
        QSignalSpy inserted(workspace.get(), &Workspace::scenarioInserted);
        QSignalSpy removed(workspace.get(), &Workspace::scenarioRemoved);
        QSignalSpy changed(workspace.get(), &Workspace::scenarioChanged);

        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{}"));
        const auto b = workspace->createScenario(QStringLiteral("B"), doc("{}"));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1), (QList<QVariant>{1, *b}));
        const auto copy = workspace->duplicateScenario(*a);
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted.at(2), (QList<QVariant>{1, *copy})); // right after A, before B

        QVERIFY(workspace->renameScenario(*b, QStringLiteral("Beta")));
        QVERIFY(workspace->saveDocument(*b, doc("{\"x\":1}")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0), (QList<QVariant>{2, *b}));
        QCOMPARE(changed.at(1), (QList<QVariant>{2, *b}));

        QVERIFY(workspace->removeScenario(*copy));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0), (QList<QVariant>{1, *copy}));

        // Failed edits say nothing.
        QVERIFY(!workspace->createScenario(QStringLiteral("A"), doc("{}")));
        QVERIFY(!workspace->removeScenario(*copy));
        QCOMPARE(inserted.size() + removed.size() + changed.size(), 6);
    }

    void reopenAfterClose()
    {
        const QString path = newPath();
        ScenarioId a = 0;
        std::vector<cp::ScenarioInfo> listed;
        {
            auto workspace = openOrFail(path);
            QVERIFY(workspace);
            a = workspace->createScenario(QStringLiteral("A"), doc("{\"a\":1}")).value_or(0);
            QVERIFY(workspace->createScenario(QStringLiteral("B"), doc("{\"b\":2}")));
            QVERIFY(workspace->saveDocument(a, doc("{\"a\":3}")));
            listed = workspace->scenarios();
        }
        auto reopened = openOrFail(path);
        QVERIFY(reopened);
        QCOMPARE(reopened->scenarios(), listed);
        QCOMPARE(*reopened->loadDocument(a), doc("{\"a\":3}"));
        QVERIFY(reopened->createScenario(QStringLiteral("C"), doc("{}")));
    }

    // SQLite keeps no checksums of its own: a document changed behind ClusterPlan's back (or
    // by a bit flip inside its text) is caught by the SHA-256 stored with it.
    void damagedDocumentIsReported()
    {
        FILE_ONLY();
        const QString path = newPath();
        ScenarioId a = 0;
        {
            auto workspace = openOrFail(path);
            QVERIFY(workspace);
            a = workspace->createScenario(QStringLiteral("Memphis"), doc("{\"capacityMw\": 150}")).value_or(0);
        }
        QCOMPARE(rawExec(path, {QStringLiteral("UPDATE scenario SET document = '{\"capacityMw\": 151}'")}), QString());
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        QVERIFY(!workspace->loadDocument(a));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("'Memphis'")));
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("backup")));
    }

    // One bit flipped in a stored name: the row's checksum (over name and document) no longer
    // matches. The listing names the row as damaged, reading it is refused with a message naming
    // it, and the other scenarios stay readable and writable. Renaming gives it a name the user
    // chose and so repairs the row; nothing else writes over the damage.
    void damagedNameIsReported()
    {
        FILE_ONLY();
        const QString path = newPath();
        ScenarioId a = 0;
        ScenarioId b = 0;
        {
            auto workspace = openOrFail(path);
            QVERIFY(workspace);
            a = workspace->createScenario(QStringLiteral("Memphis"), doc("{\"capacityMw\": 150}")).value_or(0);
            b = workspace->createScenario(QStringLiteral("Dallas"), doc("{\"capacityMw\": 80}")).value_or(0);
            QVERIFY(a && b);
        }
        // 'M' (0x4D) with its lowest bit flipped is 'L'.
        QCOMPARE(rawExec(path, {QStringLiteral("UPDATE scenario SET name = CAST(X'4C656D70686973' AS TEXT) WHERE "
                                               "name = 'Memphis'")}),
                 QString());
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        const auto list = workspace->scenarios();
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].name, QStringLiteral("Lemphis"));
        QVERIFY(list[0].damaged);
        QVERIFY(!list[1].damaged);
        QVERIFY(workspace->scenario(a)->damaged);
        QCOMPARE(workspace->findScenario(QStringLiteral("Lemphis")), std::optional<ScenarioId>(a));
        QVERIFY(!workspace->loadDocument(a));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("'Lemphis'"))
                     && workspace->lastError().message.contains(QStringLiteral("damaged"))
                     && workspace->lastError().message.contains(QStringLiteral("backup")),
                 qPrintable(workspace->lastError().message));
        // Writing over the damage would hide it.
        QVERIFY(!workspace->saveDocument(a, doc("{\"capacityMw\": 1}")));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        QVERIFY(!workspace->duplicateScenario(a));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::Damaged);
        // The rest of the workspace works as before.
        QCOMPARE(workspace->loadDocument(b).value_or(QByteArray()), doc("{\"capacityMw\": 80}"));
        QVERIFY(workspace->saveDocument(b, doc("{\"capacityMw\": 81}")));
        QVERIFY(workspace->duplicateScenario(b));
        QVERIFY(workspace->createScenario(QStringLiteral("Austin"), doc("{}")));
        // Renaming it (even to the name it shows) is the user's choice of name: the row is sound again.
        QVERIFY(workspace->renameScenario(a, QStringLiteral("Lemphis")));
        QVERIFY(!workspace->scenario(a)->damaged);
        QCOMPARE(workspace->loadDocument(a).value_or(QByteArray()), doc("{\"capacityMw\": 150}"));
        for (const cp::ScenarioInfo &info : workspace->scenarios())
            QVERIFY2(!info.damaged, qPrintable(info.name));
    }

    void saveCopyAsWritesACompleteWorkspace()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"a\":1}"));
        QVERIFY(workspace->createScenario(QStringLiteral("B"), doc("{\"b\":2}")));
        const QByteArray originalHash = fileSha256(path);

        const QString copyPath = newPath();
        QVERIFY2(workspace->saveCopyAs(copyPath), qPrintable(workspace->lastError().message));
        QCOMPARE(fileSha256(path), originalHash); // the source is not changed
        {
            auto copy = openOrFail(copyPath);
            QVERIFY(copy);
            QCOMPARE(copy->scenarios(), workspace->scenarios());
            QCOMPARE(*copy->loadDocument(*a), doc("{\"a\":1}"));
        }
        // Over an existing workspace: replaced whole. No temporary file is left behind.
        QVERIFY(workspace->saveDocument(*a, doc("{\"a\":2}")));
        QVERIFY(workspace->saveCopyAs(copyPath));
        {
            auto copy = openOrFail(copyPath);
            QVERIFY(copy);
            QCOMPARE(*copy->loadDocument(*a), doc("{\"a\":2}"));
        }
        const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("*partial*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));

        QVERIFY(!workspace->saveCopyAs(path));
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("this workspace itself")));
        // A workspace open for editing elsewhere is never replaced.
        auto other = openOrFail(copyPath);
        QVERIFY(other);
        const QByteArray otherHash = fileSha256(copyPath);
        QVERIFY(!workspace->saveCopyAs(copyPath));
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::InUse);
        QCOMPARE(fileSha256(copyPath), otherHash);
    }

    void saveCopyToReadOnlyFolderFailsCleanly()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        QVERIFY(workspace->createScenario(QStringLiteral("A"), doc("{}")));
        const QByteArray hash = fileSha256(path);
        const QString folder = m_dir.filePath(QStringLiteral("readonly-copy"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(openUp(m_dir.path(), 0755));
        QVERIFY(openUp(folder, 0555));
        bool saved = true;
        {
            AsUnprivilegedUser nobody;
            QVERIFY(nobody.ok());
            saved = workspace->saveCopyAs(folder + QStringLiteral("/copy.clusterplan"));
        }
        QVERIFY(!saved);
        QCOMPARE(workspace->lastError().kind, WorkspaceError::Kind::ReadOnly);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("read-only")),
                 qPrintable(workspace->lastError().message));
        QVERIFY(QDir(folder).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        QCOMPARE(fileSha256(path), hash);
        QVERIFY(workspace->createScenario(QStringLiteral("B"), doc("{}"))); // still usable
    }

    // The copy does not fit (RLIMIT_FSIZE, see below): the old file at the target stays as it
    // was and no partial file is left beside it.
    void saveCopyOnAFullDiskLeavesTheTargetAlone()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        QVERIFY(workspace->createScenario(QStringLiteral("Big"), "{\"pad\":\"" + QByteArray(1 << 20, 'x') + "\"}"));
        const QString target = m_dir.filePath(QStringLiteral("full-disk-target.clusterplan"));
        {
            auto old = openOrFail(target);
            QVERIFY(old);
            QVERIFY(old->createScenario(QStringLiteral("Old"), doc("{}")));
        }
        const QByteArray targetHash = fileSha256(target);
        const QByteArray sourceHash = fileSha256(path);

        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = 256 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool copied = workspace->saveCopyAs(target);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!copied);
        const WorkspaceError error = workspace->lastError();
        QVERIFY2(error.kind == WorkspaceError::Kind::DiskFull || error.kind == WorkspaceError::Kind::Io,
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("Nothing was written")), qPrintable(error.message));
        QCOMPARE(fileSha256(target), targetHash);
        QCOMPARE(fileSha256(path), sourceHash);
        const QStringList leftovers
            = QDir(m_dir.path()).entryList({QStringLiteral("*partial*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
        QVERIFY(workspace->saveCopyAs(target)); // with room again it works
    }

    // The folder becomes read-only while the workspace is open: the journal cannot be made, the
    // edit fails with a clear message and the workspace keeps its last saved state.
    void editInReadOnlyFolderFailsCleanly()
    {
        FILE_ONLY();
        const QString folder = m_dir.filePath(QStringLiteral("becomes-readonly"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/ws.clusterplan");
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"v\":1}"));
        QVERIFY(a);
        const QByteArray hash = fileSha256(path);
        QVERIFY(openUp(m_dir.path(), 0755));
        QVERIFY(openUp(folder, 0555));
        bool saved = true;
        {
            AsUnprivilegedUser nobody;
            QVERIFY(nobody.ok());
            saved = workspace->saveDocument(*a, doc("{\"v\":2}"));
        }
        QVERIFY(openUp(folder, 0755));
        QVERIFY(!saved);
        QVERIFY2(workspace->lastError().message.contains(QStringLiteral("last saved state")),
                 qPrintable(workspace->lastError().message));
        QVERIFY(workspace->lastError().message.contains(QStringLiteral("'A'")));
        QCOMPARE(fileSha256(path), hash);
        QCOMPARE(*workspace->loadDocument(*a), doc("{\"v\":1}"));
        QVERIFY(workspace->saveDocument(*a, doc("{\"v\":3}"))); // writable again: works again
    }

    // A full disk, made real for this process with RLIMIT_FSIZE (writes past the limit fail):
    // the edit fails with a clear message and the file is exactly as before.
    void diskFullDuringEditChangesNothing()
    {
        FILE_ONLY();
        const QString path = newPath();
        auto workspace = openOrFail(path);
        QVERIFY(workspace);
        const auto a = workspace->createScenario(QStringLiteral("A"), doc("{\"v\":1}"));
        QVERIFY(a);
        const QByteArray hash = fileSha256(path);
        const QByteArray big = "{\"pad\":\"" + QByteArray(4 << 20, 'x') + "\"}"; // 4 MiB: far past the limit

        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = static_cast<rlim_t>(QFileInfo(path).size() + 64 * 1024);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool savedBig = workspace->saveDocument(*a, big);
        const bool createdBig = workspace->createScenario(QStringLiteral("Big"), big).has_value();
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!savedBig);
        QVERIFY(!createdBig);
        const WorkspaceError error = workspace->lastError();
        QVERIFY2(error.kind == WorkspaceError::Kind::DiskFull || error.kind == WorkspaceError::Kind::Io,
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("last saved state")), qPrintable(error.message));
        QCOMPARE(fileSha256(path), hash);
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        QCOMPARE(*workspace->loadDocument(*a), doc("{\"v\":1}"));
        QCOMPARE(names(*workspace), QStringList{QStringLiteral("A")});
        QVERIFY(workspace->saveDocument(*a, big)); // with space again it works
        QCOMPARE(*workspace->loadDocument(*a), big);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
