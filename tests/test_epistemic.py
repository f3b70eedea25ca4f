"""Sentence-level asserted/speculative tagging (ingest/epistemic.py).

Cases are real sentences from the bundled corpus (corpus/) labelled by hand, plus
hand-written sentences for every cue family and every false friend, in both languages.
"""

from __future__ import annotations

import dataclasses

import pytest

from ingest.epistemic import EN_CUES, JA_CUES, Epistemic, classify

S, A = "speculative", "asserted"

# --- ja_note_gpt4o_omni_team.txt, labelled by hand ---------------------------------------------
JA_NOTE = [
    ("これが新しいモデルのテストだった可能性が高いです。", S),
    ("このgoogle bardというアカウントがGPT2-chatbot開発の中心人物であったことから、Prafulla Dhariwalのaltアカウントとされています。", S),
    ("GPT-4o (o は「オムニ」の意) は、オムニ チームから生まれた最初のモデルであり、OpenAI の初のネイティブで完全なマルチモーダル モデルです。", A),
    ("GPT-4o(oは「omni」を意味する)は、OpenAIが開発した完全にマルチモーダルなモデルです。", A),
    ("この新しいモデルの開発は、AIの利用方法に革命をもたらすことが期待されており、サム・アルトマンはそれを強調しています。", S),
    ("特に、Prafulla Dhariwalのリーダーシップとチームの協力がこの成果を可能にしたと強調しています。", A),
    ("GPT2-chatbotは、2024年4月末に一瞬だけ公開され、その後すぐに撤回された非常に高性能なチャットボットです。", A),
    ("多くのAIコミュニティメンバーや専門家は、このGPT2-chatbotが実際にはOpenAIの次世代モデルであるGPT-4oのプロトタイプだったのではないかと考えています。", S),
    ("Sam Altmanもこのモデルについて言及し、「im-a-good-gpt2-chatbot」や「im-also-a-good-gpt2-chatbot」といったツイートを行っています。", A),
    ("このポストをしたgoogle bardというふざけたアカウントをご存知でしょうか?", A),  # a question to the reader
    ("スーパーアラインメントチームは、とにかく最初からずっと空洞化している。", A),
    ("おそらく、壁に書かれた文字を見て、アントロピックに行くポイントに到達するだろう", S),
    ("これは、スーパーアライメントチームはずっと機能していなかった事、退職した2人はClaudeを開発しているアンソロピックに合流する事を示唆しています。", S),
    ("彼の専門知識と技術が、GPT2-chatbotの開発にも大いに貢献していることが考えられます。", S),
    ("Prafulla Dhariwalは、OpenAIの主要な研究者の一人であり、GPT-2を含む多くの重要なプロジェクトに関与しています。", A),
    ("彼が「google bard」としても知られている可能性が高いです。", S),
    ("サム・アルトマンは「ADHDは開発の中盤で力を発揮する」といったツイートをしており、これは開発者たちの特性がプロジェクトの進行にどのように影響するかについて述べています。", A),
    ("このADHDと言われた開発者こそPrafulla Dhariwalではないかと推論します。", S),
    ("Google Bard(Prafulla Dhariwal)は、OpenAIにいることで多くの制約があり、思うように開発が進まないため、OpenAIを離れたという情報があります。", S),
    ("その後すぐにGPT2-chatbotが発表されました。", A),
    ("そして、GPT-4oがスプリングアップデートライブでリリースされた事を受けて、「もう地下に潜らなくてもよくなったね!」とのコメントが筆者の目に止まりました。", A),
    ("主任科学者であったイリヤ・サツケヴァー氏率いるスーパーアライメントチームの離脱となった様です。", S),
    ("かねてからこのチームの一員であったCollin Burnss氏もスパイ容疑をかけられて退職しています。", S),
    ("退職後はテスラに入社しました。", A),
    ("果たして情報の漏洩をアンソロピックに行っていたのか、xAIに行っていたのかはわかりません。", S),
    ("サムはこの大人の発達障害者を実にうまくハンドリンクしているのではないかと思われますので考察してみます。", S),
    ("これは「ハイパーフォーカス」と呼ばれ、数時間にわたって一つのタスクに没頭することができます。", A),
    ("これは以下のような方法で実現されています:", A),
    ("柔軟な労働環境: 社員が最も集中しやすい時間帯や場所で働けるようにすることで、生産性を最大化します。", A),
    ("イリヤ・サツケヴァーとサム・アルトマンの間の対立を「効果的利他主義」と「効果的加速主義」の対立として捉える見方があります。", S),
    ("OpenAI公式ではスーパーアライメントチームへの募集をかけていますので、チーム自体が解散するのではなく効果的加速主義に沿ったチームの再編成が行われていくものと思われます。", S),
    ("しかしながらGPT-2の主力開発者はPrafulla Dhariwal氏でした。", A),
    ("そのため、サム・アルトマンはナンバリングでモデルのアップデートをするのではなく、MacOSの様な名前をつける事を考えているのではないかと示唆されます。", S),
    ("その第一弾がGPT OMUNI(ChatGPT 4o)であると考えられます。", S),
    ("本日のサム・アルトマンのXへのポストはこの様なものでした。", A),
    ("GPT-4o は、プラフラ・ダリワルの長い期間にわたる次のようなビジョン、才能、信念、決意がなければ実現しなかったでしょう。", A),  # counterfactual credit
    ("この立ち上げは組織全体にわたる大規模な取り組みでしたが、この魔法のモデルを可能にした数名の素晴らしいチームメンバーに敬意を表したいと思います。", A),
    ("この対立について詳しく見ていきましょう。", A),
]

