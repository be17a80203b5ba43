#pragma once

#include <QObject>

class QCoreApplication;

namespace cp::views {

// Spin boxes, month fields and pick lists ignore the mouse wheel unless they have the keyboard
// focus, so a user scrolling the page past a field never changes a plan: the wheel then
// scrolls whatever holds the field (the page, a table). They also no longer take the focus
// from the wheel (Qt::StrongFocus), so scrolling over one does not arm it. Installed once on
// the application, it covers every such widget, also those made later.
class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    // Idempotent: a second call finds the guard already there.
    static void install(QCoreApplication &app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace cp::views
