"""The UI's own words (labels, badges, status lines) in both languages. What konkyo says about the
evidence itself (answered, speculative, not found, conflicting) comes from ``rag.wording``."""

from __future__ import annotations

STRINGS = {
    "en": {
        "intro": "Ask about the articles; every answer cites the sentence it stands on, and speculation is "
        "not passed off as fact.",
        "placeholder": "Ask a question about the articles…",
        "send": "Ask",
        "examples": "Example questions",
        "evidence": "Grounds",
        "evidence_empty": "Ask a question: the passages an answer stands on appear here.",
        "chat_empty": "Ask in English or Japanese; konkyo answers in the language you ask in.",
        "searching": "Searching the articles…",
        "waiting": "Reading the bundled articles first ({done} of {total})…",
        "preparing": "Reading the bundled articles into the store: {done} of {total} ({name})…",
        "asserted": "asserted",
        "speculative": "speculative",
        "language": "language",
        "licence": "licence",
        "no_link": "no link given",
        "hedges": "hedging words",
        "grounds_answered": "The answer stands on these passages.",
        "grounds_speculative": "The passages, with the words that hedge them:",
        "grounds_not_found": "No passage in the articles states this.",
        "grounds_conflicting": "Each side, as the articles put it:",
        "side": "side {n}",
        "error": "konkyo could not answer: {error}",
        # Sources tab
        "sources_tab": "Sources · 資料",
        "chat_tab": "Chat · 質問",
        "sources_intro": "The articles konkyo answers from. Add .txt, .md or .html files (up to {mb} MB each), "
        "or remove a document.",
        "col_title": "Title",
        "col_lang": "Language",
        "col_licence": "Licence",
        "col_chunks": "Chunks",
        "col_id": "Id",
        "upload": "Add articles (.txt, .md, .html)",
        "remove_pick": "Document to remove",
        "remove": "Remove",
        "removed": "Removed {title}.",
        "nothing_picked": "Pick a document to remove first.",
        "added": "{name}: added ({chunks} chunks)",
        "updated": "{name}: updated ({chunks} chunks)",
        "unchanged": "{name}: already in the library, unchanged",
        "rejected": "{name}: not added: {reason}",
        "ingesting": "Adding {name}",
    },
    "ja": {
        "intro": "記事について質問してください。回答はすべて根拠となる文を引用し、推測を事実として扱いません。",
        "placeholder": "記事について質問してください…",
        "send": "質問する",
        "examples": "質問の例",
        "evidence": "根拠",
        "evidence_empty": "質問すると、回答の根拠となる箇所がここに表示されます。",
        "chat_empty": "英語でも日本語でも質問できます。回答は質問と同じ言語で返ります。",
        "searching": "記事を検索しています…",
        "waiting": "同梱の記事を読み込んでいます ({done}/{total})…",
        "preparing": "同梱の記事をストアに読み込んでいます: {done}/{total} ({name})…",
        "asserted": "断定",
        "speculative": "推測",
        "language": "言語",
        "licence": "ライセンス",
        "no_link": "リンクなし",
        "hedges": "推測の表現",
        "grounds_answered": "回答の根拠は次の箇所です。",
        "grounds_speculative": "該当箇所と、推測を示す表現:",
        "grounds_not_found": "この点を述べている箇所は記事にありません。",
        "grounds_conflicting": "それぞれの記述:",
        "side": "記述{n}",
        "error": "回答できませんでした: {error}",
        "sources_tab": "Sources · 資料",
        "chat_tab": "Chat · 質問",
        "sources_intro": "konkyo が回答に使う記事です。.txt・.md・.html ファイル (1件 {mb} MB まで) を追加、"
        "または文書を削除できます。",
        "col_title": "タイトル",
        "col_lang": "言語",
        "col_licence": "ライセンス",
        "col_chunks": "チャンク",
        "col_id": "ID",
        "upload": "記事を追加 (.txt, .md, .html)",
        "remove_pick": "削除する文書",
        "remove": "削除",
        "removed": "{title} を削除しました。",
        "nothing_picked": "先に削除する文書を選んでください。",
        "added": "{name}: 追加しました ({chunks} チャンク)",
        "updated": "{name}: 更新しました ({chunks} チャンク)",
        "unchanged": "{name}: 登録済みで変更なし",
        "rejected": "{name}: 追加できません: {reason}",
        "ingesting": "{name} を追加しています",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` ("ja", else English), with ``values`` filled in."""
    return STRINGS["ja" if lang == "ja" else "en"][key].format(**values)


def both(key: str, **values: object) -> str:
    """English and Japanese side by side, for chrome shown before any question sets the language."""
    en, ja = t("en", key, **values), t("ja", key, **values)
    return en if en == ja else f"{en} · {ja}"
