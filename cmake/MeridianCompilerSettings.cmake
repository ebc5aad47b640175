# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide compiler settings, applied through one interface target so that
# nothing leaks into consumers of the installed libraries.
add_library(meridian_compile_options INTERFACE)
add_library(Meridian::CompileOptions ALIAS meridian_compile_options)
target_compile_options(meridian_compile_options INTERFACE -Wall -Wextra -pedantic -Wno-missing-field-initializers)
if(CMAKE_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # In a unity batch each .cpp is an included file, so GCC warns about file-local types inside the classes and
    # lambdas of that file as if they sat in a header shared by several files; they do not.
    target_compile_options(meridian_compile_options INTERFACE -Wno-subobject-linkage)
endif()
if(MERIDIAN_WERROR)
    target_compile_options(meridian_compile_options INTERFACE -Werror)
endif()
target_compile_definitions(meridian_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    MERIDIAN_VERSION="${PROJECT_VERSION}")

# Linking: mold where it is installed (quickstart.sh installs it). The tree links ~150 executables and shared
# libraries with debug information; GNU ld spent minutes of a cold build on them, mold spends seconds
# (docs/architecture.md, Build time). Off with -DMERIDIAN_USE_MOLD=OFF.
option(MERIDIAN_USE_MOLD "Link with mold when it is installed" ON)
if(MERIDIAN_USE_MOLD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=mold" MERIDIAN_HAVE_MOLD)
    if(MERIDIAN_HAVE_MOLD)
        add_link_options(-fuse-ld=mold)
    endif()
endif()
