#include "solver/reliability.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cp::solver {

GoodputResult goodput(const GoodputInputs &in)
{
    GoodputResult out;
    out.sparePool = std::ceil(in.accelerators * in.spareRatio);
    out.spareCapexUsd = out.sparePool * in.unitCapexUsd;
    out.interruptionsPerDay = in.accelerators * in.interruptionsPerAcceleratorYear / 365.0;
    if (out.interruptionsPerDay <= 0.0) {
        out.mtbfMinutes = std::numeric_limits<double>::infinity();
        out.checkpointIntervalMinutes = std::numeric_limits<double>::infinity();
        out.goodputFraction = 1.0;
        out.effectivePflops = in.pflops;
        return out;
    }
    const double m = 24.0 * 60.0 / out.interruptionsPerDay;
    const double d = std::max(0.0, in.checkpointWriteMinutes);
    out.mtbfMinutes = m;
    double tau = m;
    if (d < 2.0 * m) {
        const double x = d / (2.0 * m);
        tau = std::sqrt(2.0 * d * m) * (1.0 + std::sqrt(x) / 3.0 + x / 9.0) - d;
    }
    if (tau <= 0.0) // a free checkpoint: checkpoint continuously
        tau = std::numeric_limits<double>::min();
    out.checkpointIntervalMinutes = tau;
    const double writing = tau / (tau + d);
    const double notLost = std::max(0.0, 1.0 - (in.restartMinutes + (tau + d) / 2.0) / m);
    out.goodputFraction = std::clamp(writing * notLost, 0.0, 1.0);
    out.effectivePflops = in.pflops * out.goodputFraction;
    return out;
}

double largestJob(const GoodputInputs &inputs, double goodputFraction)
{
    GoodputInputs job = inputs;
    const auto keeps = [&](double accelerators) {
        job.accelerators = accelerators;
        return goodput(job).goodputFraction >= goodputFraction;
    };
    double lo = 0.0; // keeps the target (no job: goodput 1)
    double hi = std::floor(std::max(0.0, inputs.accelerators));
    if (keeps(hi))
        return hi;
    while (hi - lo > 1.0) { // lo keeps it, hi does not
        const double mid = std::floor((lo + hi) / 2.0);
        (keeps(mid) ? lo : hi) = mid;
    }
    return lo;
}

} // namespace cp::solver
