# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DFILES=a;b -DFORBIDDEN=libX;libY -P check_runtime_dependencies.cmake
# Fails when a file in FILES loads, directly or through another library, one whose name starts with an entry
# of FORBIDDEN. Also fails when nothing at all was resolved, so that a broken check cannot pass.
cmake_minimum_required(VERSION 3.25)

set(executables)
set(libraries)
foreach(file IN LISTS FILES)
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "no such file: ${file}")
    endif()
    if(file MATCHES "\\.so(\\.|$)")
        list(APPEND libraries "${file}")
    else()
        list(APPEND executables "${file}")
    endif()
endforeach()

file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${executables}
    LIBRARIES ${libraries}
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved)

if(unresolved)
    message(FATAL_ERROR "could not resolve: ${unresolved}")
endif()
set(qtcore ${resolved})
list(FILTER qtcore INCLUDE REGEX "/libQt6Core[.]so")
if(NOT qtcore)
    message(FATAL_ERROR "libQt6Core is not among the dependencies of ${FILES}: the check itself is broken")
endif()

set(violations)
foreach(dependency IN LISTS resolved)
    get_filename_component(name "${dependency}" NAME)
    foreach(prefix IN LISTS FORBIDDEN)
        if(name MATCHES "^${prefix}[.-]")
            list(APPEND violations "${name}")
        endif()
    endforeach()
endforeach()
if(violations)
    list(REMOVE_DUPLICATES violations)
    message(FATAL_ERROR "${FILES}\nload what they must not: ${violations}")
endif()
list(LENGTH resolved count)
message(STATUS "${count} runtime dependencies, none of: ${FORBIDDEN}")
