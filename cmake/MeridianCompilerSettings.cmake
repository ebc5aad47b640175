# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide compiler settings, applied through one interface target so that
# nothing leaks into consumers of the installed libraries.
add_library(meridian_compile_options INTERFACE)
add_library(Meridian::CompileOptions ALIAS meridian_compile_options)
target_compile_options(meridian_compile_options INTERFACE -Wall -Wextra -pedantic -Wno-missing-field-initializers)
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
