#pragma once

#include <QFrame>

class QLabel;

namespace cp::views {

// Shown above the open scenario when another user saved a newer revision of it while this
// window has edits of it in its undo history (so it was not reloaded by itself): who saved
// which revision, and Reload, which replaces the document with the stored one.
class NewerRevisionBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit NewerRevisionBanner(QWidget *parent = nullptr);

    void showNewer(qint64 scenarioId, qint64 revision, const QString &by);
    [[nodiscard]] qint64 scenarioId() const { return m_scenarioId; }
    [[nodiscard]] QString text() const;

signals:
    void reloadRequested(qint64 scenarioId);

private:
    QLabel *m_text;
    qint64 m_scenarioId = 0;
};

} // namespace cp::views
