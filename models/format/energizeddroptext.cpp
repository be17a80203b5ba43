#include "format/energizeddroptext.h"

#include "format/units.h"
#include "solver/risk.h"

namespace cp::format {

QString energizedDropSentence(const solver::EnergizedDrop &drop, bool withSite)
{
    const QString share = drop.share < 0.005 ? QStringLiteral("under 1%") : percent(100.0 * drop.share, 0);
    QString sentence = QStringLiteral("In %1 of trials energized accelerators fall in %2").arg(share, monthLabel(drop.month));
    if (drop.causes.empty())
        return sentence + QLatin1Char('.');
    for (std::size_t i = 0; i < drop.causes.size(); ++i) {
        const solver::EnergizedDrop::Cause &cause = drop.causes[i];
        const QString name = withSite ? QString::fromStdString(cause.site) + QStringLiteral(" / ") + QString::fromStdString(cause.item)
                                      : QString::fromStdString(cause.item);
        sentence += (i == 0 ? QStringLiteral(", at the retirement of ")
                            : i + 1 == drop.causes.size() ? QStringLiteral(" and ") : QStringLiteral(", "))
                    + name;
    }
    return sentence + (drop.causes.size() == 1 ? QStringLiteral(": what replaces it is not there yet.")
                                               : QStringLiteral(": what replaces them is not there yet."));
}

} // namespace cp::format
