#pragma once

#include "document/scenariodocument.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>

namespace cp {

class ScenarioDocument;
struct ScenarioChange;

// The sites of a scenario by name. Renaming a site (setData) is an undo command of the
// document; a refused name changes nothing and editRefused() says why.
class SiteListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit SiteListModel(QObject *parent = nullptr);

    void setDocument(ScenarioDocument *document);
    [[nodiscard]] ScenarioDocument *document() const { return m_document; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex &index, const QString &reason);

private:
    void onChanged(const ScenarioChange &change);
    [[nodiscard]] QString nameAt(int site) const;

    QPointer<ScenarioDocument> m_document;
    QStringList m_names;
    QMetaObject::Connection m_connection;
};

} // namespace cp
