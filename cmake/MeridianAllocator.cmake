# SPDX-License-Identifier: GPL-3.0-or-later
# The console's memory allocator: jemalloc (Debian: libjemalloc-dev) when it is there.
#
# Why: the console decodes agent data on worker threads and drops the replaced values on the UI
# thread. With glibc's malloc every such free() goes back to the worker's arena under its lock:
# at 25,000 nodes on two busy cores the UI thread queued for that lock (stalls of 100-400 ms), and
# the arenas fragmented (the soak's RSS rose ~280 MiB over 20 simulated minutes with live data
# flat). jemalloc frees into a per-thread cache and kept RSS flat (docs/reliability.md, Load).
# Sanitizer builds keep the sanitizer's allocator.
option(MERIDIAN_USE_JEMALLOC "Link the console with jemalloc when libjemalloc-dev is installed" ON)
add_library(meridian_allocator INTERFACE)
add_library(Meridian::Allocator ALIAS meridian_allocator)
set(MERIDIAN_JEMALLOC OFF)
if(MERIDIAN_USE_JEMALLOC AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
    pkg_check_modules(JEMALLOC QUIET IMPORTED_TARGET jemalloc)
    if(JEMALLOC_FOUND)
        set(MERIDIAN_JEMALLOC ON)
        # The executable names libjemalloc before libc: every library's malloc/free resolves to it.
        target_link_libraries(meridian_allocator INTERFACE PkgConfig::JEMALLOC)
    endif()
endif()
add_feature_info(jemalloc MERIDIAN_JEMALLOC "the console's allocator (libjemalloc-dev); glibc malloc without it")
