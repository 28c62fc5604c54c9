#pragma once

#include <QStyledItemDelegate>

namespace Chorus {

// Draws a progress bar behind a cell's text where the model gives a percentage (the transfer's
// Copied column: SessionStatusModel::ProgressRole); other cells are drawn as usual.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace Chorus
