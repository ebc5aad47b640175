# SPDX-License-Identifier: GPL-3.0-or-later
# meridian_add_test(NAME name SOURCES a.cpp … LIBS … [LABELS …] [GUI] [TIMEOUT s] [ENVIRONMENT …])
#
# One Qt Test executable = one CTest test. GUI tests run on the offscreen
# platform. Tests find the binaries under test through MERIDIAN_AGENT_BIN and
# MERIDIAN_FLEETSIM_BIN (compile definitions), fixtures through MERIDIAN_FIXTURES_DIR.
# Tests and benchmarks include their helpers by path from the repository root ("tests/support/…").
add_library(meridian_tests_root INTERFACE)
meridian_include_root(meridian_tests_root tests)

# A test's own code is compiled for building fast, not for running fast: -Og stays debuggable, -g1 keeps the line
# tables a backtrace needs. Under the build type's -O2 -g a test file took twice as long (tst_fleetstore: 12.3 s,
# 6.1 s with these), and tests were half of a cold build. The libraries under test keep the build type's flags,
# and benchmarks (meridian_add_benchmark) keep them too: a benchmark measures the code as it ships.
set(MERIDIAN_TEST_CODE_OPTIONS "")
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_BUILD_TYPE STREQUAL "Release")
    set(MERIDIAN_TEST_CODE_OPTIONS -Og -g1)
endif()

function(meridian_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS} meridian_tests_root Meridian::CompileOptions)
    target_compile_options(${T_NAME} PRIVATE ${MERIDIAN_TEST_CODE_OPTIONS})
    target_compile_definitions(${T_NAME} PRIVATE
        MERIDIAN_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        MERIDIAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MERIDIAN_AGENT_BIN="$<TARGET_FILE:meridian-agent>"
        MERIDIAN_FLEETSIM_BIN="$<TARGET_FILE:meridian-fleetsim>")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    _meridian_defer_sanitizer_environment()
    set(env ${T_ENVIRONMENT})
    if(T_GUI)
        # Offscreen, and settings (table layouts, windows) in a folder of the test's own, never the user's.
        list(APPEND env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/${T_NAME}.config)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}" ENVIRONMENT "${env}")
endfunction()

# meridian_add_benchmark(NAME name SOURCES … LIBS …): built, registered with label
# `bench`, excluded from the default test run (the presets filter the label).
function(meridian_add_benchmark)
    cmake_parse_arguments(B "GUI" "NAME;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    # What ships: the console's allocator, and a first line that says what the figures were measured on.
    add_executable(${B_NAME} ${B_SOURCES} ${PROJECT_SOURCE_DIR}/tests/bench/support/benchconfig.cpp)
    target_link_libraries(${B_NAME} PRIVATE ${B_LIBS} meridian_util meridian_tests_root Meridian::Allocator Meridian::CompileOptions)
    set(release 0)
    if(CMAKE_BUILD_TYPE STREQUAL "Release")
        set(release 1)
    endif()
    set_source_files_properties(${PROJECT_SOURCE_DIR}/tests/bench/support/benchconfig.cpp TARGET_DIRECTORY ${B_NAME}
        PROPERTIES COMPILE_DEFINITIONS "MERIDIAN_BENCH_BUILD_TYPE=\"${CMAKE_BUILD_TYPE}\";MERIDIAN_BENCH_RELEASE=${release}")
    target_compile_definitions(${B_NAME} PRIVATE
        MERIDIAN_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        MERIDIAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MERIDIAN_AGENT_BIN="$<TARGET_FILE:meridian-agent>"
        MERIDIAN_FLEETSIM_BIN="$<TARGET_FILE:meridian-fleetsim>")
    add_test(NAME ${B_NAME} COMMAND ${B_NAME})
    if(NOT B_TIMEOUT)
        set(B_TIMEOUT 1200)
    endif()
    set(env "")
    if(B_GUI)
        set(env QT_QPA_PLATFORM=offscreen)
    endif()
    set_tests_properties(${B_NAME} PROPERTIES LABELS bench TIMEOUT ${B_TIMEOUT} ENVIRONMENT "${env}")
endfunction()

# Sanitized builds (the `asan` preset): every test — and every agent or
# simulator it starts, which inherits the environment — runs with leak
# detection on and UBSan halting, so `ctest --preset asan` and
# `ctest --test-dir build/asan` check the same thing. A report printed by a
# child (tests/support/processharness forwards it, tst_ingestkill forwards
# stderr) fails the test through FAIL_REGULAR_EXPRESSION even when the test
# itself exits 0. System-library leaks we cannot fix: tests/sanitizers/lsan.supp.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
    set(MERIDIAN_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "QTEST_FUNCTION_TIMEOUT=1800000")
endif()

# Run at the end of a test directory (deferred by meridian_add_test), so that
# tests added there with a plain add_test() (soak_short, tst_ingestkill_long)
# get the sanitizer environment too. CMake 3.25 sets test properties only from
# the test's own directory, hence one deferred call per directory.
function(_meridian_sanitize_directory_tests)
    get_property(tests DIRECTORY PROPERTY TESTS)
    foreach(test IN LISTS tests)
        set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT ${MERIDIAN_SANITIZER_ENVIRONMENT})
        # Instrumented code runs 3-5x slower (the 30-day report tests: 270 s instead of 60 s).
        get_property(timeout TEST ${test} PROPERTY TIMEOUT)
        if(timeout)
            math(EXPR timeout "${timeout} * 3")
            set_property(TEST ${test} PROPERTY TIMEOUT ${timeout})
        endif()
        set_property(TEST ${test} PROPERTY FAIL_REGULAR_EXPRESSION
            "ERROR: AddressSanitizer" "ERROR: LeakSanitizer" "runtime error: ")
    endforeach()
endfunction()

function(_meridian_defer_sanitizer_environment)
    get_property(deferred DIRECTORY PROPERTY MERIDIAN_SANITIZER_DEFERRED)
    if(MERIDIAN_SANITIZER_ENVIRONMENT AND NOT deferred)
        set_property(DIRECTORY PROPERTY MERIDIAN_SANITIZER_DEFERRED ON)
        cmake_language(DEFER CALL _meridian_sanitize_directory_tests)
    endif()
endfunction()
