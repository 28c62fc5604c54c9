#pragma once

#include <QMetaType>
#include <QString>
#include <Qt>

namespace Chorus {

// Something the user typed into a terminal, before it is encoded: the view that received it hands
// it to its owner (TerminalView::inputTyped), which decides which terminals get it and lets each
// encode it with its own host's modes (TerminalView::applyInput). So one keystroke can go to many
// hosts, and the cursor keys still follow each host's application-cursor mode.
struct TerminalInput
{
    enum class Kind
    {
        Key,
        Text,
        Paste
    };
    Kind kind = Kind::Key;
    int key = 0; // a Qt::Key, for Kind::Key
    Qt::KeyboardModifiers modifiers;
    // Key: the event's text; Text: what an input method committed; Paste: the clipboard's text.
    QString text;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::TerminalInput)