JA_WIKI = [
    ("このため、ときには人の直感・感情に逆らうような行動をとることもある。", A),
    ("寄付研究団体である GiveWell によると、他に比べると、何百倍も何千倍もより効果的である慈善団体も存在する。", A),
    ("今のところ費用有効性は慈善団体の中では新しい概念であるが、経済学では頻繁に用いられる。", A),
]

# --- English corpus (Wikipedia leads, LMSYS posts), labelled by hand ---------------------------
EN_CORPUS = [
    ("Chatbot Arena was first launched in May 2023 and has emerged as a critical platform for live, community-driven LLM evaluation, attracting millions of participants and collecting over 800,000 votes.", A),
    ("We believe this initiative helps advancing the field and encourages user engagement to collect crucial votes for evaluating all the models in the Arena.", S),
    ("We may retire models from the leaderboard that are no longer online after a certain time period.", A),  # policy
    ('For battles, we may not reveal the opponent model and may use "anonymous" label.', A),
    ("It is not feasible to add every possible model due to the cost and the scalability of our evaluation process, i.e., it might take too much to accumulate enough votes to accurately rate each model.", S),
    ("We also believe that the open nature of the platform will attract users that accurately reflect the broader set of LLM users and real use cases.", S),
    ("Once a publicly released model is listed on the leaderboard, the model will remain accessible at chat.lmsys.org for at least two weeks for the community to evaluate it.", A),
    ("Table 1. LLM Leaderboard (Timeframe: April 24 - May 1, 2023).", A),
    ("After getting responses from the two models, users can continue chatting or vote for the model they think is better.", A),
    ("Transparent: The evaluation process, including rating computation, identifying anomalous users, and LLM selection are all made publicly available so others can reproduce our analysis and fully understand the process of collecting data.", A),
    ("The system should scale to a large number of models when it is not feasible to collect sufficient data for all possible model pairs.", A),
    ("By comparing the figures, we find the elo ratings can predict win rates relatively well.", A),
    ("In 2023, he was one of the members of OpenAI's board that ousted Sam Altman as its CEO; Altman was reinstated a week later, and Sutskever stepped down from the board.", A),
    ("In June 2024, Sutskever co-founded the company Safe Superintelligence Inc., alongside Daniel Gross and Daniel Levy.", A),
    ("Having overseen the successful launch of ChatGPT in 2022, he is widely considered to be one of the leading figures of the AI boom.", S),
    ("His net worth is estimated at by Forbes.", S),
    ("Its proponents believe that unrestricted technological progress, especially driven by artificial intelligence, is a solution to universal human problems, such as poverty, war, and climate change.", A),
    ('According to Guillaume Verdon, one of the movement\'s founders, its aim is for human civilization to "clim[b] the Kardashev gradient".', A),
    ("Altman was born in Chicago, Illinois, on April 22, 1985, to a Jewish American family.", A),
    ("- May 10 Updates", A),
]

