// DocumentSession and Autosave: the user's edits are never lost — not by
// quitting, not by opening another document, not by a restart.

#include "app/gui/editor/Autosave.h"
#include "app/gui/editor/CodeEditor.h"
#include "app/gui/editor/DocumentSession.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;

namespace {

/// One "run of the app": an editor, its session, and storage in `dir`.
struct App {
    explicit App(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , autosave(dir.filePath(QStringLiteral("autosave")))
        , session(&editor, &autosave, &settings)
    {
    }
    /// Types at the end of the document, as a user would.
    void type(const QString& text)
    {
        editor.moveCursor(QTextCursor::End);
        editor.insertPlainText(text);
    }
    QSettings settings;
    Autosave autosave;
    CodeEditor editor;
    DocumentSession session;
};

QString writeFile(const QTemporaryDir& dir, const QString& name, const QString& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

} // namespace

class tst_DocumentSession : public QObject {
    Q_OBJECT
private slots:
    void scratchEditsComeBackAfterARestart()
    {
        QTemporaryDir dir;
        {
            App app(dir);
            app.session.restoreLast();
            app.type(QStringLiteral("print('\u4F60\u597D')"));
            app.session.flush();
        }
        App again(dir);
        again.session.restoreLast();
        QCOMPARE(again.editor.code(), QStringLiteral("print('\u4F60\u597D')"));
        QCOMPARE(again.session.key(), DocumentSession::scratchKey());
    }

    void editsAreSavedWhenTypingPausesWithoutAnExplicitFlush()
    {
        QTemporaryDir dir;
        App app(dir);
        app.editor.setDebounceInterval(10);
        app.session.openScratch();
        app.type(QStringLiteral("x = 1"));
        QTRY_VERIFY(app.autosave.contains(DocumentSession::scratchKey()));
        QCOMPARE(*app.autosave.load(DocumentSession::scratchKey()), QStringLiteral("x = 1"));
    }

    void aFileWithAnAutosavedEditOpensWithTheEdit()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("demo.py"), QStringLiteral("original\n"));
        {
            App app(dir);
            QVERIFY(app.session.openFile(path));
            app.type(QStringLiteral("mine\n"));
            app.session.openScratch(); // switching documents saves the pending edit
        }
        App again(dir);
        QVERIFY(again.session.openFile(path));
        QCOMPARE(again.editor.code(), QStringLiteral("original\nmine\n"));
        QVERIFY(again.session.isModified());
        QCOMPARE(again.session.originalText(), QStringLiteral("original\n"));
    }

    void theDocumentOpenAtQuitIsReopenedAtStart()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("lesson.py"), QStringLiteral("await x\n"));
        {
            App app(dir);
            QVERIFY(app.session.openFile(path));
        }
        App again(dir);
        again.session.restoreLast();
        QCOMPARE(again.session.path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(again.editor.code(), QStringLiteral("await x\n"));
        QCOMPARE(again.session.displayName(), QStringLiteral("lesson.py"));
    }

    void anEditOfADeletedFileIsStillShown()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("gone.py"), QStringLiteral("a\n"));
        {
            App app(dir);
            QVERIFY(app.session.openFile(path));
            app.type(QStringLiteral("b\n"));
            app.session.flush();
        }
        QFile::remove(path);
        App again(dir);
        again.session.restoreLast();
        QCOMPARE(again.editor.code(), QStringLiteral("a\nb\n"));
    }

    void revertingThrowsTheEditAwayForGood()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("r.py"), QStringLiteral("base\n"));
        App app(dir);
        QSignalSpy modified(&app.session, &DocumentSession::modifiedChanged);
        QVERIFY(app.session.openFile(path));
        app.type(QStringLiteral("extra\n"));
        app.session.flush();
        QCOMPARE(modified.count(), 1);
        app.session.revertToOriginal();
        QCOMPARE(app.editor.code(), QStringLiteral("base\n"));
        QVERIFY(!app.autosave.contains(app.session.key()));
        QCOMPARE(modified.count(), 2);
        QVERIFY(!modified.last().at(0).toBool());
    }

    void editingBackToTheOriginalDropsTheAutosave()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.py"), QStringLiteral("abc"));
        App app(dir);
        QVERIFY(app.session.openFile(path));
        app.type(QStringLiteral("d"));
        app.session.flush();
        QVERIFY(app.autosave.contains(app.session.key()));
        app.editor.moveCursor(QTextCursor::End);
        app.editor.textCursor().deletePreviousChar();
        app.session.flush();
        QCOMPARE(app.editor.code(), QStringLiteral("abc"));
        QVERIFY(!app.autosave.contains(app.session.key()));
    }

    void eachDocumentHasItsOwnAutosaveFile()
    {
        QTemporaryDir dir;
        Autosave a(dir.path());
        const QString k1 = QStringLiteral("file:/x/demo.py");
        const QString k2 = QStringLiteral("file:/y/demo.py");
        QVERIFY(a.pathFor(k1) != a.pathFor(k2));
        QVERIFY(QFileInfo(a.pathFor(k1)).fileName().startsWith(QLatin1String("demo-")));
        QVERIFY(a.save(k1, QStringLiteral("one")));
        QVERIFY(a.save(k2, QStringLiteral("two")));
        QCOMPARE(*a.load(k1), QStringLiteral("one"));
        QCOMPARE(*a.load(k2), QStringLiteral("two"));
        QVERIFY(!a.load(QStringLiteral("scratch")).has_value());
    }

    void anUnreadableFileReportsWhy()
    {
        QTemporaryDir dir;
        App app(dir);
        QString error;
        QVERIFY(!app.session.openFile(dir.filePath(QStringLiteral("missing.py")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(tst_DocumentSession)
#include "tst_documentsession.moc"
