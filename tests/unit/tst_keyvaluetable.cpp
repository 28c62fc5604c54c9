// KeyValueTable: settings-shaped output as one row per key with the hosts of each value.
#include "model/compare/keyvaluetable.h"

#include <QTest>

using namespace Chorus;

namespace {

using Column = LineMatrix::Column;
using Format = KeyValueTable::Format;

// `sysctl -a` on a Debian 12 host, abridged; the hostname and one tunable vary by host.
QByteArray sysctl(const QByteArray &hostname, const QByteArray &swappiness)
{
    return "abi.vsyscall32 = 1\n"
           "dev.cdrom.autoclose = 1\n"
           "dev.cdrom.info = CD-ROM information, Id: cdrom.c 3.20 2003/12/17\n"
           "dev.cdrom.info = \n"
           "fs.binfmt_misc.status = enabled\n"
           "kernel.core_pattern = |/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -u%u -g%g -- %E\n"
           "kernel.domainname = (none)\n"
           "kernel.hostname = " +
           hostname +
           "\n"
           "net.ipv4.ip_forward = 0\n"
           "net.ipv4.ip_local_port_range = 32768\t60999\n"
           "vm.swappiness = " +
           swappiness + "\n";
}

// `sshd -T`, abridged: lowercase keys, one blank, values with colons and equals signs in them.
QByteArray sshdT(const QByteArray &passwordAuthentication)
{
    return "port 22\n"
           "addressfamily any\n"
           "listenaddress [::]:22\n"
           "listenaddress 0.0.0.0:22\n"
           "usepam yes\n"
           "logingracetime 120\n"
           "x11displayoffset 10\n"
           "passwordauthentication " +
           passwordAuthentication +
           "\n"
           "subsystem sftp /usr/lib/openssh/sftp-server\n"
           "ciphers chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com\n"
           "setenv LANG=C\n"
           "authorizedkeysfile .ssh/authorized_keys .ssh/authorized_keys2\n";
}

// `hostnamectl`: "Key: value" with blanks in keys and colons in values.
QByteArray hostnamectl(const QByteArray &hostname, const QByteArray &kernel)
{
    return " Static hostname: " + hostname +
           "\n"
           "       Icon name: computer-vm\n"
           "         Chassis: vm\n"
           "  Virtualization: kvm\n"
           "Operating System: Debian GNU/Linux 12 (bookworm)\n"
           "          Kernel: Linux " +
           kernel +
           "\n"
           "    Architecture: x86-64\n"
           " Hardware Vendor: QEMU\n"
           "  Firmware Version: 1.16.2-debian-1.16.2-1\n"
           "  Time: 12:30:00\n";
}

QList<QByteArray> keys(const KeyValueTable &table)
{
    QList<QByteArray> result;
    for (const KeyValueTable::Row &row : table.rows())
        result.append(row.key);
    return result;
}

const KeyValueTable::Row *find(const KeyValueTable &table, const QByteArray &key)
{
    for (const KeyValueTable::Row &row : table.rows()) {
        if (row.key == key)
            return &row;
    }
    return nullptr;
}

// "text:hosts" per value, "(absent)" for the missing, to compare whole rows at once.
QStringList describe(const KeyValueTable::Row *row)
{
    QStringList result;
    if (!row)
        return {QStringLiteral("no such row")};
    for (const KeyValueTable::Value &value : row->values) {
        QStringList hosts;
        for (int host : value.hosts)
            hosts.append(QString::number(host));
        const QString text = value.absent ? QStringLiteral("(absent)") : QString::fromUtf8(value.text);
        result.append(text + QLatin1Char(':') + hosts.join(QLatin1Char(',')));
    }
    return result;
}

} // namespace

class TestKeyValueTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsSysctl()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0, 1, 2}, sysctl("web01", "60")},
            Column{{3}, sysctl("web04", "10")},
        });
        QCOMPARE(table.format(), Format::Equals);
        QCOMPARE(table.hostCount(), 4);
        QCOMPARE(table.parsedShare(), 1.0);
        QCOMPARE(keys(table).first(), QByteArray("abi.vsyscall32"));
        QCOMPARE(table.rows().size(), 10); // dev.cdrom.info twice, counted once
        QCOMPARE(describe(find(table, "kernel.core_pattern")),
                 QStringList{QStringLiteral(
                     "|/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -u%u -g%g -- %E:0,1,2,3")});
        QCOMPARE(describe(find(table, "net.ipv4.ip_local_port_range")),
                 QStringList{QStringLiteral("32768\t60999:0,1,2,3")});
        // The last line of a repeated key counts: here an empty value.
        QCOMPARE(describe(find(table, "dev.cdrom.info")), QStringList{QStringLiteral(":0,1,2,3")});
        QCOMPARE(describe(find(table, "vm.swappiness")),
                 (QStringList{QStringLiteral("60:0,1,2"), QStringLiteral("10:3")}));
        QCOMPARE(table.differingRowCount(), 2); // hostname and swappiness
    }

    void detectsSshdT()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{4, 2}, sshdT("no")},
            Column{{1}, sshdT("yes")},
        });
        QCOMPARE(table.format(), Format::Whitespace);
        QCOMPARE(table.parsedShare(), 1.0);
        QCOMPARE(keys(table),
                 (QList<QByteArray>{"port", "addressfamily", "listenaddress", "usepam", "logingracetime",
                                    "x11displayoffset", "passwordauthentication", "subsystem", "ciphers",
                                    "setenv", "authorizedkeysfile"}));
        QCOMPARE(describe(find(table, "port")), QStringList{QStringLiteral("22:1,2,4")});
        QCOMPARE(describe(find(table, "listenaddress")), QStringList{QStringLiteral("0.0.0.0:22:1,2,4")});
        QCOMPARE(describe(find(table, "subsystem")),
                 QStringList{QStringLiteral("sftp /usr/lib/openssh/sftp-server:1,2,4")});
        QCOMPARE(describe(find(table, "setenv")), QStringList{QStringLiteral("LANG=C:1,2,4")});
        QCOMPARE(describe(find(table, "passwordauthentication")),
                 (QStringList{QStringLiteral("no:2,4"), QStringLiteral("yes:1")}));
        QCOMPARE(table.differingRowCount(), 1);
    }

    void detectsColon()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0}, hostnamectl("web01", "6.1.0-18-amd64")},
            Column{{1}, hostnamectl("web02", "6.1.0-18-amd64")},
            Column{{2}, hostnamectl("web03", "6.1.0-13-amd64")},
        });
        QCOMPARE(table.format(), Format::Colon);
        QCOMPARE(table.parsedShare(), 1.0);
        QCOMPARE(keys(table), (QList<QByteArray>{"Static hostname", "Icon name", "Chassis", "Virtualization",
                                                 "Operating System", "Kernel", "Architecture",
                                                 "Hardware Vendor", "Firmware Version", "Time"}));
        QCOMPARE(describe(find(table, "Kernel")), (QStringList{QStringLiteral("Linux 6.1.0-18-amd64:0,1"),
                                                               QStringLiteral("Linux 6.1.0-13-amd64:2")}));
        QCOMPARE(describe(find(table, "Time")), QStringList{QStringLiteral("12:30:00:0,1,2")});
        QCOMPARE(table.differingRowCount(), 2);

        // YAML-ish, with a heading, URLs and times: the heading alone does not parse.
        const KeyValueTable yaml = KeyValueTable::build({Column{{0},
                                                                "service:\n"
                                                                "  name: web\n"
                                                                "  url: http://example.com:8080/x\n"
                                                                "  start: 12:30\n"}});
        QCOMPARE(yaml.format(), Format::Colon);
        QCOMPARE(keys(yaml), (QList<QByteArray>{"name", "url", "start"}));
        QCOMPARE(yaml.rows()[1].values[0].text, QByteArray("http://example.com:8080/x"));
        QCOMPARE(yaml.parsedShare(), 0.75);
    }

    // Lines that are not settings in any format: timestamps, passwd lines, bare words.
    void colonNeedsABlankAfterIt()
    {
        const KeyValueTable table = KeyValueTable::build({Column{{0},
                                                                 "root:x:0:0:root:/root:/bin/bash\n"
                                                                 "12:30:00 started\n"
                                                                 "Key: value\n"}},
                                                         Format::Colon);
        QCOMPARE(keys(table), QList<QByteArray>{"Key"});
        QCOMPARE(table.parsedShare(), 1.0 / 3.0);
    }

    void majorityAndDeviations()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0, 1, 2}, "a = 1\nb = 2\n"},
            Column{{3}, "a = 1\nb = 3\n"},
            Column{{4, 5}, "a = 9\nb = 3\n"},
        });
        QCOMPARE(keys(table), (QList<QByteArray>{"a", "b"}));
        QCOMPARE(describe(find(table, "a")),
                 (QStringList{QStringLiteral("1:0,1,2,3"), QStringLiteral("9:4,5")}));
        // Three hosts each: the value seen first (reading the columns left to right) leads.
        QCOMPARE(describe(find(table, "b")),
                 (QStringList{QStringLiteral("2:0,1,2"), QStringLiteral("3:3,4,5")}));
        QVERIFY(table.rows()[0].differs());
        QCOMPARE(table.differingRowCount(), 2);
    }

    void absentKeys()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0}, "a=1\nb=2\nc=3\n"},
            Column{{1, 2}, "a=1\nc=3\n"},
            Column{{3}, "a=1\nb=2\n"},
        });
        QCOMPARE(keys(table), (QList<QByteArray>{"a", "b", "c"}));
        QCOMPARE(describe(find(table, "a")), QStringList{QStringLiteral("1:0,1,2,3")});
        QVERIFY(!find(table, "a")->differs());
        // A tie: present values first.
        QCOMPARE(describe(find(table, "b")),
                 (QStringList{QStringLiteral("2:0,3"), QStringLiteral("(absent):1,2")}));
        QCOMPARE(describe(find(table, "c")),
                 (QStringList{QStringLiteral("3:0,1,2"), QStringLiteral("(absent):3")}));
        QVERIFY(find(table, "c")->values[1].absent);
        QVERIFY(find(table, "c")->values[1].text.isEmpty());
        QCOMPARE(table.differingRowCount(), 2);

        // Absent sorts by its hosts like any value: a key most hosts lack has it first.
        const KeyValueTable rare = KeyValueTable::build({Column{{0}, "x=1\n"}, Column{{1, 2}, "y=1\n"}});
        QCOMPARE(describe(find(rare, "x")),
                 (QStringList{QStringLiteral("(absent):1,2"), QStringLiteral("1:0")}));
    }

    void repeatedKeyLastWins()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0}, "a=1\nb=x\na=2\n"},
            Column{{1}, "a=2\nb=x\n"},
            Column{{2}, "a=2\na=1\nb=x\n"},
        });
        QCOMPARE(keys(table), (QList<QByteArray>{"a", "b"}));
        QCOMPARE(describe(find(table, "a")), (QStringList{QStringLiteral("2:0,1"), QStringLiteral("1:2")}));
    }

    void commentsAreSkipped()
    {
        const KeyValueTable table = KeyValueTable::build({Column{{0},
                                                                 "# Port 2222 = old\n"
                                                                 "   # indented: comment\n"
                                                                 "\n"
                                                                 "port 22\n"
                                                                 "usedns no\n"}});
        QCOMPARE(table.format(), Format::Whitespace);
        QCOMPARE(keys(table), (QList<QByteArray>{"port", "usedns"}));
        QCOMPARE(table.parsedShare(), 1.0);
    }

    // Weighted by hosts: one odd host with a stray line among three clean ones.
    void parsedShare()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0, 1, 2}, "a=1\nb=2\n"},
            Column{{3}, "warning: something odd\na=1\n\n"},
        });
        QCOMPARE(table.format(), Format::Equals);
        QCOMPARE(table.parsedShare(), 7.0 / 8.0);

        const KeyValueTable prose = KeyValueTable::build({Column{{0}, "Hello\nWorld\n"}});
        QCOMPARE(prose.parsedShare(), 0.0);
        QVERIFY(prose.rows().isEmpty());

        const KeyValueTable empty = KeyValueTable::build({});
        QCOMPARE(empty.parsedShare(), 0.0);
        QCOMPARE(empty.hostCount(), 0);
    }

    void askedFormatIsUsed()
    {
        const KeyValueTable table = KeyValueTable::build({Column{{0}, sysctl("web01", "60")}}, Format::Colon);
        QCOMPARE(table.format(), Format::Colon);
        QVERIFY(table.rows().isEmpty()); // the one colon line has '=' in its key
        QCOMPARE(table.parsedShare(), 0.0);
    }

    void crlfAndLfAgree()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0}, "a = 1\r\nb = two words\r\n"},
            Column{{1}, "a = 1\nb = two words"},
        });
        QCOMPARE(table.differingRowCount(), 0);
        QCOMPARE(describe(find(table, "b")), QStringList{QStringLiteral("two words:0,1")});
    }

    // Hosts that list their keys in another order, or flip between two values, get the same table.
    void keyOrderAndValueOrderDoNotMatter()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{0}, "a=1\nb=2\nc=3\n"},
            Column{{1}, "c=3\na=1\nb=9\n"},
            Column{{2}, "b=2\nc=4\na=1\n"},
            Column{{3}, "a=1\nb=2\nc=3\n"},
            Column{{4}, "c=3\nb=9\na=1\nd=0\n"},
        });
        QCOMPARE(keys(table), (QList<QByteArray>{"a", "b", "c", "d"}));
        QCOMPARE(describe(find(table, "a")), QStringList{QStringLiteral("1:0,1,2,3,4")});
        QCOMPARE(describe(find(table, "b")),
                 (QStringList{QStringLiteral("2:0,2,3"), QStringLiteral("9:1,4")}));
        QCOMPARE(describe(find(table, "c")),
                 (QStringList{QStringLiteral("3:0,1,3,4"), QStringLiteral("4:2")}));
        QCOMPARE(describe(find(table, "d")),
                 (QStringList{QStringLiteral("(absent):0,1,2,3"), QStringLiteral("0:4")}));
    }

    void hostsAscending()
    {
        const KeyValueTable table = KeyValueTable::build({
            Column{{9, 2}, "k v\n"},
            Column{{5}, "k w\n"},
            Column{{3, 1}, "k v\n"},
            Column{{8, 4}, "j v\n"},
        });
        QCOMPARE(describe(find(table, "k")),
                 (QStringList{QStringLiteral("v:1,2,3,9"), QStringLiteral("(absent):4,8"),
                              QStringLiteral("w:5")}));
    }

    void cancelReturnsEmpty()
    {
        const std::atomic<bool> cancel{true};
        for (Format format : {Format::Detect, Format::Equals}) {
            const KeyValueTable table = KeyValueTable::build({Column{{0}, "a=1\n"}}, format, &cancel);
            QVERIFY(table.rows().isEmpty());
            QCOMPARE(table.hostCount(), 0);
            QCOMPARE(table.parsedShare(), 0.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyValueTable)
#include "tst_keyvaluetable.moc"