# --- hand-written: one or more per cue family ---------------------------------------------------
JA_FAMILIES = [
    ("新モデルは来月公開される可能性があります。", S),
    ("両社が合併する可能性は低いでしょう。", S),
    ("この発表は株価に影響すると考えています。", S),  # no subject: the writer's conjecture
    ("原因はデータの偏りだと思います。", S),
    ("GPT-5は夏頃に登場すると推測されています。", S),
    ("同社は新しいチップを開発中だと言われています。", S),
    ("幹部の一人が辞任したとの情報があります。", S),
    ("規制が強化されるかもしれません。", S),
    ("計画は中止されたのだろう。", S),
    ("その判断は正しかったのではないでしょうか。", S),
    ("恐らく彼は来年退任します。", S),
    ("たぶん新製品は遅れます。", S),
    ("多分、発表は延期されました。", S),
    ("開発は順調らしい。", S),
    ("どうやら計画は白紙に戻ったようです。", S),
    ("モデルの学習データに問題があった様だ。", S),
    ("CEO解任の噂が広がっています。", S),
    ("元社員には情報漏洩の疑いがかけられています。", S),
    ("売上は前年の二倍になると予想されます。", S),
    ("市場は2030年までに10倍に拡大すると予測されています。", S),
    ("新サービスは年内に始まる見込みです。", S),
    ("この技術は医療に応用されることが期待されています。", S),
    ("理由は不明です。", S),
    ("今後の資金調達の見通しは不透明です。", S),
    ("彼が退職した本当の理由はわかっていません。", S),
    ("株価は上がり続けると見られています。", S),
    ("関係者によると、交渉は最終段階にあるという。", S),
    ("星川氏によると、学習には約2兆トークンのデータを使用したという。", A),  # a named source: reported
    ("同社は来年上場するという。", A),  # the company's own statement, reported (news style)
    ("従業員数は現在約140人で、そのうち約半数が設計エンジニアだという。", A),
    ("関係者によると、ミナト通信が資本業務提携を打診しているという。", S),  # unnamed source: hearsay
    ("移管するかどうかはまだ決まっていないという。", S),  # undecided
    ("東南アジアの日本企業向けにサービスを広げる構想もあるという。", S),  # an idea said to exist, not a plan
    ("振り替え輸送の案内もAIに担わせる案が社内で浮上しているという。", S),  # an idea that came up, not a plan
    ("統合案が出ている。", S),
    ("改善案が出て、採用された。", A),  # the proposal was adopted
    ("第1回口頭弁論は4月にも開かれる見通し。", S),  # a closing 見通し: expected
    ("同社は来期の見通しを示した。", A),  # publishing an outlook is a fact
    ("運転士に警告を出し、津波の危険がある区間から離れられるようにする構想だ。", A),  # what the system is for
    ("具体的な販売価格や顧客名は明らかにされなかった。", S),  # not disclosed
    ("同社は「個別の商談にはコメントできない」としている。", S),
    ("国内の通信会社が入居する方向で調整していると一部で報じられている。", S),
    ("発売日は未定だ。", S),
    ("Thistlecore did not disclose the size or value of the order.", S),
    ("The company raised $900 million last autumn, though it has not disclosed its valuation.", A),
    ("Neither company would disclose the total investment.", S),
    ("A person familiar with the matter said the company had notified police.", S),
    ("The benchmark claim has not yet been independently verified.", S),
    ("A spokesperson said the timeline was under review.", S),
    ("She said the company had no concrete plans for an initial public offering.", S),
    ("The company is considering a listing in Tokyo as early as next year.", S),  # a step weighed, not taken
    ("同社は冷却液の生産能力を今後2年でさらに倍増させることを検討している。", S),
    ("The panel considered the evidence before it ruled.", A),
    ("検討の結果、同社は導入を決めた。", A),
    ("スコアを廃止するかどうかについては「議論を踏まえて判断する」としている。", S),  # still to be judged
    ("町は結果を踏まえて本格運行に移るかどうかを判断する。", S),
    ("今回の火災の原因について、消防本部は調査を続けている。", S),  # the cause is not known yet
    ("職員が画像を確認したうえで巡視船を向かわせるかどうかを判断する。", A),  # a procedure, not a pending call
    ("同社は火災の原因を漏電と断定した。", A),
    ("Brandt cited slower-than-expected adoption of its app as the main reason.", A),  # an outcome
    ("Okafor said the deal gave Northwind compute that would have been hard to secure elsewhere.", A),  # counterfactual
    ("Northwind has not said whether YamaText was part of its training mix.", S),  # undisclosed
    ("The company declined to comment on the report.", S),
    ("Kazahana declined to disclose Hibari's price.", S),  # the sentence's own claim is undisclosed
    ("The chip is made on a 3-nanometre process by a contract foundry that Thistlecore declined to name.", A),
    ("He said more than 60 organisations had applied, though he declined to name them.", A),
    ("ただし、Northwind AIはこの点について明らかにしていない。", S),
    ("The company said it has released the weights.", A),
    ("アルトマン氏は「AGIは近い」と述べています。", A),
    ("同社は声明で、データ流出はなかったと発表しました。", A),
    ("専門家たちは規制が必要だと考えています。", A),  # a named third party's stance: a report
]
JA_FALSE_FRIENDS = [
    ("この機能は全ユーザーが利用可能です。", A),  # 可能 without 性
    ("新しい手法が高速な学習を可能にした。", A),
    ("結果は予想外でした。", A),
    ("実験結果は仮説が正しいことを示しています。", A),  # 示す, not 示唆
    ("学生時代の思い出を語った。", A),
    ("様々な企業がAIを導入しています。", A),
    ("この様なものは以前から存在した。", A),
    ("誰でも使えるように、APIが公開されました。", A),
    ("結果は次のようです。", A),
    ("それは素晴らしい成果です。", A),
    ("新しいモデルは多分野で使われています。", A),
    ("しかも、料金は無料です。", A),
    ("このプロセスには人間の監督が必要とされています。", A),
    ("同社はその噂を否定しました。", A),
    ("その効果には疑いの余地がない。", A),
    ("詳しくは公式サイトを見るとよいでしょう。", A),
    ("なぜ彼は辞めたのでしょうか?", A),
    ("大規模モデルは次の単語を予測します。", A),  # technical term, not a forecast
    ("これは期待以上の結果でした。", A),
]
EN_FAMILIES = [
    ("The model is likely to be delayed.", S),
    ("A merger is unlikely this year.", S),
    ("The board may reconsider its decision.", S),
    ("The chip might ship in the fall.", S),
    ("This could change how startups raise money.", S),
    ("The company would struggle without more compute.", S),
    ("Possibly the largest round in the sector's history.", S),
    ("Perhaps the team disbanded after the launch.", S),
    ("The leak probably came from a contractor.", S),
    ("OpenAI is reportedly building its own chip.", S),
    ("The founder allegedly misled investors.", S),
    ("A rumored partnership with Apple drove the stock up.", S),
    ("It is believed that the model has 1.8 trillion parameters.", S),
    ("Google is said to be working on a rival product.", S),
    ("The company appears to have paused hiring.", S),
    ("The model seems to memorize its training data.", S),
    ("Apparently the demo was pre-recorded.", S),
    ("The data suggests a slowdown in adoption.", S),
    ("The model is expected to launch next quarter.", S),
    ("There was speculation that the CEO would resign.", S),
    ("The new chip is presumably faster.", S),
    ("The number of users is supposedly over a billion.", S),
    ("According to rumors, the startup is up for sale.", S),
    ("The report relies on unconfirmed accounts from former staff.", S),
    ("I think the valuation is too high.", S),
    ("We suspect the benchmark was contaminated.", S),
    ("It is possible that the weights were leaked.", S),
    ("The model may have seen the test set during training.", S),
    ("In all likelihood, the merger will be approved.", S),
    ("It remains unclear who leaked the memo.", S),
    ("The complaint alleges that the startup copied proprietary code.", S),
    ("No one knows when the next model will ship.", S),
    ("Early data shows signs that churn is rising.", S),
    ("We estimate that the cluster holds 100,000 GPUs.", S),
    ("Analysts warned of a possible price war.", S),
    ("Logistics analysts estimate that the strike cost shippers 2 billion yen.", S),  # an outside guess
    ("Hiroshi Tanabe, an analyst at Meiwa Securities, estimated the savings at 1.5 billion yen.", S),
    ("No official figure for the losses has been published.", S),
    ("Altman posted that the launch went well.", A),
    ("He said the company had no plans to go public.", A),
    ("Altman reportedly said that the board had lost his trust.", S),  # the reporting verb itself hedges
    ("The CEO is said to have opposed the deal.", S),
]
EN_FALSE_FRIENDS = [
    ("In May 2024, OpenAI released GPT-4o.", A),
    ("The update shipped on May 13.", A),
    ("May 1 marked the start of the trial.", A),
    ("Theresa May opened the summit.", A),
    ("Could you share the evaluation code?", A),
    ("The conference will take place in Tokyo next March.", A),
    ("As expected, the model topped the leaderboard.", A),
    ("Revenue grew faster than expected.", A),
    ("You may use the dataset for research purposes.", A),  # permission
    ("Users may not submit personal data.", A),
    ("They published the logs so that others could verify the results.", A),
    ("The company denied the rumors about layoffs.", A),
    ("There is no doubt that the chip is faster.", A),
    ("The startup said it would open an office in Tokyo.", A),
    ("The studio said on February 10, 2026 that it would cut 120 jobs.", A),  # a date between: still reported
    ("The company said on Feb. 3 that it would open a plant in Iwate.", A),
    ("The launch would not have been possible without the team's work.", A),  # counterfactual credit
    ("We would like to thank the reviewers.", A),
    ("It is possible to run the model on a laptop.", A),
    ("The bureau estimates that fixing the leaks saved 600,000 cubic metres of water.", A),  # its own figure
    ("Analysts at the firm counted 40 outages last year.", A),
    # a third party's hope for what will happen has not happened; an aim ("hopes to") is stated
    ("Officials in Iwate hope the plant will also bring work back to the site.", S),
    ("The railway also hopes that the AI will cut down on false alarms.", S),
    ("Miyazaki hopes to cut that figure with a heavier drone.", A),
    ("I hope you enjoy the new model.", A),
    ("Benchmarks cannot cover every possible prompt.", A),
]

