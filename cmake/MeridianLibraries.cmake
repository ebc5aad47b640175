# SPDX-License-Identifier: GPL-3.0-or-later
# How the project's own libraries (protocol, core, reports, ui, agent parts, test support) are linked.
#
# Statically linked, each of the ~75 test programs carries its own copy of core and ui: 108 MB per UI test in
# the dev build and 245 MB under ASan + UBSan, 8 GB for one sanitized build, which filled CI's disk. Shared,
# a test is its own code only. The development, sanitizer and UI-free presets therefore use shared libraries;
# Release (benchmarks, packages) stays static so that an installed program is one self-contained file.
option(MERIDIAN_SHARED_LIBS "Build the project's own libraries as shared objects" OFF)
if(MERIDIAN_SHARED_LIBS)
    set(MERIDIAN_LIBRARY_TYPE SHARED)
    # Installed programs find the libraries beside them; the build tree uses CMake's build RPATH.
    set(CMAKE_INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}/meridian")
else()
    set(MERIDIAN_LIBRARY_TYPE STATIC)
endif()
# The `package` preset links the programs statically but compiles exactly what the shared `dev` build compiles
# (same flags, -fPIC included), so that after CI's stage 1 ccache serves every compilation of the packages
# (packaging/README.md, CI budget).
# (Programs then compile with -fPIE, a handful of files.)
option(MERIDIAN_PIC_LIBRARIES "Compile the project's static libraries position-independent, as shared ones are" OFF)
if(MERIDIAN_PIC_LIBRARIES)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
endif()
add_feature_info(shared-libraries MERIDIAN_SHARED_LIBS "the project's libraries are shared objects (MERIDIAN_SHARED_LIBS)")

# Installs a library that installed programs link, when it is a shared object (a static one is inside them).
function(meridian_install_library target)
    if(MERIDIAN_SHARED_LIBS)
        install(TARGETS ${target} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/meridian)
    endif()
endfunction()

# Gives `target` an include root in the build tree that holds only the listed source folders (as symbolic links),
# so that `#include "core/store/fleetstore.h"` resolves only in targets that link `target`: an include against
# the data flow (docs/architecture.md, Layers) fails to compile instead of growing a hidden cycle. Every project
# header is included by its path from the repository root.
function(meridian_include_root target)
    set(root ${PROJECT_BINARY_DIR}/include/${target})
    foreach(folder IN LISTS ARGN)
        set(link ${root}/${folder})
        get_filename_component(parent ${link} DIRECTORY)
        file(MAKE_DIRECTORY ${parent})
        if(IS_SYMLINK ${link})
            file(REMOVE ${link})
        endif()
        file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${link} SYMBOLIC)
    endforeach()
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY" OR type STREQUAL "EXECUTABLE")
        set(scope INTERFACE)
        if(type STREQUAL "EXECUTABLE")
            set(scope PRIVATE)
        endif()
    else()
        set(scope PUBLIC)
    endif()
    target_include_directories(${target} ${scope} ${root})
endfunction()

# A library of the project: `meridian_library(NAME SOURCES … [LINK_PUBLIC …] [LINK_PRIVATE …] [ROOT folder])`.
# Its include root exposes ROOT (default: the calling folder relative to the source tree).
function(meridian_library name)
    cmake_parse_arguments(L "" "ROOT" "SOURCES;LINK_PUBLIC;LINK_PRIVATE" ${ARGN})
    add_library(${name} ${MERIDIAN_LIBRARY_TYPE} ${L_SOURCES})
    if(NOT L_ROOT)
        file(RELATIVE_PATH L_ROOT ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
    endif()
    meridian_include_root(${name} ${L_ROOT})
    target_link_libraries(${name} PUBLIC ${L_LINK_PUBLIC} PRIVATE ${L_LINK_PRIVATE} Meridian::CompileOptions)
    meridian_install_library(${name})
endfunction()

# `meridian_compile_alone(target file…)`: compiles these sources of `target` on their own in unity builds
# (CMAKE_UNITY_BUILD, docs/architecture.md, Build time). For files whose file-local helper must keep a name that
# another file's helper has too: a free `tr()` (QCoreApplication::translate with the file's context) is the name
# lupdate looks for, so it cannot be renamed apart.
function(meridian_compile_alone target)
    get_target_property(target_dir ${target} SOURCE_DIR)
    set(files "")
    foreach(file IN LISTS ARGN)
        get_filename_component(absolute ${file} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
        list(APPEND files ${absolute})
    endforeach()
    set_source_files_properties(${files} DIRECTORY ${target_dir} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
