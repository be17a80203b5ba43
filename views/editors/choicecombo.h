#pragma once

#include "document/scenariofields.h"

#include <QComboBox>

namespace cp {
class Catalog;
}

namespace cp::views {

// A pick list of kinds or catalog parts by their display names; value() is the spec name or
// catalog id. Accelerators list their vendor and headline figures with the catalog's source.
class ChoiceCombo final : public QComboBox
{
    Q_OBJECT

public:
    ChoiceCombo(ChoiceSet set, const Catalog &catalog, QWidget *parent = nullptr);

    [[nodiscard]] QString value() const;
    void setValue(const QString &value);
};

} // namespace cp::views
