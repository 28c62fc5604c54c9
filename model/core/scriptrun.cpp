#include "model/core/scriptrun.h"

#include "model/core/shellquote.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Chorus {

namespace {

QString redirection(const QString &path)
{
    return QStringLiteral(" < ") + shellQuote(path);
}

} // namespace

std::optional<ScriptRun> ScriptRun::load(const QString &path, const QStringList &arguments, qint64 maxBytes,
                                         QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Chorus::ScriptRun", "Cannot read the script %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxBytes) {
        *error = QCoreApplication::translate("Chorus::ScriptRun", "The script %1 is larger than %2 MiB.")
                     .arg(path)
                     .arg(maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    ScriptRun run;
    run.path = path;
    run.content = file.readAll();
    QStringList interpreter{QStringLiteral("bash")};
    if (run.content.startsWith("#!")) {
        const QString line = QString::fromUtf8(run.content.left(run.content.indexOf('\n'))).mid(2);
        const QStringList words = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (!words.isEmpty())
            interpreter = words;
    }
    // Shells read a script from stdin with -s; most other interpreters take "-" for it.
    static const QStringList shells{QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("dash"),
                                    QStringLiteral("zsh"), QStringLiteral("ksh"), QStringLiteral("mksh")};
    // The interpreter is the #! line's program, or the one `env` starts ("#!/usr/bin/env -S bash -e").
    QString program = QFileInfo(interpreter.constFirst()).fileName();
    if (program == u"env") {
        for (const QString &word : interpreter.mid(1)) {
            if (!word.startsWith(u'-') && !word.contains(u'=')) {
                program = QFileInfo(word).fileName();
                break;
            }
        }
    }
    QStringList command;
    for (const QString &word : std::as_const(interpreter))
        command << shellQuote(word);
    command << (shells.contains(program) ? QStringLiteral("-s --") : QStringLiteral("-"));
    for (const QString &argument : arguments)
        command << shellQuote(argument);
    run.command = command.join(u' ');
    return run;
}

QString ScriptRun::recordedCommand(const QString &command, const QString &path)
{
    return command + redirection(path);
}

std::optional<QString> ScriptRun::commandFromRecord(const QString &recorded, const QString &path)
{
    const QString tail = redirection(path);
    if (path.isEmpty() || !recorded.endsWith(tail))
        return std::nullopt;
    return recorded.chopped(tail.size());
}

} // namespace Chorus
