// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into every benchmark (cmake/MeridianTesting.cmake): before main() runs, one line says what the figures
// describe — build type, allocator, worker priority — so that a figure is never read as the shipped console's
// when it was not measured on what ships (docs/performance.md, How to read). The allocator is read at run time,
// not from the build: a benchmark that linked jemalloc but resolved malloc elsewhere says so.

#include "core/util/backgroundpriority.h"

#include <QStandardPaths>

#include <cstdio>
#include <dlfcn.h>

namespace {

using BenchMallctl = int (*)(const char*, void*, size_t*, void*, size_t);

// "jemalloc 5.3.0-0-g…" when malloc resolves to jemalloc (the console's allocator, cmake/MeridianAllocator.cmake),
// else glibc's.
const char* benchAllocator()
{
    const auto mallctl = reinterpret_cast<BenchMallctl>(::dlsym(RTLD_DEFAULT, "mallctl"));
    if (!mallctl)
        return "glibc";
    static char text[96];
    const char* version = nullptr;
    size_t size = sizeof(version);
    if (mallctl("version", &version, &size, nullptr, 0) != 0 || !version)
        return "jemalloc";
    std::snprintf(text, sizeof(text), "jemalloc %s", version);
    return text;
}

struct BenchConfigLine
{
    BenchConfigLine()
    {
        // A benchmark's pages keep their table layouts as the console does (QSettings): in the test locations,
        // never in the user's own configuration, where a benchmark's offscreen window once left every column of
        // the Planner's table 26 pixels wide.
        QStandardPaths::setTestModeEnabled(true);
        const bool shipped = MERIDIAN_BENCH_RELEASE != 0;
        std::printf("BENCH_CONFIG build=%s allocator=%s workers=nice+%d%s\n", MERIDIAN_BENCH_BUILD_TYPE,
            benchAllocator(), Meridian::BackgroundNiceIncrement,
            shipped ? "" : " (not the release preset: not comparable with docs/performance.md)");
        std::fflush(stdout);
    }
};

const BenchConfigLine benchConfigLine;

} // namespace
