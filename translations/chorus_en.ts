<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Chorus::CredentialDialog</name>
    <message numerus="yes">
        <source>Use it for the %n host(s) asking the same</source>
        <translation>
            <numerusform>Use it for the %n host asking the same</numerusform>
            <numerusform>Use it for the %n hosts asking the same</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::ExportMenu</name>
    <message numerus="yes">
        <source>Saved to %1. The output of %n host(s) was longer than the run kept, so only its start is in the export: %2. To keep every byte, run with chorus run -o DIR.</source>
        <translation>
            <numerusform>Saved to %1. The output of %n host was longer than the run kept, so only its start is in the export: %2. To keep every byte, run with chorus run -o DIR.</numerusform>
            <numerusform>Saved to %1. The output of %n hosts was longer than the run kept, so only its start is in the export: %2. To keep every byte, run with chorus run -o DIR.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryChart</name>
    <message numerus="yes">
        <source>%n run(s) of “%1” over time</source>
        <translation>
            <numerusform>%n run of “%1” over time</numerusform>
            <numerusform>%n runs of “%1” over time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) of “%1” on %2 over time</source>
        <translation>
            <numerusform>%n run of “%1” on %2 over time</numerusform>
            <numerusform>%n runs of “%1” on %2 over time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::HistoryPanel</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::HostKeyDialog</name>
    <message numerus="yes">
        <source>%n host(s) offered a key that is not in known_hosts. Compare the fingerprints with what the hosts' administrators published before accepting.</source>
        <translation>
            <numerusform>%n host offered a key that is not in known_hosts. Compare the fingerprints with what the hosts' administrators published before accepting.</numerusform>
            <numerusform>%n hosts offered a key that is not in known_hosts. Compare the fingerprints with what the hosts' administrators published before accepting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::HostModel</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::KeyValueModel</name>
    <message numerus="yes">
        <source>%n host(s): %1</source>
        <translation>
            <numerusform>%n host: %1</numerusform>
            <numerusform>%n hosts: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) — %1 (%2)</source>
        <extracomment>The values of a key past the last column, folded into one cell: how many, the hosts that have them (a folded host set) and how many hosts, e.g. "187 more values — web[010-196] (187)".</extracomment>
        <translation>
            <numerusform>%n more value — %1 (%2)</numerusform>
            <numerusform>%n more values — %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::KeyValueView</name>
    <message numerus="yes">
        <source>All %n key(s) have the same value on every host (format: %1).</source>
        <translation>
            <numerusform>The %n key has the same value on every host (format: %1).</numerusform>
            <numerusform>All %n keys have the same value on every host (format: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 keys differ (format: %2).</source>
        <translation>
            <numerusform>%n of %1 keys differs (format: %2).</numerusform>
            <numerusform>%n of %1 keys differ (format: %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) match the filter.</source>
        <translation>
            <numerusform>%n key matches the filter.</numerusform>
            <numerusform>%n keys match the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::LineMatrixModel</name>
    <message numerus="yes">
        <source>on all %n</source>
        <translation>
            <numerusform>on all %n</numerusform>
            <numerusform>on all %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on all but %n</source>
        <translation>
            <numerusform>on all but %n</numerusform>
            <numerusform>on all but %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only on %n</source>
        <translation>
            <numerusform>only on %n</numerusform>
            <numerusform>only on %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) printed this line</source>
        <translation>
            <numerusform>%n host printed this line</numerusform>
            <numerusform>%n hosts printed this line</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s)</source>
        <translation>
            <numerusform>%1: %n host</numerusform>
            <numerusform>%1: %n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::LineMatrixView</name>
    <message numerus="yes">
        <source>%1 of %n line(s) differ</source>
        <translation>
            <numerusform>%1 of %n line differ</numerusform>
            <numerusform>%1 of %n lines differ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::MainWindow</name>
    <message numerus="yes">
        <source>Not run on %n host(s) no longer in the host list: %1</source>
        <translation>
            <numerusform>Not run on %n host no longer in the host list: %1</numerusform>
            <numerusform>Not run on %n hosts no longer in the host list: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n host(s) and their saved secrets?</source>
        <translation>
            <numerusform>Delete %n host and its saved secrets?</numerusform>
            <numerusform>Delete %n hosts and their saved secrets?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file copy run(s) still going. Quitting stops them: the files being written are removed, and no file is left half-written under its real name.</source>
        <translation>
            <numerusform>%n file copy run still going. Quitting stops it: the file being written is removed, and no file is left half-written under its real name.</numerusform>
            <numerusform>%n file copy runs still going. Quitting stops them: the files being written are removed, and no file is left half-written under its real name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Commands are still running on %n host(s). Quitting stops them.</source>
        <translation>
            <numerusform>Commands are still running on %n host. Quitting stops it.</numerusform>
            <numerusform>Commands are still running on %n hosts. Quitting stops them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s) (%1 not shown)</source>
        <translation>
            <numerusform>&amp;Run on %n host (%1 not shown)</numerusform>
            <numerusform>&amp;Run on %n hosts (%1 not shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n host(s)</source>
        <translation>
            <numerusform>&amp;Run on %n host</numerusform>
            <numerusform>&amp;Run on %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run “%1” on %n host(s)?</source>
        <translation>
            <numerusform>Run “%1” on %n host?</numerusform>
            <numerusform>Run “%1” on %n hosts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are hidden by the host filter.</source>
        <translation>
            <numerusform>%n of them is hidden by the host filter.</numerusform>
            <numerusform>%n of them are hidden by the host filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run on %n Host(s)</source>
        <translation>
            <numerusform>&amp;Run on %n Host</numerusform>
            <numerusform>&amp;Run on %n Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Testing the connection to %n host(s)...</source>
        <translation>
            <numerusform>Testing the connection to %n host...</numerusform>
            <numerusform>Testing the connection to %n hosts...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) connected and ran a command.</source>
        <translation>
            <numerusform>%1 of %n host connected and ran a command.</numerusform>
            <numerusform>%1 of %n hosts connected and ran a command.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... and %n more.</numerusform>
            <numerusform>... and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run finished: all %n host(s) ok</source>
        <translation>
            <numerusform>Run finished: the %n host is ok</numerusform>
            <numerusform>Run finished: all %n hosts ok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run finished: %1 of %n host(s) not ok</source>
        <translation>
            <numerusform>Run finished: %1 of %n host not ok</numerusform>
            <numerusform>Run finished: %1 of %n hosts not ok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s) for the next command.</source>
        <translation>
            <numerusform>Checked %n host for the next command.</numerusform>
            <numerusform>Checked %n hosts for the next command.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run a local script on %n host(s)</source>
        <translation>
            <numerusform>Run a local script on %n host</numerusform>
            <numerusform>Run a local script on %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shell(s) still open. Closing hangs them up; what runs in them gets SIGHUP.</source>
        <translation>
            <numerusform>%n shell still open. Closing hangs it up; what runs in it gets SIGHUP.</numerusform>
            <numerusform>%n shells still open. Closing hangs them up; what runs in them gets SIGHUP.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::SessionStatusModel</name>
    <message numerus="yes">
        <source>%n file(s) copied, %1 skipped as the overwrite policy says</source>
        <translation>
            <numerusform>%n file copied, %1 skipped as the overwrite policy says</numerusform>
            <numerusform>%n files copied, %1 skipped as the overwrite policy says</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::SessionView</name>
    <message numerus="yes">
        <source>%n host(s) have not finished. Cancelling stops the command on them.</source>
        <translation>
            <numerusform>%n host has not finished. Cancelling stops the command on it.</numerusform>
            <numerusform>%n hosts have not finished. Cancelling stops the command on them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Cancel %n Host(s)</source>
        <translation>
            <numerusform>&amp;Cancel %n Host</numerusform>
            <numerusform>&amp;Cancel %n Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::TerminalGroup</name>
    <message numerus="yes">
        <source>Terminals: %1 and %n more</source>
        <translation>
            <numerusform>Terminals: %1 and %n more</numerusform>
            <numerusform>Terminals: %1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n line(s) into %1 terminals?</source>
        <translation>
            <numerusform>Paste %n line into %1 terminals?</numerusform>
            <numerusform>Paste %n lines into %1 terminals?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Typing goes to %1 of %n terminal(s).</source>
        <translation>
            <numerusform>Typing goes to %1 of %n terminal.</numerusform>
            <numerusform>Typing goes to %1 of %n terminals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chorus::TransferDialog</name>
    <message numerus="yes">
        <source>Copy Files on %n Host(s)</source>
        <translation>
            <numerusform>Copy Files on %n Host</numerusform>
            <numerusform>Copy Files on %n Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatherReport</name>
    <message numerus="yes">
        <source>%n distinct line(s)</source>
        <translation>
            <numerusform>%n distinct line</numerusform>
            <numerusform>%n distinct lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostCommand</name>
    <message numerus="yes">
        <source>%1@%2's password (used for %1 on %n host(s)): </source>
        <translation>
            <numerusform>%1@%2's password (used for %1 on %n host): </numerusform>
            <numerusform>%1@%2's password (used for %1 on %n hosts): </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1@%2: %3 (used for %1 on %n host(s)) </source>
        <translation>
            <numerusform>%1@%2: %3 (used for %1 on %n host) </numerusform>
            <numerusform>%1@%2: %3 (used for %1 on %n hosts) </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostsCli</name>
    <message numerus="yes">
        <source>Removed %n host(s).</source>
        <translation>
            <numerusform>Removed %n host.</numerusform>
            <numerusform>Removed %n hosts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message numerus="yes">
        <source>Chorus started from the backup %1 (saved %2, %n host(s)): changes made after that are not in the list.</source>
        <translation>
            <numerusform>Chorus started from the backup %1 (saved %2, %n host): changes made after that are not in the list.</numerusform>
            <numerusform>Chorus started from the backup %1 (saved %2, %n hosts): changes made after that are not in the list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PsshImporter</name>
    <message numerus="yes">
        <source>expected "[user@]host[:port] [user]", found %n fields</source>
        <translation>
            <numerusform>expected "[user@]host[:port] [user]", found %n field</numerusform>
            <numerusform>expected "[user@]host[:port] [user]", found %n fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCli</name>
    <message numerus="yes">
        <source>%n host(s) in %1 s</source>
        <translation>
            <numerusform>%n host in %1 s</numerusform>
            <numerusform>%n hosts in %1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in %1 s, %2 in flight</source>
        <translation>
            <numerusform>%n host in %1 s, %2 in flight</numerusform>
            <numerusform>%n hosts in %1 s, %2 in flight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SshConnection</name>
    <message numerus="yes">
        <source>the server closed the connection before it sent its SSH banner (%n attempt(s))</source>
        <translation>
            <numerusform>the server closed the connection before it sent its SSH banner (%n attempt)</numerusform>
            <numerusform>the server closed the connection before it sent its SSH banner (%n attempts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetResolver</name>
    <message numerus="yes">
        <source>%n host profiles are named "%1"; use an id: %2</source>
        <translation>
            <numerusform>%n host profile is named "%1"; use an id: %2</numerusform>
            <numerusform>%n host profiles are named "%1"; use an id: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransferCli</name>
    <message numerus="yes">
        <source>%1: %n file(s), %2, %3 in %4 s</source>
        <translation>
            <numerusform>%1: %n file, %2, %3 in %4 s</numerusform>
            <numerusform>%1: %n files, %2, %3 in %4 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left as they were</source>
        <translation>
            <numerusform>%n left as it was</numerusform>
            <numerusform>%n left as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s), %2 in %3 s</source>
        <translation>
            <numerusform>%1: %n file, %2 in %3 s</numerusform>
            <numerusform>%1: %n files, %2 in %3 s</numerusform>
        </translation>
    </message>
</context>
</TS>
