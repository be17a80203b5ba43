#include "editors/inlinemessage.h"

#include "common/apptheme.h"

namespace cp::views {

InlineMessage::InlineMessage(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, themeColor(ThemeColor::Negative));
    setPalette(p);
    setAccessibleName(tr("Input problem"));
    hide();
}

void InlineMessage::showMessage(const QString &text)
{
    setText(QStringLiteral("\u26a0 ") + text);
    setVisible(!text.isEmpty());
}

void InlineMessage::clearMessage()
{
    clear();
    hide();
}

} // namespace cp::views
