"""What a question asks: its language, its form, and the terms an answer must speak to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.language import detect_language
import unicodedata

from ingest.terms import terms, terms_with_offsets

MAX_QUESTION_CHARS = 2000

# Words that say what kind of answer is wanted, not what it is about: an answer need not contain them.
_EN_FORM = set(
    """who whom whose what which when where why how many much long old does did do is are was were can could
    would should will has have had tell know name list explain describe say said says happen happened
    kind type anything something someone person people thing things one ones way""".split()
) | set(
    # How exactly the asker wants it, not what about: "Roughly how many employees ..." is answered by
    # "about 140 employees" as well as by "140".
    """roughly approximately around exactly precisely actually really currently presently basically ever
    just""".split()
)
# Words a question is framed with ("how big does it *want* to *get*", "when is it *supposed* to *come out*",
# 「*全部*で何問」, 「*今*何機種」): a reporter rarely repeats them, so the reader weighs them less (rag.support).
# Kept apart from the form words: a sentence that does say them still speaks to the question a little more.
# (Japanese light verbs, 出す 入る 行く, were tried too and answered worse.)
FRAMING = frozenset(
    """want wants wanted get gets got getting come comes came coming supposed big bigger give gives gave given take
    takes took taken put puts make makes made making bring brings brought set go goes went gone going let need needs
    needed think thinks seem seems able like also still now today out up down off part such much very really
    compared compare finally thanks""".split()
) | frozenset("全部 全て 其々 今 新しい ほぼ 実際 一体 一番 以上 最初 合計 全体 総計".split())
_JA_FORM = {
    "誰", "何", "何時", "いつ", "どこ", "何処", "なぜ", "何故", "どう", "どの", "どれ", "どんな", "如何",
    "幾つ", "いくつ", "幾ら", "いくら", "何人", "何年", "何月", "何日", "何時間", "理由", "本当", "教える",
    "知る", "言う", "方", "的", "について", "関する", "何故", "か", "の", "人", "事", "もの", "抑",
    "下さる", "頂く", "呉れる", "貰う",  # 教えてください: politeness, not content
    "大体", "凡そ", "およそ", "実際", "一体", "結局", "丁度", "ちょうど",  # how exactly, not what
    "程度", "ぐらい", "くらい", "うち", "内",  # how much of it: どの程度, そのうち
    "仕舞う", "遣る",  # 送金してしまった, 何回やった: an auxiliary and a casual "do"
}
_YES_NO_EN = re.compile(r"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b", re.I)
# (A question mark without a wh-word asks yes or no too: 「…閉鎖されちゃうの?」, 「罰則あるの?」; but 「…の度数は?」
# asks what it is.)
_YES_NO_JA = re.compile(r"(ですか|ますか|でしたか|ましたか|のか|んですか|本当|って本当)\s*[?？]?\s*$|(?<![はって])[?？]\s*$")
WH_JA = re.compile(r"(誰|何|いつ|どこ|なぜ|何故|なんで|どう|どの|どれ|どんな|いくつ|いくら|幾ら)")  # a Japanese wh-word
# Quoted phrases; an ASCII apostrophe between letters ("What's", "Japan's") is not a quote mark.
_QUOTED = re.compile(r"(?:[\"“‘「『]|(?<![A-Za-z])')([^\"“”‘’「」『』]{2,60}?)(?:[\"”’」』]|'(?![A-Za-z]))")
# Compound particles: Sudachi reads the verb in them (にとって -> 取る, について -> 付く, によって -> 因る), but they
# say how the question's words relate, not what it asks about.
_JA_COMPOUND_PARTICLE = re.compile(r"に(?:とって|ついて|つき|よって|より|よる|よれば|よると|対して|対し|対する|関して|関し|関する|"
                                   r"おいて|おける|基づいて|基づく|基づき|向けて|向けた|際して|伴って|伴う|わたって|わたる)")
_ASCII_TERM = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


@dataclass(frozen=True)
class Question:
    text: str
    lang: str  # "ja" | "en"
    yes_no: bool
    key_terms: tuple[str, ...]  # what the answer must speak to (BM25 terms, question-form words removed)
    quoted: tuple[str, ...]  # phrases the user put in quotes, e.g. 'google bard'

    @property
    def ascii_terms(self) -> tuple[str, ...]:
        """Key terms written in Latin script: names and model names that match across languages."""
        return tuple(t for t in self.key_terms if _ASCII_TERM.match(t))


def analyse(text: str) -> Question:
    text = text.strip()
    lang = detect_language(text)
    # A counter after 何 asks for a count (何台, 何か国): an answer gives the number, not the counter.
    normal = unicodedata.normalize("NFKC", text)
    located = terms_with_offsets(text)
    counters = {t for t, at in located if at and normal[at - 1] in "何幾"}
    particles = [m.span() for m in _JA_COMPOUND_PARTICLE.finditer(normal)]
    functional = {t for t, at in located if any(start < at < end for start, end in particles)}
    key = tuple(dict.fromkeys(t for t in terms(text) if t not in _EN_FORM and t not in _JA_FORM and t not in counters
                              and t not in functional))
    yes_no = bool(_YES_NO_EN.match(text)) if lang == "en" else bool(_YES_NO_JA.search(text)) and not WH_JA.search(text)
    quoted = tuple(m.group(1).strip() for m in _QUOTED.finditer(text))
    return Question(text=text, lang=lang, yes_no=yes_no, key_terms=key, quoted=quoted)
