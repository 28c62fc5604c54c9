#pragma once

#include <QString>
#include <QStringList>

namespace Chorus {

// Host sets: many similar host names written as one short text, the way ClusterShell's nodeset
// and Ansible inventories do ("web[01-20].example.com,db1"). Lets a user name a whole fleet in one
// field, and lets the app show a long host list back to them compactly.
//
// Grammar understood by expand():
//   - items are separated by commas (or white space) outside brackets;
//   - an item may hold several bracket groups; the names are their cartesian product, the first
//     group varying slowest ("a[1-2]b[1-2]" -> a1b1 a1b2 a2b1 a2b2);
//   - a bracket group is a comma list of numbers and ranges: "7", "1-3", "1-9/2" (every 2nd),
//     or the Ansible forms "1:3" and "1:9:2"; a bound with a leading zero pads every name of that
//     range to its width, so both bounds must then have the same width ("[08-10]" -> 08 09 10);
//   - a bracket group holding an IPv6 address ("root@[::1]:2222") is not a range and stays as it is;
//   - items starting with '@' are group references and are returned untouched.
//
// fold() is the reverse and never changes what a name means: expand(fold(x)) gives back exactly the
// names of x. To keep that promise and stay readable, it folds on the last run of digits of the host
// part only: a "user@" prefix and a ":port" suffix are carried along but never turned into ranges
// ("root@n1:2222,root@n2:2222" -> "root@n[1-2]:2222"; "h:22,h:23" stays as it is). IPv4 addresses fold
// on their last octet like ClusterShell does ("127.0.0.[2-3]"), which expands back to the same
// addresses. Left exactly as given: IPv6 addresses (hex groups are not decimal numbers), '@' group
// references, names without digits, and names holding brackets, commas or white space. The last two
// cannot be spelled in this grammar at all, so such strings do not survive a round trip (they are not
// host names anyway).
class HostSet
{
public:
    // Expands spec into plain names, without duplicates, in first-occurrence order. A blank spec is an
    // empty set. On error returns false and *error names what was wrong and where, e.g.
    // malformed range "[3-1]" in "web[3-1]": start is greater than end.
    // More than MaxNames names (in one item or in all) is refused as a probable typo.
    static bool expand(const QString &spec, QStringList *hosts, QString *error);

    // "web01,web02,web03,web07,db1" -> "db1,web[01-03,07]": sorted by pattern, then by number.
    static QString fold(const QStringList &hosts);

    static constexpr qint64 MaxNames = 100000;
};

} // namespace Chorus
