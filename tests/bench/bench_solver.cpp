// Solver benchmark: time per solve for plans of growing size, heap allocations per repeated
// solve, the time to expand every site's monthly arrays from a solve (what an export or a
// chart pays on top), and peak memory. Prints a Markdown table; tests/bench/README.md records
// results.
//
//   build/tests/bin/bench_solver            # the full table
//   build/tests/bin/bench_solver --quick    # a smoke run (what ctest runs)
//   build/tests/bin/bench_solver --shape 1000,10,240   # one shape for 5 s (to profile it)

#include "benchplans.h"
#include "solver/solver.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace {

std::atomic<long long> g_allocations{0};

} // namespace

// Count every heap allocation, to show repeated solves allocate nothing once sizes are known.
void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

struct Measurement {
    double microsecondsPerSolve;
    long long allocationsPerSolve;
};

// Best of several batches of `work`, in microseconds: the least disturbed by whatever else the
// machine runs.
template<typename Work>
double bestMicroseconds(double minSeconds, Work &&work)
{
    using Clock = std::chrono::steady_clock;
    double best = 1e100;
    const auto deadline = Clock::now() + std::chrono::duration<double>(minSeconds);
    int batch = 1;
    do {
        const auto t0 = Clock::now();
        for (int i = 0; i < batch; ++i)
            work();
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        best = std::min(best, seconds / batch);
        if (seconds < 0.02)
            batch *= 2;
    } while (Clock::now() < deadline);
    return best * 1e6;
}

Measurement measure(const cp::solver::Plan &plan, double minSeconds, bool siteSeries)
{
    cp::solver::Solver solver;
    cp::solver::Result result;
    const cp::solver::SolveOptions options{siteSeries, true};
    solver.solve(plan, result, options); // warm up: size every buffer once
    solver.solve(plan, result, options);

    const long long allocationsBefore = g_allocations.load();
    solver.solve(plan, result, options);
    const long long allocations = g_allocations.load() - allocationsBefore;

    return {bestMicroseconds(minSeconds, [&] { solver.solve(plan, result, options); }), allocations};
}

// Every site's monthly arrays expanded once, one site after another into the same arrays (as
// the JSON export writes them), so the figure is the expansion and not fresh memory.
double measureExpansion(const cp::solver::Plan &plan, double minSeconds)
{
    const cp::solver::Result result = cp::solver::solve(plan);
    cp::solver::MonthlySeries arrays;
    return bestMicroseconds(minSeconds, [&] {
        for (const cp::solver::SiteResult &site : result.sites)
            site.series.expandInto(arrays);
    });
}

long peakRssKib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const bool oneShape = argc > 2 && std::strcmp(argv[1], "--shape") == 0;
    const double seconds = quick ? 0.01 : oneShape ? 5.0 : 0.5;

    struct Shape {
        int sites, items, months;
    };
    std::vector<Shape> shapes = {{1, 10, 120}};
    if (oneShape) {
        Shape shape{};
        if (std::sscanf(argv[2], "%d,%d,%d", &shape.sites, &shape.items, &shape.months) != 3 || shape.sites < 1
            || shape.items < 1 || shape.months < 1) {
            std::fprintf(stderr, "--shape wants SITES,ITEMS,MONTHS, e.g. --shape 1000,10,240\n");
            return 2;
        }
        shapes = {shape};
    } else if (!quick) {
        shapes = {{1, 10, 120},    {1, 10, 240},    {1, 40, 120},     {10, 10, 240},   {100, 10, 240},
                  {1000, 5, 240},  {1000, 10, 60},  {1000, 10, 120},  {1000, 10, 240}, {1000, 10, 480},
                  {1000, 10, 600}, {1000, 20, 240}, {1000, 40, 240},  {2000, 10, 240}, {4000, 10, 240}};
    }

    std::printf("| sites | items/site | months | us/solve (site series) | us/solve (KPIs only) | ns/item-month | allocs/solve "
                "| us to expand every site's arrays |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Shape &shape : shapes) {
        const cp::solver::Plan plan = bench::shapedPlan(shape.sites, shape.items, shape.months);
        const Measurement full = measure(plan, seconds, true);
        const Measurement lean = measure(plan, seconds, false);
        const double expand = measureExpansion(plan, seconds);
        const double itemMonths = double(shape.sites) * shape.items * shape.months;
        std::printf("| %d | %d | %d | %.2f | %.2f | %.3f | %lld | %.2f |\n", shape.sites, shape.items, shape.months,
                    full.microsecondsPerSolve, lean.microsecondsPerSolve, full.microsecondsPerSolve * 1000 / itemMonths,
                    full.allocationsPerSolve, expand);
    }
    std::printf("\npeak resident memory: %.1f MiB\n", peakRssKib() / 1024.0);
    return 0;
}
