#!/usr/bin/env python3
"""Fill Japanese (or other) translations into a Qt Linguist .ts file from a JSON dictionary.

    translations/apply_translations.py translations/tsunagi_ja.ts my-strings.json

The JSON maps context -> source text -> translation (a list of strings for plural forms):
    {"MainWindow": {"&File": "ファイル(&F)", "%n session(s)": ["%n 個のセッション"]}}
Matching messages get the translation and lose type="unfinished". Run `make lupdate` first so
the messages exist; run both under `flock /tmp/tsunagi-ts.lock` when several people edit at once.
Prints the messages of the given contexts that are still unfinished.
"""
import json
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    ts_path, json_path = sys.argv[1], sys.argv[2]
    with open(json_path, encoding="utf-8") as f:
        wanted = json.load(f)
    tree = ET.parse(ts_path)
    root = tree.getroot()
    applied, missing = 0, []
    seen = set()
    for context in root.iter("context"):
        name = context.findtext("name")
        table = wanted.get(name)
        if table is None:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if source not in table:
                if translation.get("type") == "unfinished" or not (translation.text or list(translation)):
                    missing.append((name, source))
                continue
            seen.add((name, source))
            value = table[source]
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            translation.attrib.pop("type", None)
            applied += 1
    unknown = [(c, s) for c, t in wanted.items() for s in t if (c, s) not in seen]
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    print(f"applied {applied} translations")
    for c, s in unknown:
        print(f"not in the .ts (run make lupdate?): {c}: {s!r}")
    for c, s in missing:
        print(f"still unfinished: {c}: {s!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
