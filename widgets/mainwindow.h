#pragma once

#include "hosttarget.h"

#include <QList>
#include <QMainWindow>

class QLabel;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QTreeView;

namespace Chorus {

// The main window: the host panel (a dock listing hosts under their groups), the
// session tabs in the middle, and the menus. Remembers its geometry and dock layout
// in QSettings, so whatever organisation name the application runs under decides
// where (the demo runs under its own, see DemoSession).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Item data role under which each host row carries its HostTarget.
    static constexpr int HostTargetRole = Qt::UserRole + 1;

    explicit MainWindow(QWidget *parent = nullptr);

    // Shows `hosts` under the group node `group`, replacing whatever that group listed
    // before; other groups stay. An empty list removes the group.
    void setHosts(const QString &group, const QList<HostTarget> &hosts);
    // Targets listed under `group`, in the order shown.
    QList<HostTarget> hosts(const QString &group) const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createHostDock();
    void createCentralArea();
    void updateSessionHint();
    void updateHostCount();
    void restoreLayout();
    void saveLayout();
    void showAbout();
    QStandardItem *groupItem(const QString &group) const;

    QStandardItemModel *m_hostModel = nullptr;
    QTreeView *m_hostTree = nullptr;
    QTabWidget *m_sessionTabs = nullptr;
    QLabel *m_sessionHint = nullptr;
    QLabel *m_hostCount = nullptr;
};

} // namespace Chorus
