#include "widgets/session/outputview.h"

#include "widgets/session/findbar.h"
#include "widgets/style/theme.h"
#include "widgets/style/uilog.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Chorus {

namespace {

// A host name as a file name: no directories, nothing hidden.
QString fileNameFor(const QString &hostName)
{
    QString name = hostName;
    name.replace(u'/', u'_');
    if (name.startsWith(u'.'))
        name.prepend(u'_');
    return name;
}

} // namespace

OutputView::OutputView(RunSession *session, int host, QWidget *parent)
    : QWidget(parent), m_session(session), m_host(host)
{
    setObjectName(host == RunSession::AllHosts ? QStringLiteral("allHostsOutput")
                                               : QStringLiteral("hostOutput%1").arg(host));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_notShown = new QLabel;
    m_notShown->setObjectName(QStringLiteral("notShownLabel"));
    m_notShown->setForegroundRole(QPalette::PlaceholderText);
    m_notShown->hide();
    bar->addWidget(m_notShown, 1);
    bar->addStretch();

    auto *find = new QToolButton;
    find->setObjectName(QStringLiteral("findButton"));
    find->setText(tr("Find"));
    find->setToolTip(tr("Find in this output (%1)")
                         .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    find->setAutoRaise(true);
    find->setIcon(Theme::icon(QStringLiteral("edit-find")));
    find->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(find);

    m_wrap = new QToolButton;
    m_wrap->setObjectName(QStringLiteral("wrapButton"));
    m_wrap->setText(tr("Wrap"));
    m_wrap->setToolTip(tr("Wrap long lines at the window's edge"));
    m_wrap->setCheckable(true);
    m_wrap->setAutoRaise(true);
    m_wrap->setIcon(Theme::icon(QStringLiteral("text-wrap")));
    m_wrap->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(m_wrap);

    auto *copyButton = new QToolButton;
    copyButton->setObjectName(QStringLiteral("copyButton"));
    copyButton->setText(tr("Copy"));
    copyButton->setToolTip(tr("Copy the selection, or all of the text shown when nothing is selected"));
    copyButton->setAutoRaise(true);
    copyButton->setIcon(Theme::icon(QStringLiteral("edit-copy")));
    copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(copyButton, &QToolButton::clicked, this, &OutputView::copy);
    bar->addWidget(copyButton);

    m_save = new QToolButton;
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAutoRaise(true);
    m_save->setIcon(Theme::icon(QStringLiteral("document-save")));
    m_save->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_save->setPopupMode(QToolButton::InstantPopup);
    auto *saveMenu = new QMenu(m_save);
    if (host == RunSession::AllHosts) {
        m_save->setText(tr("Save All"));
        m_saveAll = saveMenu->addAction(tr("Save each host's output to a folder…"));
        m_saveAll->setObjectName(QStringLiteral("saveAllAction"));
        m_saveAll->setToolTip(tr("Writes NAME.out (stdout) and NAME.err (stderr) for every finished host, "
                                 "the bytes exactly as received"));
        connect(m_saveAll, &QAction::triggered, this, &OutputView::chooseAndSaveAll);
    } else {
        m_save->setText(tr("Save"));
        m_saveStdout = saveMenu->addAction(tr("Save stdout as…"));
        m_saveStdout->setObjectName(QStringLiteral("saveStdoutAction"));
        m_saveStderr = saveMenu->addAction(tr("Save stderr as…"));
        m_saveStderr->setObjectName(QStringLiteral("saveStderrAction"));
        connect(m_saveStdout, &QAction::triggered, this, [this] { chooseAndSave(false); });
        connect(m_saveStderr, &QAction::triggered, this, [this] { chooseAndSave(true); });
    }
    saveMenu->setToolTipsVisible(true);
    m_save->setMenu(saveMenu);
    bar->addWidget(m_save);
    layout->addLayout(bar);

    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("outputText"));
    m_text->setAccessibleName(host == RunSession::AllHosts ? tr("Output of all hosts")
                                                           : tr("Output of %1").arg(session->hostName(host)));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false); // an undo stack would hold every byte ever shown
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(Theme::fixedFont());
    m_text->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_text, 1);

    m_findTarget = std::make_unique<PlainTextFindTarget>(m_text);
    m_findBar = new FindBar(m_findTarget.get());
    m_findBar->setObjectName(QStringLiteral("findBar"));
    layout->addWidget(m_findBar);

    connect(find, &QToolButton::clicked, m_findBar, &FindBar::activate);
    connect(m_wrap, &QToolButton::toggled, this, &OutputView::setWrap);
    setWrap(true);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, [this] { m_findBar->activate(); });
    shortcut(QKeySequence::FindNext, [this] {
        if (m_findBar->isHidden() || m_findBar->text().isEmpty())
            m_findBar->activate();
        else
            m_findBar->findNext();
    });
    shortcut(QKeySequence::FindPrevious, [this] {
        if (m_findBar->isHidden() || m_findBar->text().isEmpty())
            m_findBar->activate();
        else
            m_findBar->findPrevious();
    });

    if (session) {
        connect(session, &RunSession::outputChanged, this, &OutputView::buffersChanged);
        connect(session, &RunSession::hostsChanged, this, [this](const QList<int> &hosts) {
            if (m_host == RunSession::AllHosts || std::binary_search(hosts.begin(), hosts.end(), m_host))
                updateSaveActions();
        });
    }
    updateSaveActions();
    m_stale = true;
    m_nextSlice.setSingleShot(true);
    m_nextSlice.setInterval(0);
    connect(&m_nextSlice, &QTimer::timeout, this, &OutputView::refresh);
}

