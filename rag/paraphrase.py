"""How a question says it against how a news article says it: "Who *started* Fermentix?" is answered by
"founded in 2019 by ...", 「どこが*作った*?」 by 「…が開発した」.

The gloss lexicon (rag.lexicon) meets words across languages; within one language a user's everyday
verb and a reporter's formal one share no stem. This table goes one way only, from the question's word
to the words an article uses for it (an article's "founded" does not make every "started" a founding).
"""

from __future__ import annotations

from rag.lexicon import stem

# question word -> article words. English keys are matched by stem ("started" ~ start).
_EN = {
    "start": "found founded establish established",
    "work": "employ employs employed employees staff workforce headcount",
    "stay": "attend attended remain remained",
    "dig": "excavate excavated",
    "dug": "excavate excavated",
    "shut": "offline suspend suspended halt halted close closed",
    "punish": "penalty penalties sanction sanctions fine fines",
    "buy": "acquire acquired acquisition purchase purchased",
    "hire": "recruit recruited employ employed",
    "quit": "resign resigned depart departed",
    "leave": "resign resigned depart departed",
    "grow": "increase increased expand expanded rise rose",
    "cut": "reduce reduced shorten shortened lower lowered",
    "release": "launch launched unveil unveiled publish published",
    "ask": "seek seeks sought demand demands",
}
_JA = {
    "作る": "開発 製造 手掛ける 生産 作成 構築",
    "出る": "公開 発売 リリース 登場 発表 支給 助成 補助",
    "持つ": "保有 所有",
    "働く": "従業員 勤務 雇用 在籍 社員 職員",
    "入れる": "導入 採用",
    "始まる": "開始 開業 稼働 運用 発足 導入 提供",
    "始める": "開始 開業 稼働 運用 発足 導入 提供",
    "縮む": "短縮 削減",
    "減る": "減少 削減 低下 短縮",
    "増える": "増加 拡大 倍増 上昇",
    "株": "株式 株価",
    "会社": "企業 同社",
    "務める": "代表 議長 社長 会長 委員長 責任者",
    "辞める": "退任 辞任 退社 退職",
    "集まる": "集める 寄せる 達する",
    "書く": "記載 明記 表示 作成",
    "払う": "支払う 負担 料金 支払い",
    "買う": "購入 買収 取得",
    "売る": "販売 売却",
    "探す": "調査 検知 発見",
    "調べる": "調査 検査 分析",
    "決める": "決定 決議 可決",
    "取る": "記録 獲得 達成",
    "止める": "停止 中止 撤退 廃止",
    "表す": "意味",
}
_TABLE: dict[str, tuple[str, ...]] = {stem(k): tuple(v.split()) for k, v in _EN.items()} | {
    k: tuple(v.split()) for k, v in _JA.items()}


def article_words(term: str) -> tuple[str, ...]:
    """The words an article would use for the question's ``term`` (none if the table has no entry)."""
    return _TABLE.get(stem(term) if term.isascii() else term, ())
