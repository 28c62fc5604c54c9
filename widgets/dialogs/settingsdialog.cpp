#include "widgets/dialogs/settingsdialog.h"

#include "widgets/terminal/terminalgroup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Chorus {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_form = new QFormLayout;

    m_form->addRow(tr("Default &fanout:"), addSpin(AppSettings::Fanout, 1, 1024, QString()));
    m_form->addRow(tr("&Ask before running on more than:"),
                   addSpin(AppSettings::ConfirmRunAbove, 0, 1000000, tr(" hosts"), tr("never ask")));
    m_form->addRow(tr("Default &command timeout:"),
                   addSpin(AppSettings::CommandTimeoutSec, 0, 24 * 3600, tr(" s"), tr("none")));
    m_form->addRow(tr("Co&nnect timeout:"), addSpin(AppSettings::ConnectTimeoutSec, 1, 600, tr(" s")));
    m_form->addRow(tr("&Worker threads:"), addSpin(AppSettings::Threads, 0, 64, QString(), tr("one per core")));
    m_form->addRow(tr("Output &kept per host and stream:"), addSpin(AppSettings::OutputLimitMiB, 1, 1024, tr(" MiB")));
    m_form->addRow(tr("Output &shown per host:"), addSpin(AppSettings::DisplayLimitKiB, 64, 64 * 1024, tr(" KiB")));
    m_form->addRow(tr("Kee&palive interval:"), addSpin(AppSettings::KeepaliveSec, 0, 3600, tr(" s"), tr("off")));
    m_form->addRow(tr("Close &idle connections after:"), addSpin(AppSettings::IdleTimeoutMin, 1, 24 * 60, tr(" min")));

    m_form->addRow(tr("Keep run &history for:"), addSpin(AppSettings::HistoryDays, 0, 3650, tr(" days"), tr("ever")));
    m_form->addRow(tr("Keep at &most:"), addSpin(AppSettings::HistoryRuns, 0, 1000000, tr(" runs"), tr("no limit")));
    m_form->addRow(tr("Terminal scroll&back:"),
                   addSpin(AppSettings::TerminalScrollback, 0, TerminalGroup::MaxScrollback, tr(" lines"), tr("none")));
    m_form->addRow(tr("Terminal text si&ze:"), addSpin(AppSettings::TerminalFontPoints, 0, TerminalGroup::MaxFontPoints,
                                                      tr(" pt"), tr("as the window")));

    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("hostKeyPolicyCombo"));
    m_policy->addItem(tr("Ask me"), QStringLiteral("ask"));
    m_policy->addItem(tr("Accept new keys, refuse changed ones"), QStringLiteral("accept-new"));
    m_policy->addItem(tr("Strict: refuse unknown keys"), QStringLiteral("strict"));
    m_policy->setCurrentIndex(qMax(0, m_policy->findData(AppSettings::value(AppSettings::HostKeyPolicy))));
    m_policy->setAccessibleName(tr("Unknown host keys"));
    m_form->addRow(tr("&Unknown host keys:"), m_policy);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    // Each language in its own words, so a person who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh_TW"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(AppSettings::value(AppSettings::Language))));
    m_language->setAccessibleName(tr("Language"));
    m_language->setAccessibleDescription(tr("The language of the window and the command line; "
                                            "applies when Chorus starts again"));
    m_form->addRow(tr("&Language:"), m_language);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("System default"), QString());
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(AppSettings::value(AppSettings::Theme))));
    m_theme->setAccessibleName(tr("Colours"));
    m_theme->setAccessibleDescription(tr("Light or dark colours, or the desktop's; applies when Chorus "
                                         "starts again"));
    m_form->addRow(tr("C&olours:"), m_theme);

    m_restartNote = new QLabel(this);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    m_restartNote->setForegroundRole(QPalette::PlaceholderText);
    m_form->addRow(QString(), m_restartNote);
    const auto updateNote = [this] {
        const bool changed = m_language->currentData() != AppSettings::value(AppSettings::Language) ||
                             m_theme->currentData() != AppSettings::value(AppSettings::Theme);
        // Said plainly either way; when something changed, it is the one thing to know.
        m_restartNote->setText(changed ? tr("Restart Chorus to see the new language and colours. Open sessions "
                                            "are not affected until then.")
                                       : tr("Language and colours apply after a restart of Chorus."));
    };
    connect(m_language, &QComboBox::currentIndexChanged, this, updateNote);
    connect(m_theme, &QComboBox::currentIndexChanged, this, updateNote);
    updateNote();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
}

QSpinBox *SettingsDialog::addSpin(AppSettings::Setting setting, int min, int max, const QString &suffix,
                                  const QString &zeroText)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(AppSettings::key(setting).replace(u'/', u'_'));
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    if (!zeroText.isEmpty())
        spin->setSpecialValueText(zeroText);
    spin->setValue(AppSettings::intValue(setting));
    // The form label names the box for screen readers (QFormLayout sets it as the buddy).
    m_spins.insert(setting, spin);
    return spin;
}

void SettingsDialog::save() const
{
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it)
        AppSettings::setValue(it.key(), it.value()->value());
    AppSettings::setValue(AppSettings::HostKeyPolicy, m_policy->currentData());
    AppSettings::setValue(AppSettings::Language, m_language->currentData());
    AppSettings::setValue(AppSettings::Theme, m_theme->currentData());
}

} // namespace Chorus
