#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace Chorus {

// Puts the program's and Qt's own translations in place for a QCoreApplication, in the language
// the setting names ("" follows the system locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Every
// subcommand makes its own application object, so installOnStartup() hooks every one of them.
class Translation
{
public:
    // The languages Chorus speaks, as the setting stores them.
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("zh_TW")}; }

    // Which of languages() a setting and the system's UI languages (QLocale::uiLanguages()
    // spelling: "zh-Hant-HK", "zh_TW", "en-US") lead to; Chinese variants go to the closest.
    static QString resolve(const QString &setting, const QStringList &uiLanguages);
    // The locale for dates and numbers once `language` (of languages()) is in effect: the system's
    // when it speaks that language (en_GB dates for English), else the language's own, so that a
    // Chinese window never shows English dates.
    static QLocale formatLocale(const QString &language, const QLocale &system);
    // The setting as saved, read without an application object (the language is chosen first).
    static QString savedSetting();

    // Installs the translators (English plural forms always, then the language's own, then
    // Qt's qtbase translation) for the running application. Returns the language now in effect.
    static QString install(const QString &setting);
    static QString current();

    // Calls install(savedSetting()) for every QCoreApplication made from now on.
    static void installOnStartup();
};

} // namespace Chorus
