#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a manual page and the program's --help disagree on a long option:
#   check-manpage.sh MANPAGE PROGRAM [SUBCOMMAND…]
# Every --flag that `PROGRAM --help` (and `PROGRAM SUBCOMMAND --help`) prints must be in the page, and every
# flag the page documents as an option (a .TP heading) must be in one of those help texts.
set -euo pipefail
page=$1 program=$2
shift 2
export QT_QPA_PLATFORM=offscreen

help=$("$program" --help)
for sub in "$@"; do
    help+=$'\n'"$("$program" "$sub" --help)"
done
flags_of_help=$(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u)
# Option headings: the line after .TP, with roff's \- turned back into -.
flags_of_page=$(awk '/^\.TP/ { getline; print }' "$page" | sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
text_of_page=$(sed 's/\\-/-/g' "$page")

status=0
for flag in $flags_of_help; do
    if ! grep -qE -- "${flag}([^a-z0-9-]|\$)" <<<"$text_of_page"; then
        echo "$page: $flag is in '$(basename "$program") --help' but not in the manual page" >&2
        status=1
    fi
done
for flag in $flags_of_page; do
    if ! grep -qE -- "${flag}([^a-z0-9-]|\$)" <<<"$help"; then
        echo "$page: documents $flag, which '$(basename "$program") --help' does not know" >&2
        status=1
    fi
done
((status == 0)) && echo "$(basename "$page"): $(wc -w <<<"$flags_of_help") options of --help, all documented"
exit $status
