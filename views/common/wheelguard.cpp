#include "common/wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>

namespace cp::views {

namespace {

// The widgets whose value a wheel tick changes.
bool guarded(const QObject *object)
{
    return qobject_cast<const QAbstractSpinBox *>(object) || qobject_cast<const QComboBox *>(object);
}

} // namespace

void WheelGuard::install(QCoreApplication &app)
{
    if (app.findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    app.installEventFilter(new WheelGuard(&app));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish:
        if (guarded(watched)) {
            auto *widget = static_cast<QWidget *>(watched);
            if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
                widget->setFocusPolicy(Qt::StrongFocus);
        }
        break;
    case QEvent::Wheel:
        if (guarded(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            // Ignored and filtered: QApplication hands the wheel on to the parent, up to the
            // scroll area that holds the field.
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cp::views
