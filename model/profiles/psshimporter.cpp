#include "model/profiles/psshimporter.h"

#include "model/ssh/sshconfig.h"

#include <QCoreApplication>

namespace Chorus {

ProfileImporter::Result PsshImporter::import(const QString &path)
{
    ProfileImporter::Result result;
    QByteArray data;
    if (!ProfileImporter::readFile(path, &data, &result))
        return result;
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        QString line = lines.at(i);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        const QStringList fields = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        if (fields.size() > 2) {
            result.problems.append(ProfileImporter::problem(
                path, lineNo,
                QCoreApplication::translate("PsshImporter",
                                            "expected \"[user@]host[:port] [user]\", found %n fields",
                                            nullptr, int(fields.size()))));
            continue;
        }
        QString user;
        QString host;
        int port = 0;
        QString error;
        if (!SshConfig::parseSpec(fields.at(0), &user, &host, &port, &error)) {
            result.problems.append(ProfileImporter::problem(path, lineNo, error));
            continue;
        }
        if (fields.size() == 2) {
            if (!user.isEmpty() && user != fields.at(1)) {
                result.problems.append(ProfileImporter::problem(
                    path, lineNo,
                    QCoreApplication::translate("PsshImporter", "two different users (\"%1\" and \"%2\")")
                        .arg(user, fields.at(1))));
                continue;
            }
            QString checkUser;
            QString checkHost;
            int checkPort = 0;
            if (!SshConfig::parseSpec(fields.at(1) + QStringLiteral("@x"), &checkUser, &checkHost, &checkPort,
                                      &error)) {
                result.problems.append(ProfileImporter::problem(
                    path, lineNo,
                    QCoreApplication::translate("PsshImporter", "bad user name \"%1\"").arg(fields.at(1))));
                continue;
            }
            user = fields.at(1);
        }
        Profile p = Profile::create();
        p.name = host;
        p.hostname = host;
        p.user = user;
        if (port)
            p.port = quint16(port);
        result.profiles.append(p);
    }
    return result;
}

} // namespace Chorus
