#pragma once

// Goodput of a training job that spans a site's energized accelerators: at scale,
// something fails every few minutes, and the job loses the work since its last checkpoint plus
// a restart each time. Young/Daly give the checkpoint interval that minimises the loss.
//
//   interruptions/day  = N x interruptionsPerAcceleratorYear / 365
//   M (MTBF of the job) = 1 day / interruptions per day
//   Daly's interval     tau = sqrt(2 d M) [1 + sqrt(d / 2M) / 3 + (d / 2M) / 9] - d   (d < 2M; else tau = M)
//   goodput             = tau / (tau + d) x max(0, 1 - (R + (tau + d) / 2) / M)
//
// with d the checkpoint write time and R the restart time: the first factor is time not spent
// writing checkpoints, the second the time not lost to failures (half an interval of work
// redone on average, plus the restart). Daly, "A higher order estimate of the optimum
// checkpoint interval for restart dumps", FGCS 22 (2006).
namespace cp::solver {

struct GoodputInputs {
    double accelerators = 0.0;                    // energized in one job
    double interruptionsPerAcceleratorYear = 0.17; // catalog (Llama 3: 419 unexpected in 54 days on 16,384 H100)
    double checkpointWriteMinutes = 1.0;
    double restartMinutes = 5.0;
    double pflops = 0.0;      // dense BF16 of the accelerators, for effective PFLOPS
    double spareRatio = 0.05; // catalog (Delta: ~5% overprovisioning)
    double unitCapexUsd = 0.0;
};

struct GoodputResult {
    double interruptionsPerDay = 0.0;
    double mtbfMinutes = 0.0;               // infinite when nothing runs
    double checkpointIntervalMinutes = 0.0; // Daly's optimum
    double goodputFraction = 1.0;
    double effectivePflops = 0.0;
    double sparePool = 0.0; // accelerators, rounded up
    double spareCapexUsd = 0.0;
};

[[nodiscard]] GoodputResult goodput(const GoodputInputs &inputs);

// The most accelerators, up to inputs.accelerators, that one job can span and keep at least
// `goodputFraction` with the same rates and times (goodput falls as a job grows). A planner's
// answer to a site whose one big job would spend its time restarting: split it into jobs this size.
[[nodiscard]] double largestJob(const GoodputInputs &inputs, double goodputFraction);

} // namespace cp::solver
