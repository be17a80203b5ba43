#include "team/newerrevisionbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cp::views {

NewerRevisionBanner::NewerRevisionBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("newerRevisionBanner"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xe3, 0xf0, 0xfd));
    colours.setColor(QPalette::WindowText, QColor(0x0b, 0x3d, 0x6b));
    setPalette(colours);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *reload = new QPushButton(tr("&Reload"), this);
    reload->setObjectName(QStringLiteral("reloadButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(reload);
    connect(reload, &QPushButton::clicked, this, [this] {
        hide();
        emit reloadRequested(m_scenarioId);
    });
    hide();
}

void NewerRevisionBanner::showNewer(qint64 scenarioId, qint64 revision, const QString &by)
{
    m_scenarioId = scenarioId;
    m_text->setText(tr("%1 saved a newer revision (%2) of this scenario. Your next change here will be refused; "
                       "Reload shows theirs (and clears this scenario's undo history).")
                        .arg(by.isEmpty() ? tr("Someone") : by)
                        .arg(revision));
    show();
}

QString NewerRevisionBanner::text() const
{
    return m_text->text();
}

} // namespace cp::views
