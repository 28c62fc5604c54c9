// Light and dark palettes: every colour Chorus puts text in stays readable (WCAG contrast of at
// least 4.5 against its background), on both.
#include "widgets/session/ansitext.h"
#include "widgets/session/outputview.h"
#include "widgets/style/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QPainter>
#include <QProxyStyle>
#include <QScopeGuard>
#include <QStyleOptionButton>
#include <QStyleOptionViewItem>
#include <QFontInfo>
#include <QProcess>
#include <QStyle>
#include <QTest>

using namespace Chorus;

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastFormula()
    {
        QCOMPARE(qRound(Theme::contrast(Qt::black, Qt::white)), 21);
        QCOMPARE(Theme::contrast(Qt::red, Qt::red), 1.0);
        // Yellow on white is unreadable; made readable it keeps a yellow-brown hue.
        const QColor fixed = Theme::readable(QColor(0xff, 0xff, 0x00), Qt::white);
        QVERIFY(Theme::contrast(fixed, Qt::white) >= Theme::MinimumContrast);
        QVERIFY(fixed.red() > fixed.blue());
    }

    void colorsAreReadable_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("light") << int(Theme::Mode::Light);
        QTest::newRow("dark") << int(Theme::Mode::Dark);
    }

    void colorsAreReadable()
    {
        QFETCH(int, mode);
        const QPalette palette = Theme::palette(Theme::Mode(mode));
        QCOMPARE(Theme::isDark(palette), Theme::Mode(mode) == Theme::Mode::Dark);
        const QColor base = palette.color(QPalette::Base);
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::Text);
        QStringList problems;
        auto check = [&](const QString &what, const QColor &fg, const QColor &bg) {
            const double ratio = Theme::contrast(fg, bg);
            if (ratio < Theme::MinimumContrast)
                problems.append(QStringLiteral("%1: %2 on %3 is %4:1")
                                    .arg(what, fg.name(), bg.name())
                                    .arg(ratio, 0, 'f', 2));
        };
        check(QStringLiteral("output text"), text, base);
        check(QStringLiteral("window text"), palette.color(QPalette::WindowText), window);
        check(QStringLiteral("stderr"), OutputView::stderrColor(palette), base);
        check(QStringLiteral("outlier"), Theme::warningText(palette), base);
        check(QStringLiteral("error"), Theme::errorText(palette), window);
        check(QStringLiteral("success"), Theme::successText(palette), window);
        for (bool word : {false, true}) {
            const QString kind = word ? QStringLiteral("word") : QStringLiteral("line");
            check(QStringLiteral("diff removed ") + kind, text, Theme::removedBackground(palette, word));
            check(QStringLiteral("diff added ") + kind, text, Theme::addedBackground(palette, word));
            // The highlight must be seen at all: apart from the plain background.
            if (Theme::contrast(Theme::addedBackground(palette, word), base) < 1.1 ||
                Theme::contrast(Theme::removedBackground(palette, word), base) < 1.1)
                problems.append(QStringLiteral("diff %1 highlight hardly differs from the background").arg(kind));
        }
        check(QStringLiteral("diff filler"), text, Theme::fillerBackground(palette));
        check(QStringLiteral("deviation"), text, Theme::warningBackground(palette));
        if (Theme::contrast(Theme::warningBackground(palette), base) < 1.1)
            problems.append(QStringLiteral("deviation background hardly differs from the background"));
        // The 16 ANSI colours (30-37, 90-97) as an output view shows them on its background.
        for (int index = 0; index < 16; ++index) {
            AnsiText reader;
            reader.setContrastBackground(base);
            const int code = index < 8 ? 30 + index : 90 + index - 8;
            const QList<AnsiText::Run> runs = reader.parse(QStringLiteral("\x1b[%1mx").arg(code));
            QCOMPARE(runs.size(), 1);
            check(QStringLiteral("ANSI %1").arg(code), runs.first().format.foreground().color(), base);
        }
        // 256-colour and 24-bit colours too: dark blue on dark, pale yellow on light.
        for (const QString &sgr : {QStringLiteral("38;5;17"), QStringLiteral("38;2;255;255;200")}) {
            AnsiText reader;
            reader.setContrastBackground(base);
            const QList<AnsiText::Run> runs = reader.parse(QStringLiteral("\x1b[%1mx").arg(sgr));
            check(QStringLiteral("ANSI ") + sgr, runs.first().format.foreground().color(), base);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Colours a program sets for both text and background are its own choice, kept as given.
    void explicitBackgroundIsKept()
    {
        AnsiText reader;
        reader.setContrastBackground(Theme::palette(Theme::Mode::Dark).color(QPalette::Base));
        const QList<AnsiText::Run> runs = reader.parse(u"\x1b[30;47mx");
        QCOMPARE(runs.first().format.foreground().color(), AnsiText::paletteColor(0));
        QCOMPARE(runs.first().format.background().color(), AnsiText::paletteColor(7));
    }

    void applyDarkSetsTheApplicationPalette()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(app);
        Theme::apply(app, Theme::parse(QStringLiteral("dark")));
        QVERIFY(Theme::isDark(QApplication::palette()));
        QVERIFY(qobject_cast<QProxyStyle *>(QApplication::style()));
        QCOMPARE(static_cast<QProxyStyle *>(QApplication::style())->baseStyle()->name(), QStringLiteral("fusion"));
        Theme::apply(app, Theme::Mode::Light);
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QCOMPARE(Theme::parse(QString()), Theme::Mode::System);
        QCOMPARE(Theme::name(Theme::Mode::Dark), QStringLiteral("dark"));
    }

    // An unchecked box, in a dialog and in the host tree, stands out from what is around it on the
    // dark palette (3:1, WCAG's contrast for the parts of a control), as on the light one.
    void checkBoxesCanBeSeen_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("dark") << QStringLiteral("dark");
        QTest::newRow("light") << QStringLiteral("light");
    }

    void checkBoxesCanBeSeen()
    {
        QFETCH(QString, theme);
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        Theme::apply(app, Theme::parse(theme));
        const auto restore = qScopeGuard([app] { Theme::apply(app, Theme::Mode::Light); });
        const QPalette palette = QApplication::palette();

        QCheckBox box(QStringLiteral("web01"));
        box.resize(box.sizeHint());
        const QImage shown = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        const QColor edge = shown.pixelColor(indicator.left(), indicator.center().y());
        const QColor around = palette.color(QPalette::Window);
        const QColor inside = shown.pixelColor(indicator.center());
        QVERIFY2(Theme::contrast(edge, around) >= 3 && Theme::contrast(edge, inside) >= 3,
                 qPrintable(QStringLiteral("edge %1, window %2, inside %3").arg(edge.name(), around.name(), inside.name())));

        // The host tree's check boxes, drawn on the view's base colour.
        QImage cell(20, 20, QImage::Format_RGB32);
        cell.fill(palette.color(QPalette::Base));
        QStyleOptionViewItem item;
        item.palette = palette;
        item.rect = QRect(2, 2, 16, 16);
        item.state = QStyle::State_Enabled | QStyle::State_Off;
        {
            QPainter painter(&cell);
            QApplication::style()->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &item, &painter);
        }
        const QColor cellEdge = cell.pixelColor(2, 10);
        QVERIFY2(Theme::contrast(cellEdge, palette.color(QPalette::Base)) >= 3,
                 qPrintable(QStringLiteral("edge %1 on %2").arg(cellEdge.name(), palette.color(QPalette::Base).name())));
    }

    // Output columns (df, ps) line up only in a fixed-pitch font, also where fontconfig answers
    // "monospace" with a proportional CJK font for a Chinese locale: checked in a child process
    // started under zh_CN, since fontconfig reads the locale once.
    void outputFontIsFixedPitch()
    {
        QVERIFY2(QFontInfo(Theme::fixedFont()).fixedPitch(), qPrintable(QFontInfo(Theme::fixedFont()).family()));
        if (qEnvironmentVariableIsSet("CHORUS_THEME_CHILD"))
            return;
        for (const char *locale : {"zh_CN.UTF-8", "zh_TW.UTF-8"}) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("CHORUS_THEME_CHILD"), QStringLiteral("1"));
            env.insert(QStringLiteral("LANG"), QString::fromLatin1(locale));
            env.insert(QStringLiteral("LC_ALL"), QString::fromLatin1(locale));
            env.insert(QStringLiteral("LANGUAGE"), QString::fromLatin1(locale).section(u'.', 0, 0));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("outputFontIsFixedPitch")});
            QVERIFY(child.waitForFinished(30000));
            QVERIFY2(child.exitCode() == 0, child.readAllStandardOutput().constData());
        }
    }

    void bundledIconsLoad()
    {
        for (const char *name : {"media-playback-start", "process-stop", "document-save", "edit-find", "go-up"}) {
            const QIcon icon = Theme::icon(QString::fromLatin1(name));
            QVERIFY2(!icon.isNull() && !icon.pixmap(32, 32).isNull(), name);
        }
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