CASES = JA_NOTE + JA_WIKI + EN_CORPUS + JA_FAMILIES + JA_FALSE_FRIENDS + EN_FAMILIES + EN_FALSE_FRIENDS


def _lang(text: str) -> str:
    return "ja" if any("\u3040" <= ch <= "\u9fff" for ch in text) else "en"


@pytest.mark.parametrize(("text", "gold"), CASES, ids=[f"{i:03d}-{t[:24]}" for i, (t, _) in enumerate(CASES)])
def test_label(text: str, gold: str) -> None:
    result = classify(text, _lang(text))
    assert result.label == gold, f"cues={result.cues}"


@pytest.mark.parametrize(("text", "gold"), CASES[::3], ids=[f"{i:03d}" for i in range(len(CASES[::3]))])
def test_language_detection_gives_the_same_label(text: str, gold: str) -> None:
    assert classify(text).label == gold


@pytest.mark.parametrize(("text", "_gold"), CASES)
def test_cues_are_exact_substrings_in_order(text: str, _gold: str) -> None:
    result = classify(text)
    positions = []
    start = 0
    for cue in result.cues:
        assert cue and cue in text
        found = text.find(cue, start)
        assert found >= start, f"cue {cue!r} out of order"
        positions.append(found)
        start = found + len(cue)
    assert positions == sorted(positions)
    assert result.speculative == bool(result.cues)


