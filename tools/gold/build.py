#!/usr/bin/env python3
"""Turns the annotated paragraphs (gold-source.txt and heldout-source.txt, inline [mention|C] marks) into gold.jsonl and
heldout.jsonl with UTF-16 offsets, the form the evaluation test reads. Run after editing a source: python3 tools/gold/build.py"""
import json
import pathlib
import re

GOLD = pathlib.Path(__file__).resolve().parents[2] / "tests/Pipeline.Core.Tests/Analysis/Gold"
CATEGORIES = {"P": "Person", "L": "Location", "O": "Organization", "E": "Event", "Pr": "Product", "D": "DateTime", "Q": "Quantity"}
MARK = re.compile(r"\[([^\]|]+)\|([A-Za-z]+)\]")


def utf16_length(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def convert(name: str) -> None:
    lines, total = [], 0
    for number, line in enumerate((GOLD / f"{name}-source.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        domain, marked = line.split("\t", 1)
        text, entities, last = "", [], 0
        for m in MARK.finditer(marked):
            text += marked[last:m.start()]
            entities.append({"start": utf16_length(text), "length": utf16_length(m.group(1)), "category": CATEGORIES[m.group(2)], "text": m.group(1)})
            text += m.group(1)
            last = m.end()
        text += marked[last:]
        if "[" in text or "]" in text:
            raise SystemExit(f"line {number}: unbalanced mark")
        total += len(entities)
        lines.append(json.dumps({"id": f"{name[0]}{len(lines) + 1:03}", "domain": domain, "text": text, "entities": entities}, ensure_ascii=False))
    (GOLD / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} paragraphs, {total} entities")


def main() -> None:
    convert("gold")
    convert("heldout")
    convert("heldout2")
    convert("dev3")


if __name__ == "__main__":
    main()
