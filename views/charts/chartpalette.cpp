#include "charts/chartpalette.h"

namespace cp::views::palette {

// Tableau-10-like hues, distinct for the common forms of colour blindness in the pairs that
// meet on one chart; gas kinds share warm tones, the grid is gold, rented turbines purple,
// batteries green; compute is blue wherever it appears.

QColor capexCategory(int category)
{
    static const QColor kColors[] = {QColor(0x4e, 0x79, 0xa7), QColor(0x9c, 0x75, 0x5f), QColor(0xf2, 0x8e, 0x2b),
                                     QColor(0x76, 0xb7, 0xb2)};
    return (category >= 0 && category < 4) ? kColors[category] : QColor(Qt::gray);
}

QColor opexCategory(int category)
{
    static const QColor kColors[] = {QColor(0xed, 0xc9, 0x48), QColor(0xe1, 0x57, 0x59), QColor(0xb0, 0x7a, 0xa1),
                                     QColor(0xba, 0xb0, 0xac), QColor(0x59, 0xa1, 0x4f)};
    return (category >= 0 && category < 5) ? kColors[category] : QColor(Qt::gray);
}

QColor powerKind(solver::PowerKind kind, int shade)
{
    QColor base;
    switch (kind) {
    case solver::PowerKind::Grid: // gold, like the energy it bills
        base = QColor(0xd4, 0xa7, 0x2c);
        break;
    case solver::PowerKind::GasCcgt:
        base = QColor(0xd3, 0x72, 0x1f);
        break;
    case solver::PowerKind::GasSimpleCycle:
        base = QColor(0xe8, 0x9c, 0x4a);
        break;
    case solver::PowerKind::GasAero:
        base = QColor(0xf2, 0xbe, 0x72);
        break;
    case solver::PowerKind::RecipEngine:
        base = QColor(0xa8, 0x4f, 0x2a);
        break;
    case solver::PowerKind::MobileTurbine:
        base = QColor(0x8e, 0x5c, 0xc4);
        break;
    case solver::PowerKind::Bess:
        base = QColor(0x59, 0xa1, 0x4f);
        break;
    }
    if (shade <= 0)
        return base;
    // 1: lighter, 2: darker, 3: lighter still, ...
    const int step = (shade + 1) / 2;
    return shade % 2 == 1 ? base.lighter(100 + 22 * step) : base.darker(100 + 22 * step);
}

QColor timelinePhase(TimelinePhase phase)
{
    switch (phase) {
    case TimelinePhase::Permit:
        return QColor(0xa5, 0xa5, 0xa5);
    case TimelinePhase::Construction:
        return capexCategory(1);
    case TimelinePhase::Power:
        return capexCategory(2);
    case TimelinePhase::Cooling:
        return capexCategory(3);
    case TimelinePhase::Compute:
        return capexCategory(0);
    }
    return Qt::gray;
}

QColor role(Role r)
{
    switch (r) {
    case Role::Delivered:
        return QColor(0x45, 0x4d, 0x59);
    case Role::Energized:
        return QColor(0x2e, 0x8b, 0x57);
    case Role::Stranded:
        return QColor(0xe1, 0x57, 0x59);
    case Role::FacilityLoad:
        return QColor(0x1f, 0x23, 0x2b);
    case Role::LoadNeeded:
        return QColor(0xc0, 0x39, 0x2b);
    case Role::Compute:
        return capexCategory(0);
    case Role::CumulativeSpend:
        return QColor(0x1f, 0x23, 0x2b);
    case Role::FullPower:
        return QColor(0x2e, 0x8b, 0x57);
    case Role::Gating:
        return QColor(0xc0, 0x39, 0x2b);
    case Role::Axis:
        return QColor(0x4b, 0x55, 0x63);
    case Role::Grid:
        return QColor(0xe5, 0xe7, 0xeb);
    }
    return Qt::gray;
}

QColor siteGroup(int index, bool other)
{
    // Tableau's ten plus a dark teal; grey is kept for "other".
    static const QColor kColors[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                     QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                     QColor(0x2f, 0x4b, 0x7c), QColor(0x1b, 0x6f, 0x6a)};
    if (other)
        return QColor(0xb8, 0xbc, 0xc4);
    return kColors[((index % 11) + 11) % 11];
}

QColor scenario(int slot)
{
    static const QColor kColors[] = {QColor(0x1f, 0x23, 0x2b), QColor(0x3b, 0x6f, 0xb6), QColor(0xe1, 0x57, 0x59),
                                     QColor(0x59, 0xa1, 0x4f)};
    return kColors[((slot % 4) + 4) % 4];
}

} // namespace cp::views::palette
