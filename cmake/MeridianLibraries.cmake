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
add_feature_info(shared-libraries MERIDIAN_SHARED_LIBS "the project's libraries are shared objects (MERIDIAN_SHARED_LIBS)")

# Installs a library that installed programs link, when it is a shared object (a static one is inside them).
function(meridian_install_library target)
    if(MERIDIAN_SHARED_LIBS)
        install(TARGETS ${target} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/meridian)
    endif()
endfunction()
