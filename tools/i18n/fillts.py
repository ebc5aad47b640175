#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""List or fill the unfinished messages of a Qt Linguist .ts file.

  fillts.py list FILE.ts            print a JSON object {source: ""} of every unfinished message
  fillts.py fill FILE.ts DICT.json  fill unfinished messages from {source: translation}; a plural
                                    message takes a list of forms or one string used for every form

Run lupdate afterwards: it rewrites the file in its own canonical layout.
"""
import json
import sys
import xml.etree.ElementTree as ET


def unfinished(root):
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") == "unfinished":
                yield ctx.findtext("name"), msg, tr


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    tree = ET.parse(path)
    root = tree.getroot()
    if cmd == "list":
        out = {msg.findtext("source"): "" for _, msg, _ in unfinished(root)}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    table = json.load(open(sys.argv[3], encoding="utf-8"))
    filled = 0
    for _, msg, tr in unfinished(root):
        text = table.get(msg.findtext("source"))
        if not text:
            continue
        if msg.get("numerus") == "yes":
            forms = text if isinstance(text, list) else [text]
            nodes = tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]
            for i, node in enumerate(nodes):
                node.text = forms[min(i, len(forms) - 1)]
        else:
            tr.text = text
        del tr.attrib["type"]
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}", file=sys.stderr)


if __name__ == "__main__":
    main()
