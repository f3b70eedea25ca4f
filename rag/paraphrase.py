"""How a question says it against how a news article says it: "Who *started* Fermentix?" is answered by
"founded in 2019 by ...", 「どこが*作った*?」 by 「…が開発した」 or "developed by ...".

The gloss lexicon (rag.lexicon) meets words that translate each other; a user's everyday verb and a
reporter's formal one share neither a stem nor a gloss. This table goes one way only, from the question's
word to the words an article uses for it, in both languages (an article's "founded" does not make every
"started" a founding). Written from the answerable questions of eighteen outside sets that no rule met, and
later of sets 85-104, 25-112 and 25-120 (hold, set aside, 広い, 頼む, build, company, ...). Tried and left out,
as they answered more wrongly than rightly: pay, charge, cost, sell, fire, 使う, complain, 集める (資金を集める ~
調達 took a round for the total raised), 動かす (運用 answered a conflict from one side), use (導入, 採用), trial
(pilot), wrong (error), 掛かる (費用: かかる is time too), start ~ began (refunds start, a phase starts), ai ~
system, and スタートアップ for company ("charge a company" met "Tokyo startup Talentrise"). An article is read
only for the words of its own language: a Japanese word read in English through its glosses meets too much
(開発 ~ "improvement").
"""

from __future__ import annotations

from rag.lexicon import stem

