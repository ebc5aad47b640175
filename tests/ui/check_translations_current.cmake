# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a visible string in the sources is missing from the zh_CN catalogue:
# runs lupdate over the sources into a copy of the committed .ts and counts what
# it had to add as unfinished. (tst_translations checks the committed file itself.)
# Usage: cmake -DLUPDATE=… -DTS=… -DSOURCE_DIR=… -DWORK_DIR=… -P check_translations_current.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(name "${TS}" NAME)
set(copy "${WORK_DIR}/${name}")
configure_file("${TS}" "${copy}" COPYONLY)
file(GLOB_RECURSE sources "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/app/*.cpp"
    "${SOURCE_DIR}/core/*.cpp")
# Project headers are included by their path from the source root: lupdate needs it to resolve classes.
# EXTRA: more lupdate options, e.g. "-pluralonly" for the English plural catalogue.
separate_arguments(extra UNIX_COMMAND "${EXTRA}")
execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none ${extra} -I "${SOURCE_DIR}" ${sources} -ts "${copy}"
    RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(STRINGS "${copy}" unfinished REGEX "type=\"unfinished\"")
list(LENGTH unfinished count)
if(count GREATER 0)
    execute_process(COMMAND diff -u "${TS}" "${copy}" OUTPUT_VARIABLE diff)
    message(FATAL_ERROR "${count} string(s) in the sources are not translated in ${TS}; run "
        "`ninja meridian_ui_lupdate` (English plurals: `ninja meridian_en_lupdate`) and translate them:\n${diff}")
endif()
message(STATUS "${name} covers every string in the sources")
