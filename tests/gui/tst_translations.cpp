// The translations as a translator and a Chinese-speaking user meet them: the .ts files are complete
// and in step with the sources (lupdate finds nothing new), and the window and the command line
// really speak Chinese.
#include "app/guiapp.h"
#include "model/core/translation.h"
#include "model/history/historymodel.h"
#include "model/history/runhistory.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "widgets/mainwindow/commandbar.h"
#include "widgets/mainwindow/mainwindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace Chorus;

namespace {

struct Message
{
    QString context;
    QString source;
    QString type;               // "", "unfinished", "obsolete", "vanished"
    QStringList translations;   // one per plural form
    bool numerus = false;
    QString key() const { return context + QStringLiteral(" | ") + source; }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            current = Message();
            current.context = context;
            current.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
        } else if (xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!current.numerus)
                current.translations.append(xml.readElementText());
            messages.append(current); // a plural's forms follow as <numerusform> elements
        } else if (xml.name() == u"numerusform") {
            messages.last().translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QDir sourceDir()
{
    return QDir(QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../.."));
}

QStringList tsFiles()
{
    QStringList files;
    const QDir dir(sourceDir().filePath(QStringLiteral("translations")));
    for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

QString lupdatePath()
{
    return QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
}

bool hasCjk(const QString &text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return cjk.match(text).hasMatch();
}

// A translated label: not the English source, and written in Chinese characters.
QString checkChinese(const QString &what, const QString &english, const QString &shown)
{
    if (shown.isEmpty() || shown == english || !hasCjk(shown))
        return QStringLiteral("%1: \"%2\" is shown as \"%3\"").arg(what, english, shown);
    return {};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(sourceDir().filePath(QStringLiteral("CMakeLists.txt"))),
                 qPrintable(sourceDir().path()));
        QVERIFY2(tsFiles().size() >= 3, "translations/chorus_{en,zh_CN,zh_TW}.ts are missing");
    }

    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    // No entry waits for a translator, none is left from strings the sources dropped, and every
    // placeholder and mnemonic of the source survives in the translation.
    void tsFilesAreComplete()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        static const QRegularExpression placeholder(QStringLiteral("%(n|L?[1-9])"));
        const bool chinese = QFileInfo(path).fileName().contains(u"zh_");
        QStringList problems;
        for (const Message &m : messages) {
            if (!m.type.isEmpty()) {
                problems.append(QStringLiteral("%1 entry: %2").arg(m.type, m.key()));
                continue;
            }
            QStringList needed;
            for (auto it = placeholder.globalMatch(m.source); it.hasNext();)
                needed.append(it.next().captured());
            needed.removeDuplicates();
            for (const QString &form : m.translations) {
                if (form.isEmpty())
                    problems.append(QStringLiteral("empty translation: %1").arg(m.key()));
                for (const QString &p : std::as_const(needed)) {
                    if (!form.contains(p))
                        problems.append(QStringLiteral("%1 missing in \"%2\": %3").arg(p, form, m.key()));
                }
                const bool mnemonic = QString(m.source).remove(QStringLiteral("&&")).contains(u'&');
                if (mnemonic && !QString(form).remove(QStringLiteral("&&")).contains(u'&'))
                    problems.append(QStringLiteral("no & mnemonic in \"%1\": %2").arg(form, m.key()));
            }
            if (chinese && m.translations.size() != 1)
                problems.append(QStringLiteral("Chinese has one plural form: %1").arg(m.key()));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // What `make translations` would do, on copies: a tr() nobody translated yet, or a translation
    // whose source is gone, fails here with the strings named.
    void lupdateFindsNothingNew()
    {
        const QString lupdate = lupdatePath();
        QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate + QStringLiteral(" is missing (qt6-l10n-tools)")));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QStringList sources;
        for (const char *folder : {"model", "sshworker", "widgets", "app"})
            sources.append(sourceDir().filePath(QString::fromLatin1(folder)));
        QStringList problems;
        for (const QString &path : tsFiles()) {
            const QString copy = tmp.filePath(QFileInfo(path).fileName());
            QVERIFY(QFile::copy(path, copy));
            // -I: the sources include from the project root, and lupdate needs the headers for the contexts.
            QStringList args{QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"),
                             QStringLiteral("cpp,h"), QStringLiteral("-I"), sourceDir().absolutePath()};
            if (path.endsWith(u"chorus_en.ts"))
                args.append(QStringLiteral("-pluralonly"));
            QProcess p;
            p.start(lupdate, args + sources + QStringList{QStringLiteral("-ts"), copy});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            QString error;
            const QList<Message> before = readTs(path, &error);
            const QList<Message> after = readTs(copy, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QSet<QString> known;
            for (const Message &m : before)
                known.insert(m.key());
            for (const Message &m : after) {
                if (!known.contains(m.key()))
                    problems.append(QStringLiteral("%1: new, not translated: %2").arg(QFileInfo(path).fileName(), m.key()));
                else if (!m.type.isEmpty())
                    problems.append(QStringLiteral("%1: %2: %3").arg(QFileInfo(path).fileName(), m.type, m.key()));
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("Run `make translations` and translate these in translations/*.ts:\n") +
                            problems.join(u'\n')));
    }

    void languageFollowsSettingThenSystem()
    {
        QCOMPARE(Translation::resolve(QStringLiteral("zh_TW"), {QStringLiteral("en-US")}), QStringLiteral("zh_TW"));
        QCOMPARE(Translation::resolve(QString(), {QStringLiteral("zh-CN")}), QStringLiteral("zh_CN"));
        QCOMPARE(Translation::resolve(QString(), {QStringLiteral("zh-Hant-HK")}), QStringLiteral("zh_TW"));
        QCOMPARE(Translation::resolve(QString(), {QStringLiteral("zh-TW")}), QStringLiteral("zh_TW"));
        QCOMPARE(Translation::resolve(QString(), {QStringLiteral("fr-FR"), QStringLiteral("zh-CN")}),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Translation::resolve(QString(), {QStringLiteral("de-DE")}), QStringLiteral("en"));
        QCOMPARE(Translation::resolve(QStringLiteral("en"), {QStringLiteral("zh-CN")}), QStringLiteral("en"));
    }

    // Dates and numbers follow the window's language: the system's locale where it speaks it, the
    // language's own where it does not (a Chinese window on an English system).
    void datesFollowTheLanguage()
    {
        QCOMPARE(Translation::formatLocale(QStringLiteral("zh_CN"), QLocale(QStringLiteral("en_US"))).name(),
                 QStringLiteral("zh_CN"));
        QCOMPARE(Translation::formatLocale(QStringLiteral("zh_TW"), QLocale(QStringLiteral("zh_CN"))).name(),
                 QStringLiteral("zh_TW"));
        QCOMPARE(Translation::formatLocale(QStringLiteral("zh_TW"), QLocale(QStringLiteral("zh_HK"))).name(),
                 QStringLiteral("zh_HK"));
        QCOMPARE(Translation::formatLocale(QStringLiteral("en"), QLocale(QStringLiteral("en_GB"))).name(),
                 QStringLiteral("en_GB"));
        QCOMPARE(Translation::formatLocale(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))).name(),
                 QStringLiteral("en_US"));

        // The Run History's Started column in a Chinese window.
        QCOMPARE(Translation::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTemporaryDir dir;
        RunHistory history(dir.filePath(QStringLiteral("history.sqlite")));
        QCOMPARE(history.open(), RunHistory::OpenResult::Created);
        HostTarget host;
        host.name = QStringLiteral("web01");
        host.hostname = QStringLiteral("127.0.0.1");
        HostResult result;
        result.outcome = HostOutcome::Ok;
        QVERIFY(history.addRun(QStringLiteral("uptime"), QDateTime(QDate(2026, 11, 30), QTime(9, 5)), 400, {host},
                               {result}) > 0);
        HistoryModel model(&history);
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        const QDateTime started = model.summary(0).started;
        const QString shown = model.index(0, HistoryModel::StartedColumn).data().toString();
        Translation::install(QStringLiteral("en"));
        QCOMPARE(shown, QLocale(QStringLiteral("zh_CN")).toString(started, QLocale::ShortFormat));
        QVERIFY2(shown.startsWith(QString::number(started.date().year())), qPrintable(shown));
    }

    // The window a Chinese user opens: menus, command bar buttons, host tree and status table
    // headers in Chinese.
    void mainWindowInChinese()
    {
        QCOMPARE(Translation::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QStringList problems;
        {
            GuiApp gui;
            MainWindow &window = *gui.window();
            const QList<QAction *> menus = window.menuBar()->actions();
            QVERIFY(menus.size() >= 3);
            for (QAction *menu : menus) {
                if (!menu->menu())
                    continue;
                problems.append(checkChinese(QStringLiteral("menu"), QString(), menu->text()));
                for (QAction *item : menu->menu()->actions()) {
                    if (!item->isSeparator() && !item->text().isEmpty())
                        problems.append(checkChinese(menu->text(), QString(), item->text()));
                }
            }
            for (const char *name : {"runButton", "cancelButton"}) {
                auto *button = window.commandBar()->findChild<QPushButton *>(QString::fromLatin1(name));
                QVERIFY(button);
                problems.append(checkChinese(QString::fromLatin1(name), QString(), button->text()));
            }
            QAbstractItemModel *hosts = window.hostTree()->model();
            for (int c = 0; c < hosts->columnCount(); ++c) {
                if (!window.hostTree()->isColumnHidden(c))
                    problems.append(checkChinese(QStringLiteral("host column %1").arg(c), QString(),
                                                 hosts->headerData(c, Qt::Horizontal).toString()));
            }
        }
        RunRequest request;
        request.command = QStringLiteral("true");
        HostTarget host;
        host.name = QStringLiteral("web01");
        host.hostname = QStringLiteral("127.0.0.1");
        request.hosts.append(host);
        RunSession session(request);
        SessionStatusModel status(&session);
        for (int c = 0; c < status.columnCount(); ++c)
            problems.append(checkChinese(QStringLiteral("status column %1").arg(c), QString(),
                                         status.headerData(c, Qt::Horizontal).toString()));
        Translation::install(QStringLiteral("en"));
        problems.removeAll(QString());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // And back: English again once English is installed, with its plural forms.
        QCOMPARE(SessionStatusModel(&session).headerData(0, Qt::Horizontal).toString(), QStringLiteral("Host"));
        QCOMPARE(QCoreApplication::translate("Chorus::HostModel", "%n host(s)", nullptr, 1), QStringLiteral("1 host"));
        QCOMPARE(QCoreApplication::translate("Chorus::HostModel", "%n host(s)", nullptr, 3), QStringLiteral("3 hosts"));
    }

    // `chorus --help` and a subcommand's messages under a Chinese locale, with exit statuses unchanged.
    void commandLineInChinese_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("本地 SSH 服务器");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW.UTF-8") << QStringLiteral("本機 SSH 伺服器");
    }

    void commandLineInChinese()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        const QString chorus = QStringLiteral(CHORUS_EXECUTABLE);
        QVERIFY2(QFile::exists(chorus), qPrintable(chorus));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.insert(QStringLiteral("LANG"), lang);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(chorus, {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(help.contains(expected), qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("--demo")) && help.contains(QStringLiteral("--theme")), qPrintable(help));
        // Qt's own part of the help (-h, -v) comes from qtbase's translation.
        QVERIFY2(hasCjk(help.section(u'\n', 0, 0)), qPrintable(help));

        p.start(chorus, {QStringLiteral("hosts"), QStringLiteral("add")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 64);
        const QString error = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(hasCjk(error) && error.startsWith(QStringLiteral("chorus hosts add")), qPrintable(error));
    }

    // `cmake --install` puts the program where a Linux desktop finds it, translations included.
    void installForTheDesktop()
    {
        const QString cmake = QStandardPaths::findExecutable(QStringLiteral("cmake"));
        if (cmake.isEmpty())
            QSKIP("cmake is not on PATH");
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        const QString buildDir = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral(".."));
        QProcess p;
        p.start(cmake, {QStringLiteral("--install"), buildDir, QStringLiteral("--prefix"), prefix.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QDir root(prefix.path());
        const QString desktop = root.filePath(QStringLiteral("share/applications/io.github.chorus.Chorus.desktop"));
        for (const QString &file :
             {QStringLiteral("bin/chorus"), desktop, QStringLiteral("share/icons/hicolor/scalable/apps/chorus.svg"),
              QStringLiteral("share/icons/hicolor/256x256/apps/chorus.png"),
              QStringLiteral("share/metainfo/io.github.chorus.Chorus.metainfo.xml"),
              QStringLiteral("share/chorus/translations/chorus_zh_CN.qm"),
              QStringLiteral("share/chorus/translations/chorus_zh_TW.qm")})
            QVERIFY2(QFile::exists(root.filePath(file)), qPrintable(file));
        QFile entry(desktop);
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(entry.readAll());
        for (const QString &line : {QStringLiteral("Exec=chorus"), QStringLiteral("Icon=chorus"),
                                    QStringLiteral("Categories=Network;System;"), QStringLiteral("Name[zh_CN]="),
                                    QStringLiteral("Comment[zh_TW]=")})
            QVERIFY2(text.contains(line), qPrintable(line));
        const QString validate = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (validate.isEmpty())
            QSKIP("desktop-file-validate is not installed (Debian package desktop-file-utils)");
        p.start(validate, {desktop});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
