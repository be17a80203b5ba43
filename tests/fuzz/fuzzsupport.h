#pragma once

#include <QCoreApplication>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer targets (fuzz_*.cpp, clang) and the replay test of the normal suite
// (tst_fuzzreplay.cpp), which runs the same harness functions over the seeds and every input a
// fuzzer ever crashed on (tests/fuzz/regressions/).
namespace cpfuzz {

// A broken promise: say which, then stop the way libFuzzer and ctest both notice.
[[noreturn]] inline void fail(const char *what, const char *detail)
{
    std::fprintf(stderr, "fuzz check failed: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    std::abort();
}

// Qt SQL loads its driver plugin through the application object; a fuzzer has none of its own.
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "clusterplan-fuzz";
    static char *argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv);
}

// The harnesses. Each returns 0 (libFuzzer's "keep going") and calls fail() on a broken promise.
int scenarioJsonOneInput(const std::uint8_t *data, std::size_t size);
int workspaceOneInput(const std::uint8_t *data, std::size_t size);

} // namespace cpfuzz
