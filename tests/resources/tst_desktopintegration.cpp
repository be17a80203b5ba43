#include "storage/schema.h"
#include "storage/workspace.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// What the package installs so that a double-click on a workspace opens it in ClusterPlan:
// the MIME type (resources/clusterplan-mime.xml) recognises workspace files by name and, without
// the extension, by content, and the desktop entry opens that type with the file as argument.
// The MIME file is loaded the way a desktop loads it (an XDG data folder's mime/packages), by
// Qt's own MIME database (the freedesktop.org rules).
class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString kType = QStringLiteral("application/x-clusterplan-workspace");

    static QString resource(const char *name) { return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/resources/") + QLatin1String(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As on an installed system: the package puts the XML into mime/packages and a dpkg
        // trigger merges it with freedesktop.org's types into one database (mime.cache), which
        // decides between our magic (priority 60) and plain SQLite's (50). Qt reads it from
        // XDG_DATA_DIRS, once, at the first use of QMimeDatabase.
        const QString mimeDir = m_dir.filePath(QStringLiteral("data/mime"));
        QVERIFY(QDir().mkpath(mimeDir + QStringLiteral("/packages")));
        QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"),
                            mimeDir + QStringLiteral("/packages/freedesktop.org.xml")));
        QVERIFY(QFile::copy(resource("clusterplan-mime.xml"), mimeDir + QStringLiteral("/packages/clusterplan.xml")));
        const QString update = QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
        QVERIFY2(!update.isEmpty(), "update-mime-database (shared-mime-info, which Qt depends on) is missing");
        QProcess process;
        process.start(update, { mimeDir });
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(QFile::exists(mimeDir + QStringLiteral("/mime.cache")));
        qputenv("XDG_DATA_DIRS", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
    }

    void workspacesAreRecognisedByNameAndContent()
    {
        const QMimeDatabase mime;
        QVERIFY2(mime.mimeTypeForName(kType).isValid(), "the MIME type was not loaded");
        QCOMPARE(mime.mimeTypeForFile(QStringLiteral("plans.clusterplan"), QMimeDatabase::MatchExtension).name(), kType);
        QVERIFY(mime.mimeTypeForName(kType).inherits(QStringLiteral("application/vnd.sqlite3")));

        // A real workspace, renamed without its extension: found by content (its application id).
        const QString path = m_dir.filePath(QStringLiteral("plans"));
        {
            auto opened = cp::Workspace::open(path + QStringLiteral(".clusterplan"), cp::Workspace::OpenMode::ReadWrite);
            QVERIFY(opened.workspace);
            QVERIFY(opened.workspace->createScenario(QStringLiteral("A plan"), QByteArrayLiteral("{}\n")));
        }
        QVERIFY(QFile::rename(path + QStringLiteral(".clusterplan"), path));
        QCOMPARE(mime.mimeTypeForFile(path, QMimeDatabase::MatchContent).name(), kType);

        // Another program's SQLite file is not ours: same header, other application id.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(68));
        QCOMPARE(file.write(QByteArray("\0\0\0\0", 4)), qint64(4));
        file.close();
        const QString foreign = mime.mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
        QVERIFY2(foreign != kType, qPrintable(foreign));
    }

    void theMagicIsOurApplicationId()
    {
        // 0x436c506e in the XML is the id the storage writes (big-endian at offset 68).
        QFile xml(resource("clusterplan-mime.xml"));
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QByteArray match
            = QByteArray("value=\"0x") + QByteArray::number(cp::storage::kApplicationId, 16) + "\" offset=\"68\"";
        QVERIFY(xml.readAll().contains(match));
    }

    void desktopEntryOpensTheTypeWithTheFile()
    {
        QFile file(resource("clusterplan.desktop"));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QMap<QString, QString> entry; // key=value lines of the one [Desktop Entry] group
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("[Desktop Entry]"));
        for (const QString &line : lines.mid(1))
            entry.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
        QCOMPARE(entry.value(QStringLiteral("Type")), QStringLiteral("Application"));
        // %f: the desktop passes the double-clicked file, which clusterplan opens (app/gui).
        QCOMPARE(entry.value(QStringLiteral("Exec")), QStringLiteral("clusterplan %f"));
        QCOMPARE(entry.value(QStringLiteral("MimeType")), kType + QLatin1Char(';'));
        QCOMPARE(entry.value(QStringLiteral("Icon")), QStringLiteral("clusterplan"));
        QVERIFY(QFile::exists(resource("icons/clusterplan.svg")));
    }
};

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