@pytest.mark.parametrize(
    ("text", "expected_cues"),
    [
        ("これが新しいモデルのテストだった可能性が高いです。", ["可能性が高"]),
        ("このADHDと言われた開発者こそPrafulla Dhariwalではないかと推論します。", ["と言われ", "ではないか", "と推論"]),
        ("It was reportedly delayed and may never ship.", ["reportedly", "may"]),
        ("離脱となった様です。", ["様です"]),
    ],
)
def test_cues_found(text: str, expected_cues: list[str]) -> None:
    assert classify(text).cues == expected_cues


@pytest.mark.parametrize(
    ("text", "speculative", "reported"),
    [
        ("Altman posted that the launch went well.", False, True),
        ("He said the company had no plans to go public.", False, True),
        ("Altman reportedly said that the board had lost his trust.", True, True),
        ("The CEO is said to have opposed the deal.", True, False),  # impersonal hearsay: no named speaker
        ("The company released the model in May.", False, False),
        ("アルトマン氏は「AGIは近い」とツイートしています。", False, True),
        ("彼は新会社を設立したと述べています。", False, True),
        ("同社の幹部は安全性が最優先だと強調しています。", False, True),
        ("専門家たちは規制が必要だと考えています。", False, True),
        ("彼は辞任するとされています。", True, False),
        ("OpenAIはGPT-4oを公開しました。", False, False),
    ],
)
def test_reported_speech(text: str, speculative: bool, reported: bool) -> None:
    result = classify(text)
    assert (result.speculative, result.reported) == (speculative, reported), result


