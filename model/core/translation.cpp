#include "model/core/translation.h"

#include "model/core/appsettings.h"
#include "model/core/modellog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace Chorus {

namespace {

QString g_current = QStringLiteral("en");
QList<QPointer<QTranslator>> g_installed;

QString chineseVariant(const QLocale &locale)
{
    const bool traditional = locale.script() == QLocale::TraditionalChineseScript ||
                             (locale.script() != QLocale::SimplifiedChineseScript &&
                              (locale.territory() == QLocale::Taiwan || locale.territory() == QLocale::HongKong ||
                               locale.territory() == QLocale::Macao));
    return traditional ? QStringLiteral("zh_TW") : QStringLiteral("zh_CN");
}

// The translators belong to the application object, so a new one (the next subcommand) starts clean.
bool load(QCoreApplication *app, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(name, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    g_installed.append(translator);
    return true;
}

void installForNewApplication()
{
    Translation::install(Translation::savedSetting());
}

} // namespace

QString Translation::resolve(const QString &setting, const QStringList &uiLanguages)
{
    if (languages().contains(setting))
        return setting;
    for (const QString &name : uiLanguages) {
        const QLocale locale(name);
        if (locale.language() == QLocale::Chinese)
            return chineseVariant(locale);
        if (locale.language() == QLocale::English)
            return QStringLiteral("en");
        // "C" and languages without a translation: look further down the list (LANGUAGE=fr:zh_CN).
    }
    return QStringLiteral("en");
}

QString Translation::savedSetting()
{
    // The names main() gives the application, spelled out: organisation and application names are
    // not set yet when a new application object calls installForNewApplication().
    const QSettings settings(QStringLiteral("chorus"), QStringLiteral("chorus"));
    return settings.value(AppSettings::key(AppSettings::Language)).toString();
}

QString Translation::install(const QString &setting)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return g_current;
    // A second call (a test switching languages) replaces the first one's translators.
    for (const QPointer<QTranslator> &old : std::as_const(g_installed)) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    g_installed.clear();
    const QString language = resolve(setting, QLocale::system().uiLanguages());
    const QString embedded = QStringLiteral(":/i18n");
    // Later translators are asked first: the language's own, then English plurals, then the source.
    if (!load(app, QStringLiteral("chorus_en"), embedded))
        qCWarning(lcModel) << "the English plural forms are missing from the resources";
    if (language != u"en") {
        if (!load(app, QStringLiteral("chorus_") + language, embedded))
            qCWarning(lcModel) << "no translation for" << language << "in the resources";
        const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!load(app, QStringLiteral("qtbase_") + language, qtDirectory))
            qCInfo(lcModel) << "Qt's own translation for" << language << "is not installed in" << qtDirectory;
    }
    QLocale::setDefault(formatLocale(language, QLocale::system()));
    g_current = language;
    return language;
}

QLocale Translation::formatLocale(const QString &language, const QLocale &system)
{
    const QLocale chosen(language);
    if (system.language() != chosen.language())
        return chosen;
    // Simplified and Traditional Chinese are different scripts: zh_TW text with zh_CN dates is not
    // what a reader of either wants.
    if (chosen.language() == QLocale::Chinese && system.script() != chosen.script())
        return chosen;
    return system;
}

QString Translation::current()
{
    return g_current;
}

void Translation::installOnStartup()
{
    qAddPreRoutine(installForNewApplication);
}

} // namespace Chorus
