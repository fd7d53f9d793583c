#!/usr/bin/env python3
"""Turns the annotated paragraphs (gold-source.txt and heldout-source.txt, inline [mention|C] marks) into gold.jsonl and
heldout.jsonl with UTF-16 offsets, the form the evaluation test reads. Run after editing a source: python3 tools/gold/build.py
The per-language sets (<lang>-dev-source.txt, <lang>-heldout-source.txt, <lang>-heldout2-source.txt,
<lang>-heldout3-source.txt) get ids such as de-d001, de-h001, de-h2-001 and de-h3-001; the labelled sentiment sentences
(<lang>-sentiment-dev.jsonl, <lang>-sentiment-heldout.jsonl, <lang>-sentiment-heldout2.jsonl) are written by hand and only
checked here."""
import json
import pathlib
import re

GOLD = pathlib.Path(__file__).resolve().parents[2] / "tests/Pipeline.Analysis.Offline.Tests/Gold"
CATEGORIES = {"P": "Person", "L": "Location", "O": "Organization", "E": "Event", "Pr": "Product", "D": "DateTime", "Q": "Quantity"}
MARK = re.compile(r"\[([^\]|]+)\|([A-Za-z]+)\]")
LANGUAGES = ["de", "fr", "es", "it", "nl", "pt"]
LABELS = {"positive", "neutral", "negative"}


def utf16_length(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def convert(name: str, prefix: str | None = None) -> None:
    """prefix starts every id (the English sets keep their historical name[0]: g, h, d)."""
    prefix = name[0] if prefix is None else prefix
    lines, total = [], 0
    for number, line in enumerate((GOLD / f"{name}-source.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        domain, marked = line.split("\t", 1)
        text, entities, last = "", [], 0
        for m in MARK.finditer(marked):
            if m.group(2) not in CATEGORIES:
                raise SystemExit(f"{name} line {number}: unknown category {m.group(2)!r}")
            if m.group(1) != m.group(1).strip():
                raise SystemExit(f"{name} line {number}: space at the edge of {m.group(1)!r}")
            text += marked[last:m.start()]
            entities.append({"start": utf16_length(text), "length": utf16_length(m.group(1)), "category": CATEGORIES[m.group(2)], "text": m.group(1)})
            text += m.group(1)
            last = m.end()
        text += marked[last:]
        if "[" in text or "]" in text:
            raise SystemExit(f"{name} line {number}: unbalanced mark")
        total += len(entities)
        lines.append(json.dumps({"id": f"{prefix}{len(lines) + 1:03}", "domain": domain, "text": text, "entities": entities}, ensure_ascii=False))
    (GOLD / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} paragraphs, {total} entities")


def check_sentiment(name: str, prefix: str) -> None:
    """The sentiment sets are hand-written JSON lines; checks ids, labels and text and prints the label counts."""
    counts, ids = {label: 0 for label in sorted(LABELS)}, set()
    for number, line in enumerate((GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        if set(row) != {"id", "text", "label"} or row["label"] not in LABELS or not row["text"].strip():
            raise SystemExit(f"{name} line {number}: expected id, text and a label in {sorted(LABELS)}")
        if not row["id"].startswith(prefix) or row["id"] in ids:
            raise SystemExit(f"{name} line {number}: id {row['id']!r} is not unique or does not start with {prefix}")
        ids.add(row["id"])
        counts[row["label"]] += 1
    print(f"{name}: {len(ids)} sentences, " + ", ".join(f"{n} {label}" for label, n in counts.items()))


def main() -> None:
    convert("gold")
    convert("heldout")
    convert("heldout2")
    convert("dev3")
    for language in LANGUAGES:
        for split, letter in (("dev", "d"), ("heldout", "h"), ("heldout2", "h2-"), ("heldout3", "h3-")):
            if (GOLD / f"{language}-{split}-source.txt").exists():
                convert(f"{language}-{split}", f"{language}-{letter}")
            if (GOLD / f"{language}-sentiment-{split}.jsonl").exists():
                check_sentiment(f"{language}-sentiment-{split}", f"{language}-s{letter}")


if __name__ == "__main__":
    main()
