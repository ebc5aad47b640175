#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill the unfinished messages of a .ts file from other versions of it (after a merge).

  tsunion.py TARGET.ts OTHER.ts [OTHER.ts …]

A merge of two branches that both added strings: take one side's file, run lupdate (the other
side's strings come in unfinished), then fill them from the other side's file with this script,
and run lupdate again to normalise. Matches on (context, source, comment).
"""
import sys
import xml.etree.ElementTree as ET


def key(ctx, msg):
    return (ctx.findtext("name"), msg.findtext("source"), msg.findtext("comment") or "")


def finished(path):
    table = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") is None:
                table[key(ctx, msg)] = tr
    return table


def main():
    target = sys.argv[1]
    known = {}
    for other in sys.argv[2:]:
        known.update(finished(other))
    tree = ET.parse(target)
    filled = 0
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            src = known.get(key(ctx, msg))
            if src is None:
                continue
            msg.remove(tr)
            new = ET.fromstring(ET.tostring(src))
            new.tail = tr.tail
            msg.append(new)
            filled += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}", file=sys.stderr)


if __name__ == "__main__":
    main()
