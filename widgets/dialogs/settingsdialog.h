#pragma once

#include "model/core/appsettings.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace Chorus {

// Preferences: run defaults, engine limits, host key policy, keepalive, history, terminals,
// language and colours (these two apply at the next start).
// Reads and writes through AppSettings only.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void save() const;

private:
    QSpinBox *addSpin(AppSettings::Setting setting, int min, int max, const QString &suffix, const QString &zeroText = {});

    QHash<AppSettings::Setting, QSpinBox *> m_spins;
    QComboBox *m_policy;
    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_restartNote;
    QFormLayout *m_form;
};

} // namespace Chorus
