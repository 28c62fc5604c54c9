#include "app/cli/gatherreport.h"

#include "model/core/printable.h"
#include "model/history/resultjson.h"
#include "model/ssh/hostset.h"

#include <QCoreApplication>

namespace Chorus {

namespace {

// The host-set column is padded so the lines start in one column; a host set longer than this
// (hosts scattered across a large fleet) goes past it rather than pushing every row to the right.
constexpr qsizetype MaxHostSetWidth = 40;

bool ranToItsEnd(const HostResult &result)
{
    return (result.outcome == HostOutcome::Ok || result.outcome == HostOutcome::NonZeroExit) &&
           result.stdoutBytes <= result.stdoutData.size();
}

} // namespace

GatherReport::GatherReport(const QStringList &labels, const QList<HostResult> &results,
                           const QList<OutputGroups::Group> &groups, const QStringList &endings)
    : m_labels(labels), m_results(results), m_groups(groups), m_endings(endings)
{}

void GatherReport::buildMatrix()
{
    QList<LineMatrix::Column> columns;
    m_leftOut.clear();
    for (const OutputGroups::Group &group : std::as_const(m_groups)) {
        LineMatrix::Column column;
        column.output = group.stdoutData;
        for (int id : group.members) {
            if (ranToItsEnd(m_results.at(id)))
                column.hosts.append(id);
            else
                m_leftOut.append(id);
        }
        if (!column.hosts.isEmpty())
            columns.append(column);
    }
    std::sort(m_leftOut.begin(), m_leftOut.end());
    m_matrix = LineMatrix::build(columns);
    m_matrixBuilt = true;
}

QString GatherReport::printableLine(const QByteArray &line)
{
    // printable() stops at maxChars characters; a line has no more characters than bytes.
    return printable(QByteArrayView(line), line.size());
}

QString GatherReport::hostSet(const QList<int> &ids) const
{
    QStringList names;
    names.reserve(ids.size());
    for (int id : ids)
        names.append(m_labels.at(id));
    return HostSet::fold(names);
}

QList<int> GatherReport::hostsWithout(const LineMatrix::Row &row) const
{
    QList<int> others;
    qsizetype next = 0; // row.columns is ascending
    for (int column = 0; column < int(m_matrix.columns().size()); ++column) {
        if (next < row.columns.size() && row.columns[next] == column)
            ++next;
        else
            others.append(column);
    }
    return m_matrix.hostsOf(others);
}

// "  3/200  not on web[03,17,44]  openssl-3.0.2": one row per line, so grep finds a line with its
// hosts; the count first and right-aligned, so the rows read as a column of numbers; the host set
// names whichever side is smaller, since "on all but web03" is what a reader wants to see, not 199
// names.
QByteArray GatherReport::matrixText() const
{
    const int total = m_matrix.hostCount();
    const QString totalText = QString::number(total);
    struct Printed
    {
        QString count;
        QString where;
        QString line;
    };
    QList<Printed> printed;
    qsizetype whereWidth = 0;
    for (const LineMatrix::Row &row : m_matrix.rows()) {
        if (row.hosts >= total)
            continue;
        const QString where =
            row.hosts * 2 < total
                ? QCoreApplication::translate("GatherReport", "on %1")
                      .arg(hostSet(m_matrix.hostsOf(row.columns)))
                : QCoreApplication::translate("GatherReport", "not on %1").arg(hostSet(hostsWithout(row)));
        whereWidth = qMax(whereWidth, qMin(where.size(), MaxHostSetWidth));
        printed.append({QString::number(row.hosts) + u'/' + totalText, where, printableLine(row.line)});
    }
    const qsizetype countWidth = totalText.size() * 2 + 1;
    QString text;
    for (const Printed &row : std::as_const(printed)) {
        text += QStringLiteral("  ") + row.count.rightJustified(countWidth) + QStringLiteral("  ") +
                row.where.leftJustified(whereWidth) + QStringLiteral("  ") + row.line + u'\n';
    }
    // Each count reads on its own, so each carries its own plural.
    const QString lines = QCoreApplication::translate("GatherReport", "%n distinct line(s)", nullptr,
                                                      int(m_matrix.rows().size()));
    const QString hosts = QCoreApplication::translate("GatherReport", "%n host(s)", nullptr, total);
    const QString groups =
        QCoreApplication::translate("GatherReport", "%n group(s)", nullptr, int(m_matrix.columns().size()));
    text += QCoreApplication::translate("GatherReport", "%1, %2 of them not on every host; %3 in %4")
                .arg(lines, QString::number(printed.size()), hosts, groups) +
            u'\n';
    return text.toUtf8();
}

void GatherReport::appendHosts(QByteArray *out, const QList<int> &ids) const
{
    *out += "\"hosts\":[";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            *out += ',';
        ResultJson::appendString(out, m_labels.at(ids[i]).toUtf8());
    }
    *out += "],\"hostset\":";
    ResultJson::appendString(out, hostSet(ids).toUtf8());
    *out += ",\"count\":" + QByteArray::number(ids.size());
}

// No "host" field, which every host object has: that is how a reader of the JSON Lines tells them
// apart. The group's fields are the host objects' names for the same things.
QByteArray GatherReport::jsonLine(int round) const
{
    QByteArray line = "{";
    if (round >= 0)
        line += "\"round\":" + QByteArray::number(round) + ',';
    line += "\"groups\":[";
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        const OutputGroups::Group &group = m_groups[g];
        QList<int> ids = group.members;
        std::sort(ids.begin(), ids.end());
        // Every member ended alike (that is what put them in one group): the first speaks for all.
        const HostResult &r = m_results.at(group.members.first());
        line += g > 0 ? ",{" : "{";
        appendHosts(&line, ids);
        ResultJson::appendExit(&line, r);
        ResultJson::appendError(&line, r, ending(g));
        line += ",\"truncated\":";
        line += r.truncated() ? "true" : "false";
        line += '}';
    }
    line += ']';
    if (m_matrixBuilt) {
        line += ",\"matrix\":[";
        bool first = true;
        for (const LineMatrix::Row &row : m_matrix.rows()) {
            if (row.hosts >= m_matrix.hostCount())
                continue;
            line += first ? "{" : ",{";
            first = false;
            ResultJson::appendField(&line, "line", row.line);
            line += ',';
            appendHosts(&line, m_matrix.hostsOf(row.columns));
            line += '}';
        }
        line += "],\"matrix_lines\":" + QByteArray::number(m_matrix.rows().size());
        line += ",\"matrix_left_out\":[";
        for (qsizetype i = 0; i < m_leftOut.size(); ++i) {
            if (i > 0)
                line += ',';
            ResultJson::appendString(&line, m_labels.at(m_leftOut[i]).toUtf8());
        }
        line += ']';
    }
    line += "}\n";
    return line;
}

} // namespace Chorus
