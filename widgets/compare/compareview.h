#pragma once

#include "model/compare/outputgroups.h"
#include "model/compare/outputnormalizer.h"
#include "model/session/runsession.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Chorus {

class DiffView;
class KeyValueView;
class LineMatrixView;

// The compare view of a session tab: hosts that answered alike, as groups, largest first, each
// with its count and folded host set (web[01-03,07]). The largest group that succeeded is the
// reference, listed first, and the others are outliers; the side-by-side diff below shows the
// reference against the chosen group, endings included, with ignored lines greyed. The Lines tab
// shows every distinct line against the groups (LineMatrixView), the Key Values tab settings-shaped
// output one key per row (KeyValueView).
// Choosing a group selects its hosts (hostsSelected). What counts as alike can be loosened
// (white space, lines matching a pattern, stdout only) without touching the stored output. "Run
// again on the outliers / on the failed" only ask (rerunRequested); whoever owns the tab runs them.
//
// Hosts join the groups as they finish; the groups are made again from scratch only when the
// normalisation changes.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        RoleColumn,
        CountColumn,
        HostsColumn,
        EndingColumn,
        OutputColumn,
        ColumnCount
    };
    // The pages of viewTabs().
    enum ViewTab
    {
        GroupsTab,
        LinesTab,
        KeyValuesTab
    };

    explicit CompareView(RunSession *session, QWidget *parent = nullptr);

    RunSession *session() const { return m_session; }
    // As listed: the reference at 0, then largest first. Members are host indexes; stdoutData and
    // stderrData are the normalised grouping keys (the output as received is in the session).
    QList<OutputGroups::Group> groups() const { return m_list; }
    // Hosts of every group but the reference, ascending.
    QList<int> outliers() const;
    // Finished hosts that exited non-zero, failed or timed out, ascending.
    QList<int> failedHosts() const;
    const OutputNormalizer &normalizer() const { return m_normalizer; }

    void setIgnoreWhitespace(bool on);
    void setStdoutOnly(bool on);
    // False (and the previous pattern kept) when the pattern is not a valid regular expression.
    bool setIgnorePattern(const QString &pattern);
    // Selects the group at index of groups() and emits hostsSelected, as a click does.
    void selectGroup(int index);
    int selectedGroup() const; // -1: none

    QTreeWidget *groupList() const { return m_tree; }
    DiffView *diffView() const { return m_diff; }
    QTabWidget *viewTabs() const { return m_views; }
    LineMatrixView *lineMatrixView() const { return m_matrix; }
    KeyValueView *keyValueView() const { return m_keys; }
    QCheckBox *ignoreWhitespaceBox() const { return m_whitespace; }
    QCheckBox *stdoutOnlyBox() const { return m_stdoutOnly; }
    QLineEdit *ignorePatternEdit() const { return m_pattern; }
    QPushButton *rerunOutliersButton() const { return m_rerunOutliers; }
    QPushButton *rerunFailedButton() const { return m_rerunFailed; }

Q_SIGNALS:
    void hostsSelected(const QList<int> &hosts);
    void rerunRequested(const QList<int> &hosts);
    // "Check Hosts Like These" on a group: check exactly its hosts in the host panel.
    void checkRequested(const QList<int> &hosts);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hostsChanged(const QList<int> &hosts);
    bool addHost(int host);
    void regroup();
    void rebuildList();
    void showDiff();
    void rebuildShownTable();
    void applyPattern();
    QByteArray diffText(int host) const;
    QString outputPreview(int index) const;
    QString groupLabel(const OutputGroups::Group &group) const;

    QPointer<RunSession> m_session;
    OutputNormalizer m_normalizer;
    OutputGroups m_groups;
    QList<OutputGroups::Group> m_list;
    std::vector<bool> m_grouped; // per host: added to m_groups
    QCheckBox *m_whitespace;
    QCheckBox *m_stdoutOnly;
    QLineEdit *m_pattern;
    QLabel *m_patternError;
    QPushButton *m_rerunOutliers;
    QPushButton *m_rerunFailed;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    DiffView *m_diff;
    QTabWidget *m_views;
    LineMatrixView *m_matrix;
    KeyValueView *m_keys;
    QTimer m_tableTimer;
    QSet<QWidget *> m_stale; // tables whose groups changed since they were made
    QTimer m_patternTimer;
    QList<int> m_diffKey; // what the diff shows: reference host, other host, stdout only
    int m_selectedAtPress = -1;
};

} // namespace Chorus