QString OutputView::plainText() const
{
    return m_text->toPlainText();
}

void OutputView::setWrap(bool on)
{
    m_text->setLineWrapMode(on ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    // Long unbroken words (base64, paths) wrap too.
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    if (m_wrap->isChecked() != on)
        m_wrap->setChecked(on);
}

bool OutputView::wrap() const
{
    return m_text->lineWrapMode() != QPlainTextEdit::NoWrap;
}

void OutputView::setHostFilter(const std::optional<QSet<int>> &hosts)
{
    if (hosts == m_hostFilter)
        return;
    m_hostFilter = hosts;
    // Lines of hosts that were skipped cannot be put back in place: show everything kept again.
    m_text->clear();
    m_readers.clear();
    m_position = -1;
    m_stale = true;
    refresh();
}

QColor OutputView::stderrColor(const QPalette &palette)
{
    // Orange: apart from ANSI red, and made readable on the palette's background.
    return Theme::warningText(palette);
}

qint64 OutputView::limit() const
{
    if (!m_session)
        return 0;
    return m_host == RunSession::AllHosts ? m_session->allHostsDisplayLimit() : m_session->displayLimit();
}

AnsiText &OutputView::reader(int host, bool isStderr)
{
    const int key = host * 2 + (isStderr ? 1 : 0);
    auto it = m_readers.find(key);
    if (it == m_readers.end()) {
        QTextCharFormat base;
        if (isStderr)
            base.setForeground(stderrColor());
        AnsiText reader(base);
        reader.setContrastBackground(m_text->palette().color(QPalette::Base));
        it = m_readers.insert(key, reader);
    }
    return *it;
}

void OutputView::buffersChanged(const QList<int> &buffers)
{
    if (std::binary_search(buffers.begin(), buffers.end(), m_host))
        refresh();
}

void OutputView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void OutputView::refresh()
{
    if (!m_session)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const qint64 start = m_session->outputStart(m_host);
    const qint64 end = m_session->outputEnd(m_host);
    const qint64 cap = limit();
    if (m_position < start || (cap > 0 && end - m_position > cap && !m_hostFilter)) {
        // More is waiting than the view keeps, or text it never showed is gone from the session:
        // start again with the newest part, rather than show what would be cut off at once. A
        // filtered view reads all that is kept: the hosts it shows may have little of it.
        m_text->clear();
        m_readers.clear();
        m_position = cap > 0 && !m_hostFilter ? qMax(start, end - cap) : start;
        m_skipPartialLine = m_position > start;
    }
    if (end > m_position) {
        m_position += render(m_session->output(m_host, m_position, SliceChars));
        if (m_position < end)
            m_nextSlice.start();
        else if (m_findBar->isVisible())
            m_findBar->refresh();
    }
    updateNotes();
}

qint64 OutputView::render(const QList<RunSession::Segment> &segments)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 1;
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    qint64 consumed = 0;
    for (const RunSession::Segment &segment : segments) {
        consumed += segment.text.size();
        if (m_hostFilter && !m_hostFilter->contains(segment.host))
            continue;
        QStringView text = segment.text;
        if (m_skipPartialLine) {
            const qsizetype newline = text.indexOf(u'\n');
            if (newline < 0)
                continue;
            text = text.mid(newline + 1);
            m_skipPartialLine = false;
        }
        for (const AnsiText::Run &run : reader(segment.host, segment.isStderr).parse(text))
            cursor.insertText(run.text, run.format);
    }
    cursor.endEditBlock();
    trimFront();
    if (follow)
        bar->setValue(bar->maximum());
    return consumed;
}

