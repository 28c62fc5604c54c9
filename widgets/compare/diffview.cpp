#include "widgets/compare/diffview.h"

#include "model/compare/unifieddiff.h"
#include "model/compare/worddiff.h"
#include "model/core/printable.h"
#include "widgets/style/theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Chorus {

namespace {

// Rows kept above a change scrolled to, so its context shows.
constexpr int ContextRows = 3;

QStringList displayLines(const QByteArray &data)
{
    QStringList out;
    const QList<QByteArrayView> lines = UnifiedDiff::lines(data);
    out.reserve(lines.size());
    for (QByteArrayView line : lines)
        out.append(displayText(line));
    // Otherwise "x" against "x\n" would be a changed row that looks equal.
    if (!data.isEmpty() && !data.endsWith('\n'))
        out.last() += DiffView::tr(" \u2205 no newline at end");
    return out;
}

QPlainTextEdit *makeSide(const QString &name)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setUndoRedoEnabled(false);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(Theme::fixedFont());
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diffView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_previous = new QToolButton;
    m_previous->setObjectName(QStringLiteral("previousChangeButton"));
    m_previous->setText(tr("Previous change"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_previous->setIcon(Theme::icon(QStringLiteral("go-up")));
    m_previous->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_previous->setToolTip(
        tr("Go to the previous change (%1)").arg(m_previous->shortcut().toString(QKeySequence::NativeText)));
    m_previous->setAutoRaise(true);
    m_next = new QToolButton;
    m_next->setObjectName(QStringLiteral("nextChangeButton"));
    m_next->setText(tr("Next change"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_next->setIcon(Theme::icon(QStringLiteral("go-down")));
    m_next->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_next->setToolTip(
        tr("Go to the next change (%1)").arg(m_next->shortcut().toString(QKeySequence::NativeText)));
    m_next->setAutoRaise(true);
    m_position = new QLabel;
    m_position->setObjectName(QStringLiteral("changePositionLabel"));
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_position, 1);
    layout->addLayout(bar);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    m_leftLabel = new QLabel;
    m_leftLabel->setObjectName(QStringLiteral("leftLabel"));
    m_rightLabel = new QLabel;
    m_rightLabel->setObjectName(QStringLiteral("rightLabel"));
    m_left = makeSide(QStringLiteral("leftText"));
    m_right = makeSide(QStringLiteral("rightText"));
    // Three lines at least, not a scroll area's default: the view shares a 720 px high window with
    // the status table and the run history.
    for (QWidget *side : {static_cast<QWidget *>(m_left), static_cast<QWidget *>(m_right)})
        side->setMinimumHeight(3 * side->fontMetrics().lineSpacing() + 2 * side->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) + 4);
    m_left->setAccessibleName(tr("Reference output"));
    m_right->setAccessibleName(tr("Compared output"));
    const QString previousKeys = m_previous->shortcut().toString(QKeySequence::NativeText);
    const QString nextKeys = m_next->shortcut().toString(QKeySequence::NativeText);
    m_left->setAccessibleDescription(
        tr("Removed lines are tinted red; %1 and %2 move between changes").arg(previousKeys, nextKeys));
    m_right->setAccessibleDescription(
        tr("Added lines are tinted green; %1 and %2 move between changes").arg(previousKeys, nextKeys));
    grid->addWidget(m_leftLabel, 0, 0);
    grid->addWidget(m_rightLabel, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    layout->addLayout(grid, 1);

    // Rows line up on both sides (no wrapping, filler rows), so equal scroll values show equal rows.
    for (auto [a, b] : {std::pair{m_left, m_right}, std::pair{m_right, m_left}}) {
        connect(a->verticalScrollBar(), &QScrollBar::valueChanged, b->verticalScrollBar(),
                &QScrollBar::setValue);
        connect(a->horizontalScrollBar(), &QScrollBar::valueChanged, b->horizontalScrollBar(),
                &QScrollBar::setValue);
    }
    connect(m_next, &QToolButton::clicked, this, &DiffView::nextChange);
    connect(m_previous, &QToolButton::clicked, this, &DiffView::previousChange);
    updateNavigation();
}

void DiffView::setTexts(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                        const QString &toLabel)
{
    m_from = from;
    m_to = to;
    setLabels(fromLabel, toLabel);
    m_leftLines = displayLines(from);
    m_rightLines = displayLines(to);

    m_rows.clear();
    m_changeRows.clear();
    m_rows.reserve(qMax(m_leftLines.size(), m_rightLines.size()));
    int i = 0;
    int j = 0;
    const auto same = [&](int untilLeft) {
        while (i < untilLeft)
            m_rows.append({i++, j++, RowKind::Same});
    };
    m_ignoredRows = 0;
    const QList<QByteArrayView> fromLines = UnifiedDiff::lines(from);
    const QList<QByteArrayView> toLines = UnifiedDiff::lines(to);
    const auto ignored = [this](const QList<QByteArrayView> &lines, int line) {
        return line < 0 || (m_ignored && m_ignored(lines.at(line)));
    };
    for (const UnifiedDiff::Change &change : UnifiedDiff::changes(from, to)) {
        same(change.fromStart);
        int first = -1; // the change starts at its first row that is not ignored

        const int removed = change.fromEnd - change.fromStart;
        const int added = change.toEnd - change.toStart;
        for (int k = 0; k < qMax(removed, added); ++k) {
            Row row;
            row.left = k < removed ? change.fromStart + k : -1;
            row.right = k < added ? change.toStart + k : -1;
            row.kind = row.left < 0 ? RowKind::Added : row.right < 0 ? RowKind::Removed : RowKind::Changed;
            if (m_ignored && ignored(fromLines, row.left) && ignored(toLines, row.right)) {
                row.kind = RowKind::Ignored;
                ++m_ignoredRows;
            } else if (first < 0) {
                first = int(m_rows.size());
            }
            m_rows.append(row);
        }
        if (first >= 0)
            m_changeRows.append(first);
        i = change.fromEnd;
        j = change.toEnd;
    }
    same(int(m_leftLines.size()));
    m_current = -1;
    render();
    updateNavigation();
}

void DiffView::setLabels(const QString &fromLabel, const QString &toLabel)
{
    m_leftLabel->setText(fromLabel);
    m_rightLabel->setText(toLabel);
}

void DiffView::clear()
{
    setTexts({}, {}, {}, {});
}

DiffView::RowKind DiffView::rowKind(bool right, int row) const
{
    const Row &r = m_rows.at(row);
    if ((right ? r.right : r.left) < 0)
        return RowKind::Filler;
    return r.kind;
}

QString DiffView::rowText(bool right, int row) const
{
    const Row &r = m_rows.at(row);
    const int line = right ? r.right : r.left;
    return line < 0 ? QString() : (right ? m_rightLines : m_leftLines).at(line);
}

QList<std::pair<int, int>> DiffView::wordHighlights(bool right, int row) const
{
    QList<std::pair<int, int>> out;
    const Row &r = m_rows.at(row);
    if (r.kind != RowKind::Changed)
        return out;
    const WordDiff::Result words = WordDiff::diff(m_leftLines.at(r.left), m_rightLines.at(r.right));
    for (const WordDiff::Range &range : right ? words.added : words.removed)
        out.append({range.start, range.length});
    return out;
}

int DiffView::topRow() const
{
    return m_left->verticalScrollBar()->value();
}

void DiffView::render()
{
    const QPalette pal = palette();
    QTextBlockFormat removedLine;
    removedLine.setBackground(Theme::removedBackground(pal, false));
    QTextBlockFormat addedLine;
    addedLine.setBackground(Theme::addedBackground(pal, false));
    QTextBlockFormat filler;
    filler.setBackground(Theme::fillerBackground(pal));
    QTextCharFormat removedWord;
    removedWord.setBackground(Theme::removedBackground(pal, true));
    QTextCharFormat addedWord;
    addedWord.setBackground(Theme::addedBackground(pal, true));
    QTextCharFormat ignoredText;
    ignoredText.setForeground(pal.color(QPalette::PlaceholderText));

    for (bool right : {false, true}) {
        QPlainTextEdit *edit = right ? m_right : m_left;
        QStringList shown;
        shown.reserve(m_rows.size());
        for (int row = 0; row < m_rows.size(); ++row)
            shown.append(rowText(right, row));
        edit->setPlainText(shown.join(u'\n'));

        // Only changed rows need formats: a 10,000-line output with a few changes costs little more
        // than setPlainText.
        QTextCursor cursor(edit->document());
        cursor.beginEditBlock();
        QTextBlock block = edit->document()->firstBlock();
        for (int at = 0; at < m_rows.size() && block.isValid(); ++at, block = block.next()) {
            const RowKind kind = rowKind(right, at);
            if (kind == RowKind::Same)
                continue;
            cursor.setPosition(block.position());
            if (kind == RowKind::Ignored) {
                cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
                cursor.mergeCharFormat(ignoredText);
                continue;
            }
            cursor.setBlockFormat(kind == RowKind::Filler ? filler : right ? addedLine : removedLine);
            for (const auto &[start, length] : wordHighlights(right, at)) {
                cursor.setPosition(block.position() + start);
                cursor.setPosition(block.position() + start + length, QTextCursor::KeepAnchor);
                cursor.mergeCharFormat(right ? addedWord : removedWord);
            }
        }
        cursor.endEditBlock();
        edit->moveCursor(QTextCursor::Start);
    }
}

void DiffView::updateNavigation()
{
    const int count = changeCount();
    m_previous->setEnabled(count > 0 && m_current > 0);
    m_next->setEnabled(count > 0 && m_current < count - 1);
    if (count == 0 && m_ignoredRows > 0)
        m_position->setText(tr("No differences but in ignored lines"));
    else if (count == 0)
        m_position->setText(m_rows.isEmpty() ? QString() : tr("No differences"));
    else if (m_current < 0)
        m_position->setText(count == 1 ? tr("1 change") : tr("%1 changes").arg(count));
    else
        m_position->setText(tr("Change %1 of %2").arg(m_current + 1).arg(count));
}

void DiffView::nextChange()
{
    if (m_current < changeCount() - 1)
        goToChange(m_current + 1);
}

void DiffView::previousChange()
{
    if (m_current > 0)
        goToChange(m_current - 1);
}

void DiffView::goToChange(int change)
{
    if (change < 0 || change >= changeCount())
        return;
    m_current = change;
    const int row = m_changeRows.at(change);
    for (QPlainTextEdit *edit : {m_left, m_right}) {
        QTextCursor cursor(edit->document()->findBlockByNumber(row));
        edit->setTextCursor(cursor);
    }
    m_left->verticalScrollBar()->setValue(qMax(0, row - ContextRows));
    updateNavigation();
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The colours are mixed from the palette: a switch between light and dark needs them again.
    if (event->type() == QEvent::PaletteChange && !m_rendering) {
        m_rendering = true;
        const int top = topRow();
        render();
        m_left->verticalScrollBar()->setValue(top);
        m_rendering = false;
    }
}

} // namespace Chorus
