"""Tag a sentence as ``asserted`` or ``speculative`` from the hedging cues it contains.

konkyo only answers from asserted sentences, so a sentence is speculative as soon as one hedge,
hearsay marker or guess about the future appears in it. Rules are regex cues per language, plus
"false friends": patterns whose match cancels any cue it overlaps ("In May 2024", 利用可能, 予想外).

Judgement calls (keep them in sync with tests/test_epistemic.py):
* Speculation survives quoting: a hedge inside a quoted post still makes the sentence speculative,
  since it cannot support an answer stated as fact. Reported speech without a hedge is asserted.
* Beliefs: first person or subject-less ("I think", "we believe", と思います, と考えています) is the
  writer's conjecture -> speculative; a named third party's belief ("its proponents believe that",
  専門家は…と考えています) is a report of their stance -> asserted, reported=True. Forecast verbs
  (expect, predict, 予想, 見込み) stay speculative whoever says them, as does an analyst's estimate
  ("analysts estimate that the strike cost ..."): a guess at another party's figure. An organisation's
  estimate of its own figure ("the bureau estimates that the repairs saved ...") is a report. "No
  official figure" says the figure is not established -> speculative.
* Impersonal hearsay (it is said, is widely considered, とされる, と言われる, という情報) is speculative.
  A closing という reports what the article's source said (…約140人だという, 星川氏によると…という) ->
  asserted; from an unnamed source (関係者によると…という) it is hearsay through that cue. (Measured on
  eight outside sets: a closing という alone closed 7 answerable gold sentences and 1 speculative one.)
* Not said or not settled (did not disclose, declined to name, under review, 明らかにされなかった,
  コメントできない, 未定, 決まっていない) -> speculative: the claim is not established. Not disclosing or
  naming something beside another claim ("made by a foundry that Thistlecore declined to name") leaves
  that claim asserted. So is a step only
  considered ("is considering a listing", 倍増を検討している): the step is not taken.
* "may" after we/you/users/providers + an action verb ("we may retire models", "users may export")
  is a permission or a discretion, not a guess -> not a cue; "we may see", "you may be right" stay
  cues, as does "may" with any other subject. Capital "May" is never a cue (month, name, optative).
* Counterfactual credit (…がなければ実現しなかったでしょう, "would not have happened without")
  asserts the speaker's attribution, not an uncertain fact -> not a cue; nor is any other counterfactual
  ("compute that would have been hard to secure"): it says what did not happen.
* Questions to the reader (ご存知でしょうか, いかがでしょうか, wh-questions …でしょうか, "Could you")
  and advice (…とよいでしょう) are not conjecture. のでしょうか / ではないでしょうか (I wonder) are.
* 予想外 / 予想以上 / "as expected" / "than expected" report an outcome -> not cues.
* Hopes and wishes (I hope, 望んでいます) state an attitude, not a guess -> not cues; but what a third party
  hopes will happen ("officials hope the plant will bring work back", "the railway hopes the AI will cut
  false alarms") has not happened: a hope followed by its clause is a cue ("hopes to cut" is an aim, not one).
* An idea said to exist or to have come up (…する構想もあるという, 構想があるとされる, 案が浮上している) is not a
  decided plan -> speculative. Nor is a closing 見通し (開かれる見通し。, "is expected to be held").
* A decision still to be made on something awaited (廃止するかどうかは…踏まえて判断する, …を見て決める) and a
  cause still being looked into (原因は調査中, 原因を調べている) -> speculative; deciding case by case as a
  procedure (確認したうえで…かどうかを判断する) is no cue.
* 容疑 / 疑い / "suspected" are allegations -> speculative (except 疑いの余地がない, "no doubt").
* The ``lang`` argument adds that language's rules; rules for every script present are always added,
  so an English quote inside a Japanese article is still checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

_EN_I = r"(?-i:\b(?:I|[Ww]e)\b)"  # first person: capital I only, so "(i)" list markers do not count
# After we/you/users + "may", these verbs keep the epistemic reading ("we may see", "you may be right");
# any other verb reads as permission or discretion ("users may export", "we may retire models").
_EPISTEMIC_AFTER_MAY = (
    r"(?:be|have|see|find|need|notice|experience|encounter|get|feel|want|lose|face|hear|come|end|soon|well"
    r"|never|yet|already|still|even|wonder|recall|remember|know)"
)
_EN_SUBJ_POLICY = r"\b(?:we|you|users?|providers?|participants|licensees|members|anyone)\b"
_UNNAMED_EN = r"(?:rumou?rs?|reports|media\s+reports|sources|insiders|unnamed|anonymous|people\s+familiar|speculation|leaks?)"

EN_CUES: dict[str, list[str]] = {
    "modal": [
        r"(?-i:\bmay\b)(?!\s+\d)",  # lowercase only
        r"\bmight\b",
        r"\bcould\b",
        r"\bwould(?:n't)?\b",
        r"\bmust\s+have\s+been\b",
    ],
    "adverb": [
        r"\b(?:un)?likely\b", r"\bpossibly\b", r"\bperhaps\b", r"\bprobabl[ey]\b", r"\bpresumabl[ey]\b",
        r"\bsupposedly\b", r"\bapparently\b", r"\bseemingly\b", r"\barguably\b", r"\bconceivably\b",
        r"\bmaybe\b", r"\bpotentially\b", r"\bin\s+all\s+likelihood\b", r"\bchances\s+are\b",
    ],
    "possibility": [
        r"\bpossibility\b", r"\bpossible\s+that\b",
        r"\b(?:it\s+is|it's|it\s+was|quite|entirely)\s+possible\b(?!\s+(?:for|to)\b)",
        r"\b(?:there\s+is\s+a|a\s+good|some)\s+chance\b",
    ],
    "hearsay": [
        r"\breportedly\b", r"\ballegedly\b", r"\balleg(?:e|es|ed|ing|ation|ations)\b", r"\brumou?r(?:s|ed)?\b", r"\bhearsay\b",
        r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?(?:said|believed|thought|rumou?red|alleged|understood"
        r"|suspected|speculated|presumed|assumed|considered|estimated|expected|projected|predicted|tipped"
        r"|reported|claimed)\s+(?:to|that|at|of)\b",
        r"\b(?:widely|generally|commonly|often)\s+(?:considered|regarded|believed|thought|seen|viewed)\b",
        r"\baccording\s+to\s+(?:\w+\s+)?" + _UNNAMED_EN + r"\b",
        r"\bsources\s+(?:say|said|told|familiar|close)\b", r"\b(?:people|persons?)\s+(?:familiar|with\s+knowledge)\b",
        r"\bun(?:confirmed|verified)\b", r"\bnot\s+(?:yet\s+)?(?:been\s+)?confirmed\b",
        r"\bsuspected\s+of\b", r"\bsuspect(?:s|ed)?\s+(?:that|the|a|an|it|he|she|they|this|these|its|their)\b",
        r"\b(?:insiders|sources|people\s+close\s+to\s+\w+)\s+(?:say|said|claim|claimed|believe|suggest)\b",
        # an outside analyst's estimate is a guess at someone else's figure, not a reported one
        r"\banalysts?\b[^.;]{0,80}?\bestimat(?:e|es|ed)\b",
    ],
    "appearance": [
        r"\b(?:appears?|appeared|seems?|seemed)\s+(?:to|that|like|as\s+if)\b",
        r"\bit\s+(?:seems|appears|looks\s+like)\b", r"\blooks?\s+as\s+(?:if|though)\b",
        r"\bsuggest(?:s|ing|ive)\b", r"\bsigns?\s+that\b", r"\bsuggested\s+that\b", r"\bhint(?:s|ed|ing)?\s+(?:at|that)\b",
    ],
    "belief": [  # first person only: a third party's belief is a report (see REPORTING)
        _EN_I + r"\s+(?:\w+\s+)?(?:think|believe|believed|suspect|suspected|guess|assume|suppose|reckon"
        r"|imagine|bet|speculate|doubt|estimate|feel\s+that)\b",
        _EN_I + r"(?:'m|\s+am|\s+are|'re)\s+not\s+(?:sure|certain)\b",
        _EN_I + r"\s+(?:don't|do\s+not)\s+know\b",
    ],
    "forecast": [
        # a third party's hope for what will happen: "officials hope the plant will ..." (not "I hope", "hopes to")
        r"(?<!" + _EN_I + r"\s+(?:\w+\s+)?)\bhop(?:e|es|ed|ing)\s+(?:that\s+)?(?!to\b|for\b|so\b)(?=[A-Za-z])",
        r"\bexpect(?:s|ed|ing)?\b", r"\bpredict(?:s|ed)?\s+that\b", r"\bforecast(?:s|ed)?\s+(?:that|to)\b",
        r"\banticipat(?:e|es|ed)\s+(?:that|to)\b",
    ],
    "conjecture": [
        r"\bspeculat(?:e|es|ed|ion|ions|ive|ing)\b", r"\bconjectur(?:e|es|ed|al)\b", r"\bguesswork\b",
        r"\bhypothe(?:sis|size|sise|sized|sised|tically)\b", r"\bif\s+true\b",
    ],
    "uncertainty": [
        r"\b(?:is|are|was|were|remains?|remained|still|largely)\s+(?:still\s+)?(?:unclear|uncertain|unknown"
        r"|not\s+(?:clear|known|certain))\b",
        r"\bunclear\s+(?:whether|if|how|why|what|who|when|where)\b",
        r"\bnot\s+(?:sure|certain)\s+(?:whether|if)\b", r"\bdoubt(?:s|ful|ed)?\b",
        r"\b(?:nobody|no\s+one)\s+(?:really\s+)?knows\b", r"\ba\s+possible\b",
        # Undisclosed: the source has not said, so the claim is not established.
        r"\b(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?:said|say|disclosed?|confirmed?|revealed?|commented)"
        r"(?:\s+on)?\s+(?:whether|if|how|which|who|when|what)\b",
        r"\b(?:declined|refused)\s+to\s+(?:comment|confirm|say)\b",
        # Declining to name or disclose something is a cue as the sentence's own claim ("Kazahana declined to
        # disclose Hibari's price"), not beside another one ("... a foundry that Thistlecore declined to name").
        r"^\W*(?:[\w'-]+\s+){0,4}?(?:declined|refused)\s+to\s+(?:disclose|name|specify)\b",
        r"\bwould\s+not\s+(?:say|confirm|disclose)\b",
        # ...as the sentence's own claim ("Thistlecore did not disclose the order's size"), not a clause
        # beside another one ("raised $900 million, though it has not disclosed its valuation").
        r"^\W*(?:[\w'-]+\s+){0,4}?(?:did|does|do|has|have|had)\s+not\s+(?:yet\s+)?(?:disclosed?|revealed?|named?|specified|specify)\b",
        r"\bneither\b[^.;]*\b(?:disclosed?|revealed?|named|specified|commented)\b",
        r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?verified\b", r"\bunder\s+review\b",
        # weighing a step is not taking it: "is considering a listing", "is exploring a sale"
        r"\b(?:is|are|was|were|been)\s+(?:also\s+|now\s+|still\s+)?(?:considering|weighing|exploring|mulling|studying\s+whether)\b",
        r"\bno\s+(?:concrete|firm|final)\s+(?:plans?|timeline|timetable|decision)\b",
        r"\b(?:did|does|do)\s+not\s+give\s+a\s+(?:firm\s+|specific\s+)?(?:timeline|date|figure)\b",
        r"\bno\s+official\s+(?:figures?|estimates?|count|tally|numbers?|data)\b",
    ],
}

EN_NOT_CUES: list[str] = [
    r"\b(?:as|than)[\s-]+(?:\w+\s+)?expected\b",  # an outcome, not a forecast ("slower-than-expected")
    r"\bexpected\s+(?:value|score|utility|return|loss|number)s?\b",  # technical term
    r"\b(?:could|would|can|will)\s+you\b",  # requests
    r"\bso\s+(?:that\s+)?(?:\w+\s+){0,2}?(?:could|would|might)\b",  # purpose clause
    r"\bwould\s+(?:like|love|prefer|rather|be\s+(?:glad|happy|pleased|grateful|delighted))\b",
    r"\bwould\s+(?:often|usually|always|regularly|sometimes|routinely|typically)\b",  # habitual past
    # future-in-the-past of a report ("said it would release", "said on Feb. 10, 2026 that it would cut"):
    # the plan is reported, not guessed
    r"(?<=\b(?:said|says|announced|confirmed|stated|promised|pledged|told\s+\w+|wrote|posted|tweeted"
    r"|declared|decided|agreed)\s+(?:[\w'-]+[.,]?\s+){0,7}?)would\b",
    r"\bwould(?:n't|\s+not|\s+never)(?=[^.;]*\bwithout\b)",  # counterfactual credit
    r"\bwould(?:n't|\s+not)?\s+have\s+(?:been|had|cost|taken|made)\b",  # a counterfactual: what did not happen
    r"(?<=\bwithout\b[^.;]*)\bwould(?:n't|\s+not|\s+never)\b",
    _EN_SUBJ_POLICY + r"\s+(?:\w+\s+)?may\s+(?:not\s+)?(?:also\s+)?(?!" + _EPISTEMIC_AFTER_MAY + r"\b)[a-z]+\b",
    r"(?<=" + _EN_SUBJ_POLICY + r"\s+(?:\w+\s+)?may\b[^.;]*?)\b(?:and|or)\s+may\s+(?:not\s+)?(?:also\s+)?(?!"
    + _EPISTEMIC_AFTER_MAY + r"\b)[a-z]+\b",
    r"\b(?:military|economic|financial|full|all\s+(?:his|her|their|its|our|my))\s+might\b",  # the noun
    r"\b(?:no|without(?:\s+a)?|beyond(?:\s+any|\s+a)?)\s+doubt\b",  # certainty, not doubt
    r"\b(?:denied|denies|deny|dismissed|dismisses|debunked|refuted)\s+(?:the\s+|these\s+|those\s+|all\s+)?"
    r"(?:\w+\s+)?(?:rumou?rs?|speculation)\b",
]

_JA_PRED = r"(?:[たるいだうくすつぬむぶぐ]|ない)"  # plain-form endings before hearsay/inference auxiliaries

JA_CUES: dict[str, list[str]] = {
    "possibility": [
        r"可能性(?:が|は|も|すら|さえ)?(?:非常に|十分に?|極めて|かなり)?(?:高|低|大き|あ(?!りません)|否定|考えられ"
        r"|指摘|残|濃厚|捨てきれ|出て)",
        r"(?:恐れ|おそれ)(?:が|も)(?:ある|あり)",
    ],
    "adverb": [
        r"おそらく|恐らく|多分|たぶん|きっと|もしかしたら|もしかすると|ひょっとしたら|ひょっとすると|どうやら",
    ],
    "conjecture": [  # the writer's guess, in any politeness level
        r"考えられ", r"思われ", r"と推論|推論され", r"推測|推察|憶測|臆測", r"推定され|と推定",
        r"(?:の|ん)?(?:では|じゃ)ない(?:か|でしょうか|だろうか)", r"かも(?:しれ|知れ)",
        r"(?<![しあ])かも(?=[。、！!？?]|です|ね|よ|$)", r"だろう|でしょう|であろう", r"はず(?:です|だ|で)",
        r"うかがえ|窺え", r"気がし|気がする",
    ],
    "belief": [  # demoted to a report when a third party is the subject (see _JA_THIRD_PARTY)
        r"と考え(?:て(?:い|お)|ます|る|た)", r"(?<!たい|[よおこごそとのぼもろ]う)と思(?:う|い(?:ます|まし)|っ(?:て|た))",
        r"と信じ(?:て|ます|る)",
    ],
    "inference": [
        r"(?<=" + _JA_PRED + r"|の)(?:よう|様)(?:です|でした|だ(?!け)|である|であり|で(?=[、,])|に(?:見え|思われ|感じ)|な気)",
        r"(?<=" + _JA_PRED + r"|の)みたい(?:です|だ)",
        r"(?<=[たるいだ])らし(?:い|く)",
        # after a noun, らしい is hearsay only at the end of a clause (順調らしい。), "-like" before a noun
        r"(?<=[\p{Han}\p{Katakana}ー])らしい(?=\s*(?:です|でした|。|$|よ|ね|が|けど|、|」))",
        r"(?<=[うくすつぬむぶぐるたいだきしちみびぎりさえけせてねめれげべ\p{Han}])そう(?:です|だ|でした|だった)(?![ねよか])",
        r"と見られ|とみられ|と見て(?:い|お)|と睨|とにらん",
        r"示唆",
    ],
    "hearsay": [
        r"とされ", r"と言われ|といわれ", r"と報じられ|と伝えられ|と報道され|と伝え聞|(?:一部|海外メディア|メディア)(?:で|に)報じられ",
        r"(?:という|との)(?:情報|噂|うわさ|報道|見方|観測|憶測|説|声|指摘|見通し)",
        r"とのこと", r"という(?=\s*[。」』]|\s*$)",
        r"見方(?:が|も)(?:あ|出|強|広|根強|有力|浮上|でき)",
        r"(?:関係者|消息筋|情報筋|関係筋|事情に詳しい\S{0,4}?|報道|噂|うわさ)(?:に)?(?:よると|よれば)",
        r"噂|うわさ|ウワサ|風説",
        r"疑い|容疑|疑惑|嫌疑",
    ],
    "forecast": [
        r"予想", r"と予測|予測され|予測して(?:い|お)|予測では|予測によ|予測です|予測だ",
        r"見込(?:み|ま|ん)", r"見通し(?:です|だ|が|と|(?=\s*[。」』]|\s*$))",  # 開かれる見通し。: expected to be held
        r"構想(?:も|が)(?:ある|あり|浮上|出て)",
        r"(?<!法)案(?:も|が)(?:社内で|内部で|一部で)?(?:浮上|出て(?:い|お))",  # an idea that has come up is not a decided plan
        r"期待され|と期待|が期待|期待でき|期待が(?:高|寄せ|集)",
    ],
    "uncertainty": [
        r"(?:わか|分か|判)り(?:ません|かね)|(?:わか|分か|判)らない|不明|定かで(?:は)?な|明らかで(?:は)?な"
        r"|(?:明らかになって|(?:わか|分か|判)って|判明して|確認されて|はっきりして)(?:い|お)(?:ない|ません|らず)"
        r"|はっきりしない|未確認|不確か|不透明|真偽"
        # 明らかにしていない, 公表していない: the source has not said.
        r"|(?:明らかにし|公表し|公開し|開示し|言及し|コメントし|認め)て(?:い|お)(?:ない|ません|らず)",
        # not said or not decided yet: 明らかにされなかった, 触れなかった, コメントできない, 未定, 決まっていない
        r"(?:明らかにされ|公表され|開示され)(?:なかった|ていない|ておらず|ません)|(?:に|には)触れなかった",
        r"コメント(?:できない|できません|を控え|は控え)|未定|決まって(?:い|お)(?:ない|らず|ません)|決まったことはない",
        # weighing a step is not taking it: 倍増させることを検討している, 上場を検討中
        r"検討(?:して(?:い|お)|中|に入|を進め|を始め)",
        # whether it will be done is still to be judged: 廃止するかどうかは…判断する; a cause still being looked into
        r"かどうか[^。]{0,40}?(?:(?:踏まえ|見て|待って|までに|慎重に)[^。]{0,12}?(?:判断|決め|見極め)|判断したい)",
        r"(?:踏まえ|を見て|を待って)[^。]{0,40}?かどうか[^。]{0,6}?(?:判断|決め|見極め)",
        r"原因[^。]{0,30}?(?:調査を続け|調べを進め|調査中|(?:を|は)調べている|を調査して(?:い|お))",
    ],
}

JA_NOT_CUES: list[str] = [
    r"(?:必要|不要|対象|前提|条件|目的)とされ",  # "is required", not hearsay
    r"(?:こ|そ|あ|ど|次|以下|下記|上記|前述|後述)の(?:よう|様)",  # "this kind of", "as follows"
    r"予想(?:外|以上|以下|通り|どおり|に反し|を(?:上|下)回|を超え)",  # outcome vs. expectation
    r"期待(?:外れ|以上|通り|どおり|に応え)",
    r"示唆に富",  # "thought-provoking"
    r"疑い(?:の余地|な[くい]|よう(?:が|も)?な)|疑う余地",  # "undoubtedly"
    r"(?:噂|うわさ)を(?:否定|一蹴|打ち消)",
    r"多分(?:野|に|子)",  # 多分野 "many fields", 多分に "largely"
    r"しかも|あたかも|何もかも|なにもかも",
    r"(?:あたら|かわい|可愛|わざと|憎た)らし",
    r"(?:ごち|かわい|可哀)そう",
    r"考えられな(?:い|く)(?:ほど|くらい|ような)|考えられる限り",
    r"(?:ご存[知じ]|いかが)(?:でしょう|だろう)か",  # a question to the reader
    r"(?<=(?:なぜ|何故|どうして|何|いつ|どこ|誰|だれ|どれ|どんな)[^。]*?)(?:でしょう|だろう)か",  # wh-question
    r"(?:と|が|ほうが|方が)(?:よい|いい|良い|望ましい)(?:でしょう|だろう)",  # advice
    r"(?<=(?:なければ|なかったら|なかったならば?|なしには|なしでは|なくしては)[^。]*?)(?:なかった|ませんでした)(?:でしょう|だろう)",
]

# Reporting frames: the sentence states that someone said/wrote/believes something.
EN_REPORTING: list[str] = [
    r"(?<!\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?)"  # "is said to": impersonal hearsay, no speaker
    r"\b(?:said|says|stated|states|told|tells|tweeted|announced|announces|argued|argues|claimed|claims"
    r"|insisted|declared|testified|explained|explains|recalled)\b",
    r"(?<!" + _EN_I + r"\s+(?:\w+\s+)?)\b(?:posted|posts|wrote|writes|added|noted|notes|confirmed|confirms|cited"
    r"|cites|stressed|emphasi[sz]ed|remarked|commented|replied|warned|admitted|acknowledged|believes?|believed"
    r"|thinks?|thought|predicted)\s*(?:that\b|[,:\"“‘'])",
    r"(?<!" + _EN_I + r"\s+(?:\w+\s+)?)\b(?:believe|believes|think|thinks)\s+that\b",
    r"\baccording\s+to\s+(?-i:[A-Z\p{Lu}])",
    r"\bin\s+(?:a|an|his|her|their)\s+(?:post|tweet|statement|interview|blog\s+post)\b",
]
JA_REPORTING: list[str] = [
    r"述べ", r"(?<!物)語[っりるら]", r"強調", r"と(?:発表|明らかにし|主張|指摘|回答|答え|報告|宣言|表明|説明|話し|言っ"
    r"|書い|記し|発言|証言|明言|断言|約束|呼びかけ|反論|批判|警告|コメントし|投稿し|ツイートし|ポストし)",
    r"(?:ツイート|ポスト|投稿|発言|コメント)を(?:して|しま|行[いっ]|おこな)", r"によると|によれば", r"を引用し",
]
_JA_THIRD_PARTY = regex.compile(
    r"(?:氏|さん|様|者|家|人|人々|たち|達|陣|ら|幹部|社長|CEO|政府|当局|アナリスト|メンバー|立場|派|陣営|団体|企業)(?:は|も|が)"
)
_JA_FIRST_PERSON = regex.compile(r"(?:私|わたし|筆者|我々|われわれ|僕|ぼく|当社|弊社)(?:は|も|が|としては)")
_HAS_JA = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}]")
_HAS_EN = regex.compile(r"[A-Za-z]{2,}")


def _compile(patterns: list[str], flags: int) -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), flags)


_IC = regex.IGNORECASE
_RULES = {
    "en": (
        {fam: _compile(ps, _IC) for fam, ps in EN_CUES.items()},
        _compile(EN_NOT_CUES, _IC),
        _compile(EN_REPORTING, _IC),
    ),
    "ja": (
        {fam: _compile(ps, 0) for fam, ps in JA_CUES.items()},
        _compile(JA_NOT_CUES, 0),
        _compile(JA_REPORTING, 0),
    ),
}


@dataclass(frozen=True)
class Epistemic:
    speculative: bool
    cues: list[str] = field(default_factory=list)  # hedges as they occur in the text, in order
    reported: bool = False  # the sentence reports someone's statement or stance

    @property
    def label(self) -> str:
        return "speculative" if self.speculative else "asserted"


def _languages(text: str, lang: str | None) -> list[str]:
    langs = {lang} if lang in _RULES else set()
    if _HAS_JA.search(text):
        langs.add("ja")
    if _HAS_EN.search(text):
        langs.add("en")
    return sorted(langs)


def classify(text: str, lang: str | None = None) -> Epistemic:
    """Tag ``text`` (one sentence, ideally) as speculative or asserted, with the cues that decided it."""
    spans: list[tuple[int, int]] = []
    reported = False
    for code in _languages(text, lang):
        cue_families, not_cues, reporting = _RULES[code]
        masked = [m.span() for m in not_cues.finditer(text, overlapped=True)]
        third_party = code == "ja" and bool(_JA_THIRD_PARTY.search(text)) and not _JA_FIRST_PERSON.search(text)
        for family, pattern in cue_families.items():
            for m in pattern.finditer(text, overlapped=True):
                s, e = m.span()
                if s == e or any(s < me and ms < e for ms, me in masked):
                    continue
                if family == "belief" and third_party:
                    reported = True  # 専門家は…と考えています: their stance, reported
                    continue
                if code == "ja" and m.group(0) == "という":
                    # A closing という reports what the article's source said (…約140人だという); an
                    # unnamed source (関係者によると…という) is hearsay through its own cue.
                    reported = True
                    continue
                spans.append((s, e))
        reported = reported or bool(reporting.search(text))
    # Keep the earliest, then longest, of overlapping cues ("ではないでしょうか" over "でしょう").
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda se: (se[0], -se[1])):
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return Epistemic(speculative=bool(kept), cues=[text[s:e] for s, e in kept], reported=reported)