def test_speculation_survives_quoting() -> None:
    # The hedge belongs to the quoted speaker, but the sentence still cannot support the claim as fact.
    result = classify('Altman wrote: "AGI will probably arrive this decade."')
    assert result.speculative and result.reported and result.cues == ["probably"]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Altman is reportedly leaving. 関係者によると、彼は辞任する可能性が高いという。", ["reportedly", "関係者によると", "可能性が高"]),
        ("OpenAIは5月にモデルを公開した。In May it was released.", []),
        ("彼は「It might be AGI」と述べた。", ["might"]),
    ],
)
def test_mixed_scripts_apply_both_rule_sets(text: str, cues: list[str]) -> None:
    assert classify(text).cues == cues
    assert classify(text, "ja").cues == cues  # the document language never switches the other rules off
    assert classify(text, "en").cues == cues


def test_lang_argument_overrides_nothing_on_plain_text() -> None:
    assert classify("The model might be delayed.", "en").cues == ["might"]
    assert classify("The model might be delayed.", "ja").cues == ["might"]  # Latin script present
    assert classify("", None) == Epistemic(speculative=False, cues=[], reported=False)


def test_label_property_and_frozen() -> None:
    assert Epistemic(True, ["may"]).label == "speculative"
    assert Epistemic(False, []).label == "asserted"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Epistemic(False, []).speculative = True  # type: ignore[misc]


def test_cue_tables_are_extendable_data() -> None:
    assert set(EN_CUES) >= {"modal", "hearsay", "belief"} and set(JA_CUES) >= {"hearsay", "conjecture"}
    assert all(isinstance(p, str) for ps in (*EN_CUES.values(), *JA_CUES.values()) for p in ps)


def test_case_count() -> None:
    assert len(CASES) >= 80
    assert {g for _, g in CASES} == {S, A}
