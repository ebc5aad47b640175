# SPDX-License-Identifier: GPL-3.0-or-later
# meridian_add_test(NAME name SOURCES a.cpp … LIBS … [LABELS …] [GUI] [TIMEOUT s] [ENVIRONMENT …])
#
# One Qt Test executable = one CTest test. GUI tests run on the offscreen
# platform. Tests find the binaries under test through MERIDIAN_AGENT_BIN and
# MERIDIAN_FLEETSIM_BIN (compile definitions), fixtures through MERIDIAN_FIXTURES_DIR.
function(meridian_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS} Meridian::CompileOptions)
    target_compile_definitions(${T_NAME} PRIVATE
        MERIDIAN_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
        MERIDIAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MERIDIAN_AGENT_BIN="$<TARGET_FILE:meridian-agent>"
        MERIDIAN_FLEETSIM_BIN="$<TARGET_FILE:meridian-fleetsim>")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env ${T_ENVIRONMENT})
    if(T_GUI)
        list(APPEND env QT_QPA_PLATFORM=offscreen)
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
    add_executable(${B_NAME} ${B_SOURCES})
    target_link_libraries(${B_NAME} PRIVATE ${B_LIBS} Meridian::CompileOptions)
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
