#pragma once

#include <QLabel>

namespace cp::views {

// The reason an input was refused (or what a paste could not read), shown right where the
// user is looking, in the theme's warning colour; hidden while there is nothing to say.
class InlineMessage final : public QLabel
{
    Q_OBJECT

public:
    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(const QString &text);
    void clearMessage();
};

} // namespace cp::views
