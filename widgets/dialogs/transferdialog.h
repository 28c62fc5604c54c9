#pragma once

#include "model/core/transferspec.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace Chorus {

// Copy files to or from the chosen hosts over SFTP: push local files and folders into a remote
// folder, or pull a remote file or folder into a local folder with one subfolder per host (like
// pslurp). Also the overwrite policy and the checksum check. OK stays disabled until the choice
// is complete, and the reason shows under the form.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TransferDialog(int hostCount, QWidget *parent = nullptr);

    TransferSpec spec() const;
    void setSpec(const TransferSpec &spec);
    // Why the dialog cannot be accepted yet; empty when it can.
    QString problem() const;

    QRadioButton *pushButton() const { return m_push; }
    QRadioButton *pullButton() const { return m_pull; }
    QListWidget *localFiles() const { return m_files; }
    QLineEdit *remoteFolder() const { return m_remoteFolder; }
    QLineEdit *remotePath() const { return m_remotePath; }
    QLineEdit *localFolder() const { return m_localFolder; }
    QComboBox *overwrite() const { return m_overwrite; }
    QCheckBox *checksum() const { return m_checksum; }
    QPushButton *okButton() const;

private:
    void addFiles();
    void addFolder();
    void update();

    QRadioButton *m_push;
    QRadioButton *m_pull;
    QStackedWidget *m_pages;
    QListWidget *m_files;
    QPushButton *m_removeFile;
    QLineEdit *m_remoteFolder;
    QLineEdit *m_remotePath;
    QLineEdit *m_localFolder;
    QComboBox *m_overwrite;
    QCheckBox *m_checksum;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Chorus
