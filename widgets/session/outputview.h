#pragma once

#include "model/session/runsession.h"
#include "widgets/session/ansitext.h"
#include "widgets/session/plaintextfindtarget.h"

#include <QGuiApplication>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QToolButton;

namespace Chorus {

class FindBar;

// One output view of a session tab: a single host's output (stdout and stderr in arrival order,
// stderr in its own colour) or "All hosts" (complete lines, each prefixed with its host's name).
// Monospace, ANSI colours rendered and every other escape sequence dropped; search (Ctrl+F),
// copy, a wrap toggle, and saving the bytes as received.
//
// It pulls new text from the RunSession when the session says that buffer grew, and only while
// it is visible: a hidden view catches up when shown. It keeps about as much text as the
// session's display limit and says how many bytes it does not show.
class OutputView : public QWidget
{
    Q_OBJECT
public:
    // Inserting into a document near its cap (the All hosts view: 2 M characters) costs about 1 ms
    // per KiB: 8 KiB slices keep the GUI thread answering while a flood is shown (heartbeat p99
    // 136 -> 43 ms with 1,000 hosts streaming, against 32 KiB slices).
    static constexpr qint64 SliceChars = 8 * 1024;

    // host: an index into the run, or RunSession::AllHosts.
    OutputView(RunSession *session, int host, QWidget *parent = nullptr);

    int host() const { return m_host; }
    RunSession *session() const { return m_session; }
    QPlainTextEdit *textEdit() const { return m_text; }
    FindBar *findBar() const { return m_findBar; }
    QString plainText() const;

    void setWrap(bool on);
    bool wrap() const;

    // "All hosts" shows only these hosts' lines (the status table's filter); nullopt: every host.
    // A change shows the kept text again from its start, filtered.
    void setHostFilter(const std::optional<QSet<int>> &hosts);
    const std::optional<QSet<int>> &hostFilter() const { return m_hostFilter; }

    // The colour stderr text is shown in, where no ANSI colour says otherwise.
    static QColor stderrColor(const QPalette &palette = QGuiApplication::palette());

    // Writes what saving offers, without asking for a file: one stream of this host, or for
    // "All hosts" NAME.out and NAME.err per finished host into `directory`.
    bool saveStream(bool isStderr, const QString &path, QString *error = nullptr) const;
    bool saveAll(const QString &directory, QString *error = nullptr) const;

public Q_SLOTS:
    // Shows what the session has that this view does not yet (only while visible), a slice
    // of at most SliceChars at a time with the event loop running in between.
    void refresh();
    // Selection, or everything when nothing is selected.
    void copy();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buffersChanged(const QList<int> &buffers);
    qint64 render(const QList<RunSession::Segment> &segments);
    void trimFront();
    void updateNotes();
    void updateSaveActions();
    void chooseAndSave(bool isStderr);
    void chooseAndSaveAll();
    AnsiText &reader(int host, bool isStderr);
    qint64 limit() const;

    QPointer<RunSession> m_session;
    int m_host;
    QPlainTextEdit *m_text;
    std::unique_ptr<PlainTextFindTarget> m_findTarget; // before the bar, which uses it
    FindBar *m_findBar;
    QLabel *m_notShown;
    QToolButton *m_wrap;
    QToolButton *m_save;
    QAction *m_saveStdout = nullptr;
    QAction *m_saveStderr = nullptr;
    QAction *m_saveAll = nullptr;
    QHash<int, AnsiText> m_readers; // per host and stream: host * 2 + isStderr
    std::optional<QSet<int>> m_hostFilter;
    qint64 m_position = 0;          // in the session's buffer: how far this view has shown
    bool m_stale = false;
    bool m_skipPartialLine = false; // jumped into the middle of a line: start at the next one
    QTimer m_nextSlice;
};

} // namespace Chorus
