#include "widgets/compare/runcomparedialog.h"

#include "widgets/compare/diffview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Chorus {

namespace {

QByteArray combined(const HostResult &result)
{
    // stdout, then stderr under a marker: a change on either shows.
    if (result.stderrData.isEmpty())
        return result.stdoutData;
    QByteArray text = result.stdoutData;
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text + "--- stderr ---\n" + result.stderrData;
}

} // namespace

RunCompareDialog::RunCompareDialog(RunHistory *history, qint64 older, qint64 newer, const QString &host,
                                   QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_older(older)
    , m_newer(newer)
    , m_host(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_diff(new DiffView(this))
{
    setObjectName(QStringLiteral("runCompareDialog"));
    setWindowTitle(tr("Compare two runs"));
    m_host->setObjectName(QStringLiteral("compareHostCombo"));
    m_host->setAccessibleName(tr("Host"));
    m_summary->setObjectName(QStringLiteral("compareRunsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    const std::optional<RunHistory::Run> a = history->run(older);
    const std::optional<RunHistory::Run> b = history->run(newer);
    if (a)
        m_olderLabel = QLocale().toString(a->started, QLocale::ShortFormat);
    if (b)
        m_newerLabel = QLocale().toString(b->started, QLocale::ShortFormat);
    if (a && b) {
        QStringList inOlder;
        for (const RunHistory::HostRecord &h : a->hosts)
            inOlder += h.name;
        for (const RunHistory::HostRecord &h : b->hosts) {
            if (inOlder.contains(h.name) && m_host->findText(h.name) < 0)
                m_host->addItem(h.name);
        }
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(1000, 650);

    connect(m_host, &QComboBox::currentTextChanged, this, &RunCompareDialog::showHost);
    if (m_host->count() == 0)
        m_summary->setText(tr("The two runs have no host in common."));
    else if (!host.isEmpty() && m_host->findText(host) >= 0)
        setCurrentHost(host);
    showHost(m_host->currentText());
}

QStringList RunCompareDialog::hosts() const
{
    QStringList names;
    for (int i = 0; i < m_host->count(); ++i)
        names += m_host->itemText(i);
    return names;
}

QString RunCompareDialog::currentHost() const
{
    return m_host->currentText();
}

void RunCompareDialog::setCurrentHost(const QString &host)
{
    m_host->setCurrentIndex(m_host->findText(host));
}

void RunCompareDialog::showHost(const QString &host)
{
    if (host.isEmpty()) {
        m_diff->clear();
        return;
    }
    const std::optional<RunHistory::HostRecord> a = m_history->hostResult(m_older, host);
    const std::optional<RunHistory::HostRecord> b = m_history->hostResult(m_newer, host);
    if (!a || !b)
        return;
    const QString before = a->result.endingText();
    const QString after = b->result.endingText();
    const bool sameOutput = a->result.stdoutData == b->result.stdoutData && a->result.stderrData == b->result.stderrData;
    QString text;
    if (before != after)
        text = tr("%1 ended differently: %2 then, %3 now.").arg(host, before, after);
    else if (sameOutput)
        text = tr("%1: same output and ending (%2) in both runs.").arg(host, after);
    else
        text = tr("%1: the output changed; both ended with %2.").arg(host, after);
    if (a->result.truncated() || b->result.truncated())
        text += u' ' + tr("The history keeps only the start of long output: changes further on are not shown.");
    m_summary->setText(text);
    m_diff->setTexts(combined(a->result), combined(b->result), tr("%1 (%2)").arg(host, m_olderLabel),
                     tr("%1 (%2)").arg(host, m_newerLabel));
}

} // namespace Chorus