void OutputView::trimFront()
{
    const qint64 cap = limit();
    QTextDocument *document = m_text->document();
    const qint64 chars = document->characterCount();
    // A margin, so that the front is cut now and then rather than on every append; not more,
    // as cutting costs about as much as inserting.
    if (cap <= 0 || chars <= cap + qMin<qint64>(cap / 4, 4 * SliceChars))
        return;
    QTextBlock keep = document->findBlock(int(chars - cap));
    if (keep.isValid() && keep.position() < chars - cap)
        keep = keep.next();
    if (!keep.isValid() || keep.position() <= 0)
        return;
    QTextCursor cursor(document);
    cursor.setPosition(keep.position(), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
}

void OutputView::updateNotes()
{
    const qint64 hidden = m_session ? m_session->bytesNotShown(m_host) : 0;
    if (hidden <= 0) {
        m_notShown->hide();
        return;
    }
    const QLocale locale;
    m_notShown->setText(tr("%1 bytes not shown: the view keeps the last %2")
                            .arg(locale.toString(hidden), locale.formattedDataSize(limit(), 1)));
    m_notShown->setToolTip(
        m_host == RunSession::AllHosts
            ? tr("Save All writes each host's whole output (up to the run's output limit) to files.")
            : tr("Save writes all the host sent (up to the run's output limit) to a file."));
    m_notShown->show();
}

void OutputView::updateSaveActions()
{
    if (!m_session)
        return;
    if (m_host == RunSession::AllHosts) {
        bool any = false;
        for (int h = 0; h < m_session->hostCount() && !any; ++h)
            any = m_session->isHostFinished(h);
        m_saveAll->setEnabled(any);
        m_save->setToolTip(any ? m_saveAll->toolTip() : tr("Available once a host has finished"));
        return;
    }
    const bool finished = m_session->isHostFinished(m_host);
    m_saveStdout->setEnabled(finished);
    m_saveStderr->setEnabled(finished);
    if (!finished) {
        m_save->setToolTip(tr("Available once the host has finished"));
        return;
    }
    const HostResult &r = m_session->result(m_host);
    const QLocale locale;
    m_saveStdout->setText(tr("Save stdout as… (%1)").arg(locale.formattedDataSize(r.stdoutData.size(), 1)));
    m_saveStderr->setText(tr("Save stderr as… (%1)").arg(locale.formattedDataSize(r.stderrData.size(), 1)));
    const QString exact = tr("The bytes exactly as received, without colours removed or anything added.");
    const QString limited = tr("Only the first %1 of %2 bytes: the run's output limit.");
    m_saveStdout->setToolTip(
        r.stdoutBytes > r.stdoutData.size() ? limited.arg(r.stdoutData.size()).arg(r.stdoutBytes) : exact);
    m_saveStderr->setToolTip(
        r.stderrBytes > r.stderrData.size() ? limited.arg(r.stderrData.size()).arg(r.stderrBytes) : exact);
    m_save->setToolTip(tr("Save this host's stdout or stderr, each to its own file"));
}

bool OutputView::saveStream(bool isStderr, const QString &path, QString *error) const
{
    if (!m_session || m_host == RunSession::AllHosts) {
        if (error)
            *error = tr("Not a single host's output.");
        return false;
    }
    return m_session->saveOutput(m_host, isStderr, path, error);
}

bool OutputView::saveAll(const QString &directory, QString *error) const
{
    if (!m_session)
        return false;
    const QDir dir(directory);
    for (int h = 0; h < m_session->hostCount(); ++h) {
        if (!m_session->isHostFinished(h))
            continue;
        const QString base = dir.filePath(fileNameFor(m_session->hostName(h)));
        if (!m_session->saveOutput(h, false, base + QStringLiteral(".out"), error) ||
            !m_session->saveOutput(h, true, base + QStringLiteral(".err"), error))
            return false;
    }
    return true;
}

void OutputView::chooseAndSave(bool isStderr)
{
    const QString suggested = fileNameFor(m_session->hostName(m_host)) +
                              (isStderr ? QStringLiteral(".err") : QStringLiteral(".out"));
    const QString path =
        QFileDialog::getSaveFileName(this,
                                     isStderr ? tr("Save stderr of %1").arg(m_session->hostName(m_host))
                                              : tr("Save stdout of %1").arg(m_session->hostName(m_host)),
                                     suggested);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveStream(isStderr, path, &error))
        QMessageBox::warning(this, tr("Save output"), error);
    else
        qCDebug(lcUi) << "saved" << (isStderr ? "stderr" : "stdout") << "of" << m_session->hostName(m_host)
                      << "to" << path;
}

void OutputView::chooseAndSaveAll()
{
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Save every host's output into a folder"));
    if (directory.isEmpty())
        return;
    QString error;
    if (!saveAll(directory, &error))
        QMessageBox::warning(this, tr("Save output"), error);
}

void OutputView::copy()
{
    if (m_text->textCursor().hasSelection())
        m_text->copy();
    else
        QGuiApplication::clipboard()->setText(plainText());
}

} // namespace Chorus
