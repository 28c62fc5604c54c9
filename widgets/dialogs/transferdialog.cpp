#include "widgets/dialogs/transferdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Chorus {

TransferDialog::TransferDialog(int hostCount, QWidget *parent)
    : QDialog(parent)
    , m_push(new QRadioButton(tr("&Push: copy local files to the hosts"), this))
    , m_pull(new QRadioButton(tr("P&ull: collect a file or folder from the hosts"), this))
    , m_pages(new QStackedWidget(this))
    , m_files(new QListWidget(this))
    , m_removeFile(new QPushButton(tr("&Remove"), this))
    , m_remoteFolder(new QLineEdit(this))
    , m_remotePath(new QLineEdit(this))
    , m_localFolder(new QLineEdit(this))
    , m_overwrite(new QComboBox(this))
    , m_checksum(new QCheckBox(tr("&Verify with SHA-256 after writing (runs sha256sum on the host)"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Copy Files on %n Host(s)", nullptr, hostCount));
    m_push->setObjectName(QStringLiteral("pushRadio"));
    m_pull->setObjectName(QStringLiteral("pullRadio"));
    m_push->setChecked(true);

    // Push page: what to send and where.
    m_files->setObjectName(QStringLiteral("localFilesList"));
    m_files->setAccessibleName(tr("Local files and folders to send"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *addFiles = new QPushButton(tr("Add &Files..."), this);
    addFiles->setObjectName(QStringLiteral("addFilesButton"));
    auto *addFolder = new QPushButton(tr("Add F&older..."), this);
    addFolder->setObjectName(QStringLiteral("addFolderButton"));
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addFiles);
    fileButtons->addWidget(addFolder);
    fileButtons->addWidget(m_removeFile);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    m_remoteFolder->setObjectName(QStringLiteral("remoteFolderEdit"));
    m_remoteFolder->setPlaceholderText(tr("/tmp or ~/bin: an existing folder on every host"));
    m_remoteFolder->setAccessibleName(tr("Remote folder"));
    auto *pushPage = new QWidget(this);
    auto *pushForm = new QFormLayout(pushPage);
    pushForm->setContentsMargins(0, 0, 0, 0);
    pushForm->addRow(tr("Local files:"), fileRow);
    pushForm->addRow(tr("Remote fol&der:"), m_remoteFolder);

    // Pull page: what to fetch and where to put it.
    m_remotePath->setObjectName(QStringLiteral("remotePathEdit"));
    m_remotePath->setPlaceholderText(tr("/var/log/syslog or /etc/nginx"));
    m_remotePath->setAccessibleName(tr("Remote file or folder"));
    m_localFolder->setObjectName(QStringLiteral("localFolderEdit"));
    m_localFolder->setAccessibleName(tr("Local folder"));
    m_localFolder->setToolTip(tr("Each host's copy goes into a subfolder named after the host"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    auto *localRow = new QHBoxLayout;
    localRow->addWidget(m_localFolder, 1);
    localRow->addWidget(browse);
    auto *pullPage = new QWidget(this);
    auto *pullForm = new QFormLayout(pullPage);
    pullForm->setContentsMargins(0, 0, 0, 0);
    pullForm->addRow(tr("Remote pa&th:"), m_remotePath);
    // A row of several widgets gets no buddy from the form: without one the '&' would show as text.
    auto *localLabel = new QLabel(tr("&Into local folder:"), pullPage);
    localLabel->setBuddy(m_localFolder);
    pullForm->addRow(localLabel, localRow);
    m_pages->addWidget(pushPage);
    m_pages->addWidget(pullPage);

    m_overwrite->setObjectName(QStringLiteral("overwriteCombo"));
    m_overwrite->setAccessibleName(tr("When the file exists"));
    m_overwrite->addItem(tr("Replace it"), int(OverwritePolicy::Always));
    m_overwrite->addItem(tr("Replace it if size or time differ"), int(OverwritePolicy::IfDifferent));
    m_overwrite->addItem(tr("Keep it (skip the file)"), int(OverwritePolicy::Never));
    m_checksum->setObjectName(QStringLiteral("checksumCheck"));
    m_problem->setObjectName(QStringLiteral("transferProblem"));
    m_problem->setWordWrap(true);
    m_problem->setEnabled(false);

    auto *options = new QFormLayout;
    options->addRow(tr("When a file &exists:"), m_overwrite);
    options->addRow(QString(), m_checksum);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_push);
    layout->addWidget(m_pull);
    layout->addWidget(m_pages, 1);
    layout->addLayout(options);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(640, 440);

    connect(m_push, &QRadioButton::toggled, this, &TransferDialog::update);
    connect(addFiles, &QPushButton::clicked, this, &TransferDialog::addFiles);
    connect(addFolder, &QPushButton::clicked, this, &TransferDialog::addFolder);
    connect(m_removeFile, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        update();
    });
    connect(m_files, &QListWidget::itemSelectionChanged, this, &TransferDialog::update);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Collect into folder"), m_localFolder->text());
        if (!dir.isEmpty())
            m_localFolder->setText(QDir::toNativeSeparators(dir));
    });
    for (QLineEdit *edit : {m_remoteFolder, m_remotePath, m_localFolder})
        connect(edit, &QLineEdit::textChanged, this, &TransferDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

QPushButton *TransferDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void TransferDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Files to send"));
    for (const QString &file : files)
        m_files->addItem(QDir::toNativeSeparators(file));
    update();
}

void TransferDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to send"));
    if (!dir.isEmpty())
        m_files->addItem(QDir::toNativeSeparators(dir));
    update();
}

TransferSpec TransferDialog::spec() const
{
    TransferSpec spec;
    spec.direction = m_push->isChecked() ? TransferDirection::Push : TransferDirection::Pull;
    if (spec.direction == TransferDirection::Push) {
        for (int i = 0; i < m_files->count(); ++i)
            spec.localPaths += QDir::fromNativeSeparators(m_files->item(i)->text());
        spec.remotePath = m_remoteFolder->text().trimmed();
    } else {
        spec.localPaths = {QDir::fromNativeSeparators(m_localFolder->text().trimmed())};
        spec.remotePath = m_remotePath->text().trimmed();
    }
    spec.overwrite = OverwritePolicy(m_overwrite->currentData().toInt());
    spec.verifyChecksum = m_checksum->isChecked();
    return spec;
}

void TransferDialog::setSpec(const TransferSpec &spec)
{
    const bool push = spec.direction == TransferDirection::Push;
    (push ? m_push : m_pull)->setChecked(true);
    m_files->clear();
    if (push) {
        for (const QString &path : spec.localPaths)
            m_files->addItem(QDir::toNativeSeparators(path));
        m_remoteFolder->setText(spec.remotePath);
    } else {
        m_localFolder->setText(QDir::toNativeSeparators(spec.localPaths.value(0)));
        m_remotePath->setText(spec.remotePath);
    }
    m_overwrite->setCurrentIndex(m_overwrite->findData(int(spec.overwrite)));
    m_checksum->setChecked(spec.verifyChecksum);
    update();
}

QString TransferDialog::problem() const
{
    const TransferSpec s = spec();
    if (s.direction == TransferDirection::Push) {
        if (s.localPaths.isEmpty())
            return tr("Add the files or folders to send.");
        for (const QString &path : s.localPaths) {
            if (!QFileInfo::exists(path))
                return tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        }
        if (s.remotePath.isEmpty())
            return tr("Name the remote folder the files go into.");
        return {};
    }
    if (s.remotePath.isEmpty())
        return tr("Name the remote file or folder to collect.");
    if (s.localPaths.value(0).isEmpty())
        return tr("Choose the local folder to collect into.");
    const QFileInfo local(s.localPaths.value(0));
    if (local.exists() && !local.isDir())
        return tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(local.filePath()));
    return {};
}

void TransferDialog::update()
{
    m_pages->setCurrentIndex(m_push->isChecked() ? 0 : 1);
    m_removeFile->setEnabled(!m_files->selectedItems().isEmpty());
    const QString why = problem();
    m_problem->setText(why);
    okButton()->setEnabled(why.isEmpty());
}

} // namespace Chorus