# question word -> article words. English keys are matched by stem ("started" ~ start).
_EN = {
    "start": "founded establish established 創業 設立",
    "work": "employ employs employed employees staff workforce headcount 従業員 社員 職員 勤務 在籍 雇用",
    "stay": "attend attended remain remained 在籍 在学",
    "dig": "excavate excavated 発掘 出土",
    "dug": "excavate excavated 発掘 出土",
    "shut": "offline suspend suspended halt halted close closed 停止 中止 休止",
    "punish": "penalty penalties sanction sanctions fine fines 処分 罰則 罰金",
    "buy": "acquire acquired acquisition purchase purchased 買収 購入",
    "hire": "recruit recruited employ employed 採用",
    "quit": "resign resigned depart departed 退任 辞任 退社",
    "leave": "resign resigned depart departed 退任 辞任 退社",
    "grow": "increase increased expand expanded rise rose 増加 拡大",
    "cut": "reduce reduced shorten shortened lower lowered 削減 短縮",
    "release": "launch launched unveil unveiled publish published 公開 発売 リリース",
    "react": "rose fell closed jumped dropped gained slid 上昇 下落 値上がり 値下がり",
    "ask": "seek seeks sought demand demands 求める 請求",
    "staff": "employ employs employed employees workforce headcount 従業員 社員 職員",
    "sales": "revenue revenues turnover 売上 売上高",
    "revenue": "sales turnover 売上 売上高",
    "drop": "fell fall declined decline slid plunged 下落 値下がり 低下 減少",
    "stock": "shares 株価 株式",
    "make": "developed built supplied manufactured designed 開発 製造 手掛ける",
    "head": "chair chairs chaired chairman chairwoman leads led 委員長 議長 座長 代表",
    "catch": "detected detect flagged spotted identified 検知 検出 発見",
    "mention": "stated specified disclosed 明記 記載 言及",
    "offer": "provide provides provided 設ける 提供",
    "aside": "earmark earmarked allocate allocated 計上 充てる",
    "hold": "store stored storage keep kept retain retained 保存 保管",
    "shorten": "cut reduced fell 短縮 削減",
    "accurate": "accuracy matched precision 精度 正答率 一致率",
    "lose": "expire expires expired 切れる 失効",
    "worry": "concern concerns concerned 懸念 危惧",
    "handle": "processed process 処理 対応",
    "budget": "earmarked allocated 計上 予算",
    "keep": "store stored storage retain retained 保存 保管",
    "large": "面積 ヘクタール area hectares",
    "improve": "rose raised increased 向上 改善 上昇",
    "sign": "署名 賛同 締結 signatures",
    "raise": "調達 raised",
    "inspect": "survey surveyed 点検 検査 調査",
    "independent": "第三者 外部 outside third-party",
    "outside": "外部 第三者 external third-party",
    "short": "fell shortened reduced 短縮",
    "build": "developed designed created 開発 構築 製造",
    "company": "startup start-up firm maker manufacturer 企業 メーカー",
    "set": "設置 設立 発足 established",
}
_JA = {
    "作る": "開発 製造 手掛ける 生産 作成 構築 設立 創業 developed built",
    "出る": "公開 発売 リリース 登場 発表 支給 助成 補助 released launched receive receives received",
    "持つ": "保有 所有 holds owns",
    "働く": "従業員 勤務 雇用 在籍 社員 職員 employs employees staff workforce",
    "入れる": "導入 採用 introduced adopted deployed",
    "立ち上げる": "設立 創業 創設 founded established",
    "始まる": "開始 開業 稼働 運用 発足 導入 提供 began launched started",
    "始める": "開始 開業 稼働 運用 発足 導入 提供 began launched started",
    "縮む": "短縮 削減 shortened reduced cut",
    "減る": "減少 削減 低下 短縮 fell declined reduced",
    "増える": "増加 拡大 倍増 上昇 rose increased grew",
    "株": "株式 株価 shares stake",
    "会社": "企業 同社 company firm",
    "務める": "代表 議長 社長 会長 委員長 責任者 serves chief head chairman",
    "辞める": "退任 辞任 退社 退職 resigned stepped",
    "集まる": "集める 寄せる 達する gathered collected",
    "書く": "記載 明記 表示 作成 創作 執筆 wrote written",
    "払う": "支払う 負担 料金 支払い",
    "買う": "購入 買収 取得 bought acquired purchased",
    "売る": "販売 売却 sold sales",
    "探す": "調査 検知 発見",
    "調べる": "調査 検査 分析 investigated examined analysed",
    "決める": "決定 決議 可決 decided approved",
    "取る": "記録 獲得 達成 scored",
    "止める": "停止 中止 撤退 廃止 suspended halted stopped",
    "反応": "上昇 下落 値上がり 値下がり rose fell closed jumped dropped gained slid",
    "動く": "上昇 下落 値上がり 値下がり rose fell closed jumped dropped gained slid",
    "表す": "意味 stands means",
    "雇う": "採用 雇用 hire hired recruit recruited employ",
    "増やす": "増員 増加 拡大 増強 増設 increase increased expand",
    "規模": "従業員 社員 売上高 資本金 employees employs staff sales revenue",
    "知らせる": "通知 周知 告知 公表 発表 notified informed announced",
    "節約": "削減 cut saved savings",
    "広い": "面積 ヘクタール 平方メートル area hectares",
    "頼む": "委託 依頼 要請 commissioned",
    "卸す": "出荷 供給 販売 customers supplies",
    "管理": "制御 調整 control controls controlled",
    "ばれる": "発覚 発見 判明 discovered caught",
    "資金調達": "調達 raised funding",
    "上がる": "上昇 値上がり 増加 rose increased",
    "下がる": "下落 値下がり 低下 fell dropped declined",
    "ミス": "誤り エラー error errors mistake mistakes",
    "走る": "走行 運行 covered driven",
    "変える": "変更 改める 改修 見直し 改定 changed revised introduced",
    "変わる": "変更 改正 改定 作り直す changed revised",
    "気付く": "検知 発見 察知 detected noticed alert",
    "纏め役": "代表 leader representative",
    "首": "解雇 雇い止め fired dismissed laid",
}
_TABLE: dict[str, tuple[str, ...]] = {stem(k): tuple(v.split()) for k, v in _EN.items()} | {
    k: tuple(v.split()) for k, v in _JA.items()}


def article_words(term: str, lang: str | None = None) -> tuple[str, ...]:
    """The words an article would use for the question's ``term`` (none if the table has no entry); with
    ``lang``, only those written in that language ("開発" is for a Japanese article: read in an English
    one through its glosses it would meet "improvement")."""
    words = _TABLE.get(stem(term) if term.isascii() else term, ())
    if lang is None:
        return words
    return tuple(w for w in words if w.isascii() == (lang == "en"))
