"""The reader's ways of meeting a question's words in a sentence: names in kanji by their reading,
compounds by their parts, numbers by value, acronyms, counters, and the kind of answer a question wants."""

from __future__ import annotations

from pathlib import Path

import pytest
from assistants import assistant_over

from rag.answer_kind import amounts, answer_type_ok, gives_measure, quantities
from rag.leaders import gives_leader
from rag.tense import tense_ok
from rag.assistant import Assistant, _checked
from rag.decision import CANDIDATES, read_candidates
from rag.lexicon import english_concepts, is_english_word, stem
from rag.lexicon_build import gloss_words
from rag.names import hepburn
from rag.paraphrase import article_words
from rag.context import names_nothing
from rag.question import analyse
from rag.retrieval import Passage
from rag.siblings import other_profit, profits
from rag.entities import compound_names, entities, focus
from ingest.terms import terms
from rag.support import FRAMING_WEIGHT, SYNONYM_CREDIT, Reader, Vocabulary, _head_word, _names_compound, _names_part


@pytest.mark.parametrize(("text", "term"), [
    ("東邦通信の社長は石田正弘氏である。", "toho"),  # kanji name ~ Latin, by its reading
    ("Toho Telecom signed the deal.", "東邦"),  # and the other way
    ("北斗クラウドは石狩市に建設する。", "ishikari"),
    ("Lumen Labs hired a chief technology officer.", "cto"),  # acronym ~ initials
    ("Brightfen chief executive Dana Whitlock said so.", "ceo"),  # a title without its "officer"
    ("The JLQ-Bench score was 81.4.", "jlq"),  # a part of a hyphenated name
    ("Quorvane opened a Tokyo office.", "クォーベイン"),  # no r after a vowel, as Japanese hears it
    ("Shizuri Voice raised funds.", "ボイス"),  # v as b, a soft c
    ("The lab ordered 4,096 GPUs.", "gpu"),  # a short plural
    ("顧客数は2月末時点で340社に達した。", "february"),  # a Japanese date names its month
    ("パラメータ数は130億だった。", "parameters"),  # -er ~ the long a of a loanword
    ("Silicon Valley investors backed it.", "シリコンバレー"),  # a katakana compound ~ two words
    ("Fernhollow launched Patchwork.", "フェルンホロウ"),  # an r after a vowel heard, too
    ("黒羽商事の株価は6.8%下落した。", "kurobane"),  # a name read by any reading of its kanji: 羽 hane -> bane
    ("Kurobane's shares fell 6.8%.", "黒羽"),  # and the other way
    ("Veyra reported revenue.", "ヴェイラ"),  # ヴェ is ve; a y between vowels is heard as i
    ("The prompts asked about hacking and malware.", "マルウェア"),  # -ware ~ ウェア
    ("連合によると、フクヤストアの採用では約1万2000人が面接を受けた。", "fukuya"),  # a name + a loanword in one word
    ("ジョホールのデータセンターは2027年に稼働する。", "johor"),  # ジョ is jo, as names are romanised
    ("町は10月、キリゴーの運行を始めた。", "kiri-go"),  # a hyphenated name is one katakana word
    ("Setouchi Shinwa said it approved loans.", "瀬戸内"),  # a name that is also a word ("inland sea"), read whole
])
def test_a_sentence_names_the_term(text: str, term: str) -> None:
    assert Vocabulary([text]).names(term)


@pytest.mark.parametrize(("text", "term"), [
    ("Tohoku University opened a lab.", "東邦"),
    ("The cat took off at noon.", "cto"),  # short words are not initials of a title
    ("顧客数は3月末時点で340社に達した。", "february"),
    ("Kuroki said so.", "黒羽"),  # no reading of 羽 is ki
    ("Sorato's shares fell.", "株価"),  # a common word is not read as a name
    ("said Takeshi Mori, an analyst.", "生成"),  # ...nor as a short one by the name readings of its kanji
])
def test_a_sentence_does_not_name_the_term(text: str, term: str) -> None:
    assert not Vocabulary([text]).names(term)


@pytest.mark.parametrize(("katakana", "latin"), [
    ("トウホウ", "toho"), ("キュウシュウ", "kyushu"), ("ホッカイドウ", "hokkaido"), ("ショウギ", "shogi"),
    ("ミヤザキ", "miyazaki"), ("キャク", "kyaku"),  # a full-size ヤ is a syllable, a small ャ is not
])
def test_readings_are_written_as_names_are(katakana: str, latin: str) -> None:
    assert hepburn(katakana) == latin


def test_a_compound_the_lexicon_lacks_means_what_its_parts_mean() -> None:
    assert "research" in english_concepts("研究開発")
    assert "employ" in english_concepts("従業員数")  # "employment", by its stem
    assert "number" not in english_concepts("従業員数")  # 数 is an affix beside a longer part


def test_numbers_meet_by_value_across_languages() -> None:
    assert amounts("入力100万トークンあたり") == amounts("per million input tokens") == {1e6}
    assert amounts("パラメータ数は130億だった") == amounts("13 billion parameters")


def test_a_counter_after_nani_asks_for_a_count_and_is_not_a_word_to_find() -> None:
    assert "台" not in analyse("Wren-2は何台導入されていますか?").key_terms
    assert "台" in analyse("倉庫に台を置いた。").key_terms


def test_numbers_stand_after_japanese_text_but_a_list_number_is_not_a_quantity() -> None:
    assert [m.group(0) for m in quantities("従業員数は約140人で")] == ["140"]
    assert quantities("1. サム・アルトマンのツイート") == []


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("When did the office open?", "The office has 20 staff.", False),  # when: a time, not a count
    ("When did the office open?", "The office opened in 2024.", True),
    ("When did the office open?", "The office opened a week later.", True),
    ("gpt2-chatbotは何時間公開されていたの?", "2024年4月末に公開された。", False),  # how long: not a date
    ("gpt2-chatbotは何時間公開されていたの?", "わずか3時間だけ公開された。", True),
    ("How many staff does the office have?", "It reopened a week later.", False),  # a count: not a span
    ("How long did Altman stay at Stanford?", "Altman enrolled at Stanford in 2003.", False),  # a span, not a date
    ("How long did Altman stay at Stanford?", "He attended Stanford for two years.", True),
    ("How long a prompt can Lumen-4 handle?", "It handles 200,000 tokens.", True),  # a length: no span needed
    ("How much did it cost to train?", "It was trained on 9 trillion tokens.", False),  # money names a currency
    ("How much did it cost to train?", "Training cost $5 million.", True),
    # "by how much did losses fall after it brought in AI": a change, in money or per cent ("brought" is no payment)
    ("By how much did fraud losses fall after it brought in the AI system?", "Losses fell 42% in six months.", True),
    ("How many litres of fluid fill the tanks?", "It houses 4,096 GPUs in 128 immersion tanks.", False),  # litres
    ("How many litres of fluid fill the tanks?", "The tanks hold 60,000 litres of fluid.", True),
    ("冷却液は何トン使われていますか?", "The tanks hold 52 tonnes of fluid.", True),
    ("レタスって1株何グラムくらい？", "レタスを1日あたり約1万株生産する。", False),  # grams, not heads
    ("レタスって1株何グラムくらい？", "1株は約120グラムで出荷される。", True),
    ("When will volume shipments begin?", "Shipments begin in the first quarter of next year.", True),  # no digits
    ("When will volume shipments begin?", "Shipments will be large.", False),
    ("サム・アルトマンの誕生日はいつ?", "In 2023, he was ousted as CEO of OpenAI.", False),  # a birthday: a birth
    ("How much damage in yen did the flood cause?", "The flood damaged more than 1,200 homes.", False),  # yen: money
    ("避難指示を出したのは何時ですか。", "市は7月8日、避難指示を出した。", False),  # 何時: a time of day
    ("避難指示を出したのは何時ですか。", "市は7月8日午後3時に避難指示を出した。", True),
    ("At what times can residents use the avatars?", "Residents can use the avatars at nine offices.", False),
    ("At what times can residents use the avatars?", "The avatars are available from 9 a.m. to 5 p.m.", True),
    ("How many people went to shelters?", "The city issued evacuation orders on July 8.", False),  # a day, no count
    ("How many people went to shelters?", "About 3,800 people went to shelters on July 8.", True),
    ("架空の判例は何件引用されていた？", "架空の判例が裁判で問題になるのは珍しい。", False),  # 何件 asks a number
    ("架空の判例は何件引用されていた？", "実在しない判例4件が引用されていた。", True),
    ("How much has Hokuyo invested in the plant?", "The plant cut peak demand by 31 megawatts.", False),  # money
    ("How much has Hokuyo invested in the plant?", "Hokuyo has invested ¥2 billion in the plant.", True),
    ("病床数はいくつ？", "作成時間は平均28分に減った。", False),  # 28分 is a span of time, not a count
    ("Which Hong Kong bank received the transfer?", "It went on Sept 9 to a bank in Hong Kong.", False),  # Sept: no one
    ("サム・アルトマンの誕生日はいつ?", "Samuel Harris Altman (born April 22, 1985) is a businessman.", True),
    ("北上電力の従業員数は何人ですか?", "電力の約7割を北上電力が賄う。", False),  # a share is not a count
    ("Who led the funding round?", "The company raised $600 million in a funding round.", False),  # nobody named
    ("Who led the funding round?", "The round was led by Glenmore Ventures.", True),
    ("Which companies are the first customers?", "It lets Japanese companies keep their data at home.", False),  # a nationality
    ("Which companies are the first customers?", "First customers include Naniwa Pharma.", True),
    ("Who founded the lab?", "研究所は高田誠氏が設立した。", True),
    ("Who founded Veltrane Cloud?", "Several founders said they were renegotiating.", False),  # a first word
    ("桐谷教授の研究チームは何人で構成されていますか?", "チームは40回の実演から学習させた。", False),  # 何人: so many 人
    ("桐谷教授の研究チームは何人で構成されていますか?", "チームは12人で構成される。", True),
    ("タンボセンスの従業員は何人?", "It will lease 40 drones and train operators from its staff.", False),  # 何人: people
    ("タンボセンスの従業員は何人?", "It employs 410 track inspectors.", True),
    ("月間ユーザーが何人を超える会社?", "Firms with more than 100 million monthly active users must sign.", True),
    ("Which universities belong to the consortium?", "It is run by a consortium of university labs.", False),
    ("Which universities belong to the consortium?", "Members include Kyoto University and Tohoku University.", True),
    ("Which model was added last?", "We also introduced fastchat-t5-3b.", True),  # a model's name is a name
    ("Which file-sharing forum were the weights posted on?",
     "Lumenfold confirmed the weights were posted on a file-sharing forum.", False),  # a name, not beside "forum"
    ("Which file-sharing forum were the weights posted on?",
     "The weights were posted on the forum Driftboard on Tuesday.", True),
    ("空都デバイスは何年に設立されましたか?", "同社は2月に説明会を開く。", False),  # 何年: a year, not a month
    ("空都デバイスは何年に設立されましたか?", "同社は2019年に設立された。", True),
    ("売上のうち海外向けの割合は?", "Overseas customers accounted for 38% of sales.", True),  # a share, not money
    ("売上のうち海外向けの割合は?", "Sales rose to ¥4 billion.", False),
    ("誤報の割合は？", "通知のおよそ9回に1回は誤報だった。", True),  # one in so many is a share
    ("What share of the alerts were false?", "About one in nine alerts was a false alarm.", True),
    ("What share of the alerts were false?", "The system sent 1,900 alerts in March.", False),
    ("病床数はいくつ？", "1件あたりの作成時間は平均28分から9分に減った。", False),  # 1件あたり: a rate, not a count
    ("年間どれだけの水の損失を防げる？", "漏水の修理で水の損失を防げる。", False),  # どれだけ asks a quantity
    ("年間どれだけの水の損失を防げる？", "年間約90万立方メートルの水の損失を防いだ。", True),
    ("When will the line open?", "SAPPORO, Feb 26 — Mitsumine Kasei plans to build a pilot line.", False),  # a dateline
    ("When will the line open?", "HIGASHITOMA, Hokkaido (May 19, 2026) — Hokusei plans to build a pilot line.", False),
    ("Who makes the umpiring system?", "TAKAMATSU, March 18, 2026 - The league has begun using an AI system.", False),
    ("Who makes the umpiring system?", "YOKOHAMA, Japan, Feb. 4, 2026 — It was built by Tsukuba Kinetics.", True),
    ("Who makes the cameras?", "FUKUI, June 3 — The union has asked for a review of the cameras.", False),
    ("Who makes the cameras?", "The bus company, based in Fukui Prefecture, fitted the cameras.", False),  # a place
    ("Who makes the cameras?", "カメラは福井県内の全路線バスに設置された。", False),
    ("Who makes the cameras?", "The cameras are made by Nordvis of Sweden.", True),
    ("Which city is the startup based in?", "The startup is based in the city of Sendai.", True),  # a place asked
    ("How many parameters does the small model have?", "It released an 8-billion-parameter variant.", True),  # joined
    ("契約は何年間？", "同社はベコミルと5年契約を結んだ。", True),  # 5年契約: a span, not a year
    ("契約は何年間？", "同社は2024年に契約を結んだ。", False),
    ("登録車両は何台を目指す？", "2026年度末までに登録車両1万台を目指す。", True),  # a scale before the counter
    ("生産能力はどのくらい拡大した？", "The company tripled its production capacity.", True),  # a multiple
    ("生産能力はどのくらい拡大した？", "The company expanded its production capacity.", False),
    ("When did Kazami release the model?", "Kazami published the model in February.", True),  # a month alone
    ("When did Kazami release the model?", "The model may be released soon.", False),  # the modal, no month
    ("When is the court expected to rule?", "The brief was filed by a 54-year-old attorney.", False),  # an age
    ("When did the strike start?", "Workers began a 48-hour strike.", False),  # a span joined to a noun dates nothing
    ("How much is the city chipping in for the trial?", "The city has about 180,000 residents.", False),  # money
    ("How much is the city chipping in for the trial?", "The city will contribute ¥40 million.", True),
    ("Whose AI agent caused the outage?", "The outage was caused by an AI coding agent.", False),  # whose: someone named
    ("Whose AI agent caused the outage?", "The agent was supplied by Loomwright.", True),
    # "what's the price", "what does it pay": an amount of money, asked without "how much"
    ("What's the hourly price to rent the GPU?", "最上位のGPUは1時間あたり約650円から利用できる。", True),
    ("What's the hourly price to rent the GPU?", "The GPU cluster holds 4,096 chips.", False),
    ("What does the hospital pay each year for the licence?", "The hospital has used it since 2024.", False),
    # "how long is the loop": a length answers it, as a span does
    ("How long is the loop the bus runs?", "The bus travels a 6.8-kilometre loop.", True),
    ("How long is the loop the bus runs?", "The bus carries 12 passengers.", False),
    # "what royalty percentage": a share, with words between "what" and "percentage"
    ("What royalty percentage will Helixor get?", "Helixor gets tiered royalties on sales.", False),
    ("What royalty percentage will Helixor get?", "Helixor gets royalties of 8% on sales.", True),
    # a rate is answered per its unit of time, not by a year's total
    ("How many containers an hour can the cranes handle now?", "The port handled 410,000 TEU of containers in 2025.", False),
    ("How many containers an hour can the cranes handle now?", "Each crane now moves 32 containers an hour.", True),
    ("1日に何件の相談がある?", "年間3万件の相談がある。", False),
    ("1日に何件の相談がある?", "1日平均120件の相談がある。", True),
    # 何店舗, 何か所 ask a count, not a date; 何か国語 counts languages, not countries; an age in brackets is no count
    ("AI発注の試験って何店舗でやったの?", "試験は10月1日に始まった。", False),
    ("AI発注の試験って何店舗でやったの?", "福岡県内の120店舗で実施した。", True),
    ("地震計は何か所あるの?", "10月1日に本格運用を始めた。", False),
    ("ハナコって何か国語で答えてくれるの？", "対応言語は日本語を含め10言語。", True),
    ("How many fake videos turned up during the campaign?", "久保田太郎氏(58)が発言したかのような偽動画が拡散した。", False),
    ("How much does the card issuer pay Veriflow each year?", "It spent 4.2 billion yen on the project.", False),
    ("How much does the card issuer pay Veriflow each year?", "It pays Veriflow 300 million yen a year.", True),
    ("保険金請求を年間何件くらい扱ってるの？", "同社は年間約48万件の保険金請求を扱う。", True),
    ("保険金請求を年間何件くらい扱ってるの？", "システムは2025年に導入され、12件の不正を見つけた。", False),
    # a rate in Japanese (投票率) is a share
    ("市長選の投票率はどのくらいだった?", "市内の有権者は約8万6000人。", False),
    ("市長選の投票率はどのくらいだった?", "投票率は48.2%だった。", True),
    # 「…の会社ってどこ？」 asks which one: it needs one named, beyond the question's own words
    ("製造を頼んでた台湾の会社ってどこ？", "製造を台湾の受託製造会社に委託してきた。", False),
    ("製造を頼んでた台湾の会社ってどこ？", "製造を台湾の鴻海精密工業に委託してきた。", True),
    ("条例案に反対してる会派ってどこ?", "一部会派からは「行政がSNS上の表現を監視することにつながりかねない」との声も出ている。", False),
    # an age is asked by 何歳 / "how old", and stated as 52歳, （52）, "Kanda, 52,"
    ("神田社長って何歳?", "Annota Works president Hiroshi Kanda said the company complies with all laws.", False),
    ("神田社長って何歳?", "Hiroshi Kanda, 52, said the company complies with all laws.", True),
    ("How old is the president?", "神田浩社長（52）は述べた。", True),
    # sales, revenue, profit, 営業利益は, 企業価値って: an amount of money, asked without "how much"
    ("What were Lumiderm's sales last year?", "The agency noted that the trial included few patients.", False),
    ("What were Lumiderm's sales last year?", "Lumiderm's sales were 3.2 billion yen last year.", True),
    ("大光化学の去年の営業利益は?", "大光化学は営業利益を伸ばした。", False),
    ("大光化学の去年の営業利益は?", "大光化学の営業利益は前年比12%増の420億円だった。", True),
    # "how big" asks a size: a count or a measure, not the month it was set up nor an ordinal (第1弾)
    ("How big is the new health care unit at Tsubame Denshi?", "同社は今年4月に新部門を立ち上げており、これはその第1弾の製品となる。", False),
    ("How big is the new health care unit at Tsubame Denshi?", "新部門の人員は約40人だ。", True),
    ("How large is the site?", "The plant will sit on a 48-hectare site.", True),
    # an amount named before its verb, and a rate, ask for an amount and a share
    ("What starting salary is Hokuto Electron offering?", "Hokuto Electron plans to start hiring in spring 2026.", False),
    ("What starting salary is Hokuto Electron offering?", "Graduates will start on 260,000 yen a month.", True),
    ("What interest rate is Asahina paying on the late payments?", "It will pay late-payment interest by March.", False),
    ("What interest rate is Asahina paying on the late payments?", "The late-payment interest is 3% a year.", True),
    # 何回目 asks which in a series (第5回), not how many of something
    ("うたごえグランプリって今回で何回目?", "The 2026 final drew 12 finalists from about 38,000 entrants.", False),
    ("うたごえグランプリって今回で何回目?", "第5回となる今大会には約3万8000人が応募した。", True),
    ("金沢市長って今何期目?", "\"That is not a good use of public servants' time,\" the mayor said.", False),
    ("金沢市長って今何期目?", "村山卓市長は現在2期目。", True),
    # a rate is "a year", "every school day": "years of experience" is none
    ("明科セメントって年間どれくらいセメント作ってるの?", "Kilns are kept at about 1,450 degrees by operators with years of experience.", False),
    ("明科セメントって年間どれくらいセメント作ってるの?", "Akashina makes about 5 million tonnes of cement a year.", True),
    ("How many lunches do the centres cook each day?", "Every school day, the two centres cook roughly 18,500 meals.", True),
    ("How much is the app per month?", "Members will use the app free of charge for six months.", False),
    # money raised from investors is not a contract's worth
    ("How much money has Skylens raised from investors?", "スカイレンズとの契約額は5年間で約42億円にのぼる。", False),
    ("How much money has Skylens raised from investors?", "スカイレンズはこれまでに約30億円を調達した。", True),
    ("How much money has Skylens raised from investors?", "Skylens raised 3 billion yen in a Series B round.", True),
])
def test_the_answer_has_the_kind_of_thing_asked_for(question: str, sentence: str, expected: bool) -> None:
    assert answer_type_ok(analyse(question), sentence) is expected


def test_the_kind_of_thing_asked_for_weighs_double() -> None:
    reader = Reader(analyse("Which law firm represents the publishers?"), lambda term: 0, 10)
    assert reader.weights["law"] == 2 * reader.weights["firm"]


@pytest.mark.parametrize(("question", "asked"), [
    ("Who is the mayor of the town where Aozora is building its data center?", {"mayor"}),
    ("What's the maximum penalty under the bill?", {"penalty"}),
    ("ホシゾラ・インテリジェンスの昨年度の売上高はいくら?", {"売上高"}),
    ("全国声優協議会の代表は誰?", {"代表"}),
    ("星川AIは何年に上場しますか?", set()),  # the noun before は is the subject here, not what is asked
    ("ソナリの日本法人って社員何人くらいいるの?", {"社員"}),  # the people a count asks for
    ("年間何件くらい扱ってるの?", set()),  # 年間 says over what time, not what is counted
    ("事故のあと北坂電鉄の株価ってどうなった？", {"株価"}),  # what became of it: the noun it asks about
    ("逮捕のあと、海陽通商のホームページはどうなったの?", {"ホームページ"}),
    ("事故のあと、遠隔監視の体制はどう変わったの?", set()),  # how it changed: not held to the word
])
def test_the_role_or_measure_a_question_asks_for_is_its_focus(question: str, asked: set[str]) -> None:
    assert focus(analyse(question)) == asked


def test_a_numbered_katakana_word_is_a_model_name_and_its_number_no_attribute() -> None:
    question = analyse("カゲロウ3の学習にはどこのGPUが使われたの?")
    assert "カゲロウ" in entities(question)
    assert "3" not in Reader(question, lambda term: 0, 10).attributes


def test_names_in_a_japanese_question_include_kanji_names_and_nakaguro_compounds() -> None:
    assert {"織部", "健太"} <= entities(analyse("北辰キャピタルの織部健太さんはどこの会社の取締役ですか?"))
    assert {"パララックス", "リサーチ"} <= entities(analyse("パララックス・リサーチの創業者は誰ですか?"))
    assert "北上" in entities(analyse("北上電力の従業員数は何人ですか?"))  # a place name, though also a word
    assert "電力" not in entities(analyse("北上電力の従業員数は何人ですか?"))


def test_a_name_joined_by_nakaguro_is_named_by_a_part_written_as_it_is() -> None:
    reader = Reader(analyse("パララックス・リサーチの創業者は誰ですか?"), lambda term: 0, 10)
    assert {"パララックス", "リサーチ"} in reader.name_groups
    assert not _names_part(Vocabulary(["He led speech recognition research."]), "リサーチ")  # only a word
    assert _names_part(Vocabulary(["Parallax said so."]), "パララックス")
    assert Vocabulary(["従業員は約80人。"]).names("従業員数")  # a compound cut differently


def test_a_kanji_place_most_of_the_corpus_names_is_weighed_as_a_word() -> None:
    question = analyse("日本での価格はいくらですか?")
    assert "日本" in entities(question)
    assert "日本" not in Reader(question, lambda term: 30, 100).names  # in 30% of the chunks
    assert "日本" in Reader(question, lambda term: 3, 100).names


def test_a_noun_run_opening_with_an_unknown_kanji_word_is_a_company_or_place_name() -> None:
    assert compound_names(analyse("空都デバイスは何年に設立された会社ですか?")) == [("空都デバイス", {"空都", "デバイス"})]
    assert compound_names(analyse("白霧町の人口は?"))[0][0] == "白霧町"  # cut into single kanji
    assert compound_names(analyse("東邦通信の社長は誰?")) == []  # words the lexicon knows: left to the reader
    assert compound_names(analyse("口頭試問の免除を求める署名は何人分?")) == []  # a known word, then one it lacks
    assert compound_names(analyse("石丸弁護士は何を使った?")) == [("石丸弁護士", {"石丸", "弁護士"})]
    reader = Reader(analyse("空都デバイスの設立はいつ?"), lambda term: 0, 10)
    assert not set(reader.attributes) & {"空都", "デバイス"}
    assert _names_compound(Vocabulary(["Hokuto Cloud said so."]), "北斗クラウド", {"北斗", "クラウド"})  # reading
    assert not _names_compound(Vocabulary(["デバイス各社が発表した。"]), "空都デバイス", {"空都", "デバイス"})


@pytest.mark.parametrize(("term", "sentence", "expected"), [
    ("広さ", "約48ヘクタールの町有地に建設する。", True),  # an area is answered in an area's units
    ("share", "Patchwork resolved 58% of the bugs.", True),
    ("割合", "海外向けは売上の38%を占める。", True),
    ("容量", "最大250メガワットを供給する。", True),
    ("容量", "蓄電容量は1200メガワット時。", True),  # a battery's capacity is energy
    ("output", "The plant has an output of 300 megawatts.", True),
    ("出力", "蓄電容量は1200メガワット時。", False),  # output is power, not stored energy
    ("output", "It stores 1.2 gigawatt-hours.", False),
    ("tall", "ヒバリは身長165センチメートル、重さ62キログラム。", True),  # "how tall" ~ a height
    ("stakes", "Jinhe holds 60% of the venture and Meisei 40%.", True),
    ("広さ", "従業員は48人。", False),
    ("share", "The company's shares rose.", False),
])
def test_a_measure_is_answered_in_its_units(term: str, sentence: str, expected: bool) -> None:
    assert gives_measure(term, sentence) is expected


def test_a_name_of_several_capitalised_words_is_named_by_a_distinctive_part() -> None:
    question = analyse("How many sensors are on the Minatogawa University robot hand?")
    reader = Reader(question, lambda term: 60 if term == "university" else 1, 100)
    assert {"minatogawa", "university"} in reader.name_groups
    assert "university" in reader.common_names  # in most chunks: it tells nothing apart


def test_an_action_and_its_noun_share_a_stem() -> None:
    assert {stem(w) for w in ("operation", "operates", "operated", "operating")} == {"operat"}
    assert stem("employment") == stem("employs") == stem("employees")
    assert stem("trialled") == stem("trial") and stem("planned") == stem("plan") and stem("running") == stem("run")
    assert stem("installed") == stem("install") and stem("filled") == stem("fill")  # a doubled base still meets
    assert stem("frozen") == stem("freeze") and stem("stolen") == stem("steals")  # irregular forms


@pytest.mark.parametrize("words", [
    ("warnings", "warning", "warned"), ("findings", "finding"), ("processes", "process", "processing"),
    ("boxes", "box"), ("launches", "launch"), ("classes", "class"), ("focuses", "focus"), ("statuses", "status"),
    ("closes", "close"), ("cases", "case"),
    ("experimental", "experiment"), ("approval", "approve", "approvals"), ("operational", "operation"),
    ("proposal", "propose", "proposals"), ("publicly", "public"), ("monthly", "month"), ("supply", "supplies"),
    ("family", "families"),
])
def test_a_plural_or_adjective_meets_its_base_word(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1


SERIES = {
    "bekomiru_en.md": "---\ntitle: Cattle camera startup signs a cooperative\nlang: en\n---\n"
                      "BekoMiru raised 900 million yen in a Series A round last year.\n\n"
                      "The cooperative will install 1,200 cameras.\n",
}


def test_a_sentence_about_another_of_a_series_does_not_answer(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, SERIES)
    assert assistant.ask("How much did BekoMiru raise in its Series B round?").status == "refused"
    answer = assistant.ask("How much did BekoMiru raise in its Series A round?")
    assert answer.status == "answered" and "900 million yen" in answer.citations[0].quote


BANK = {
    "bank_en.md": "---\ntitle: Chatbot outage\nlang: en\n---\n"
                  "Mizunami Shinkin introduced an AI chatbot called Kotoha in April.\n\n"
                  "The bank said about 12,000 customers in Gifu tried Kotoha during the outage.\n",
    "bank_ja.md": "---\ntitle: チャットボットの障害\nlang: ja\n---\n"
                  "ミズナミ銀行は4月、AIチャットボット「コトハ」を導入した。\n\n"
                  "同行によると、障害の間に岐阜県内で約1万2000人がコトハを利用した。\n",
}


@pytest.mark.parametrize(("question", "figure"), [
    ("How many customers tried Mizunami Shinkin's chatbot during the outage?", "12,000"),
    ("ミズナミ銀行のチャットボットは障害の間に何人が利用したの?", "1万2000人"),
])
def test_the_bank_or_doko_speaks_of_what_its_paragraph_named(tmp_path: Path, question: str, figure: str) -> None:
    answer = assistant_over(tmp_path, BANK).ask(question)
    assert answer.status == "answered" and figure in answer.citations[0].quote


def test_news_words_jmdict_glosses_otherwise_meet_their_english() -> None:
    assert Vocabulary(["Otoha used about 68,000 of their songs as training data."]).speaks_of("学習", True)
    assert Vocabulary(["Otoha used about 68,000 of their songs as training data."]).speaks_of("楽曲", True)
    assert Vocabulary(["It is not used to train the models."]).speaks_of("使う", True)  # used ~ use
    assert not Vocabulary(["The songs were released in May."]).speaks_of("学習", True)


@pytest.mark.parametrize(("sentence", "word"), [
    ("Kagayaki's shares fell 3.2 percent in Tokyo.", "株価"),  # JMdict: stock prices
    ("The commission will assign three staff to the desk.", "配置"),
    ("Fermentix was founded in 2019 by Claire Dubois.", "創業"),
    ("The startup will launch the device in May.", "発売"),
    ("同選管は職員3人を配置する。", "election"),  # and the other way
])
def test_business_news_words_meet_the_english_news_uses(sentence: str, word: str) -> None:
    assert Vocabulary([sentence]).speaks_of(word, True)


def test_a_finding_is_no_founding_across_languages_either() -> None:
    # "found" is the past of "find" to the stemmer: the lexicon says "founded" for 創業.
    assert not Vocabulary(["Parallax said it took the findings seriously."]).speaks_of("創業者", True)


def test_the_light_verb_of_a_gloss_phrase_is_not_its_meaning() -> None:
    assert "use" in english_concepts("使う") and "make" not in english_concepts("使う")  # "to make use of"


def test_found_as_the_past_of_find_is_not_a_founding() -> None:
    assert not Vocabulary(["The score was found to overlap the training data."]).speaks_of("founder", False)
    assert Vocabulary(["She founded the company in 2022."]).speaks_of("founder", False)


def test_a_generic_acronym_is_a_word_to_weigh_not_a_name_to_find() -> None:
    question = analyse("How many new shares is Nagisa Intelligence issuing in its IPO?")
    assert "ipo" not in entities(question) and {"nagisa", "intelligence"} <= entities(question)
    assert "ipo" in Reader(question, lambda term: 1, 100).attributes


def test_how_exactly_the_asker_wants_it_is_no_word_to_find() -> None:
    assert "roughly" not in analyse("Roughly how many employees does Aozora Silicon have?").key_terms
    assert "だいたい" not in analyse("だいたい何人くらいの社員がいるの?").key_terms


def test_the_period_asked_for_is_no_word_to_find() -> None:
    # "during what period": the answer gives the span (between 1978 and 2011), not the word.
    assert "period" not in Reader(analyse("During what period were the tablets dug up?"), lambda term: 1, 10).attributes
    assert "期間" not in Reader(analyse("ログはどれくらいの期間保管されるの？"), lambda term: 1, 10).attributes


def test_who_runs_a_company_is_answered_by_a_leaders_title() -> None:
    question = analyse("Who is in charge at Shiranami Bank?")
    assert gives_leader(question, "charge", "Shiranami President Shigeru Okabe told reporters.")
    assert not gives_leader(question, "charge", "The bank will charge a fee.")
    assert not gives_leader(analyse("How long can it run on one charge?"), "run", "The company president said so.")
    assert gives_leader(question, "charge", "Aiko Ito, head of Shiranami, said so.")
    assert not gives_leader(question, "charge", "Kenji Morimoto, Shiranami's head of research and development, said so.")
    assert not gives_leader(question, "charge", "Its head of AI, Kenji Morimoto, said so.")


def test_a_short_japanese_word_meets_its_compound() -> None:
    assert Vocabulary(["同社の社員数は約120人。"]).names("社員")  # 社員 ~ 社員数
    # Sudachi spells the question's 売上 as 売り上げ; the compound 売上高 holds it without okurigana ...
    assert Vocabulary(["ヨツバの2025年3月期の売上高は約48億円。"]).names("売り上げ")
    # ... but the asked compound is not said by the shorter word (売上高 is not any mention of 売上)
    assert not Vocabulary(["売上計上の方法を調べている。"]).names("売上高")


def test_a_gloss_of_alternatives_gives_each_of_them() -> None:
    assert "actor" in english_concepts("声優")  # JMdict: "voice actor or actress (radio, animation, etc.)"


def test_a_word_that_only_qualifies_a_gloss_is_not_the_headwords_meaning() -> None:
    assert gloss_words([(1, "company employee"), (2, "member of a corporation"), (3, "to raise funds"), (3, "taking office")]) == [
        "employee", "member", "corporation", "raise", "funds", "taking", "office", "~company"]
    assert gloss_words([(1, "staff member"), (1, "personnel")]) == ["staff", "member", "personnel"]
    assert gloss_words([(1, "for the first time")]) == ["first", "time"]
    assert gloss_words([(1, "net increase")]) == ["increase", "net"]  # only a role's qualifier is marked
    assert "employ" in english_concepts("社員") and "compan" not in english_concepts("社員")
    assert "regist" not in english_concepts("看護師") and "servant" in english_concepts("公務員")
    assert not Vocabulary(["The company says its app has 4.2 million users."]).speaks_of("社員", True)
    assert Vocabulary(["The company has 230 employees."]).speaks_of("社員", True)
    assert is_english_word("registered")  # still an English word, so no name
    assert gloss_words([(1, "branch office"), (1, "branch store")]) == ["office", "store", "branch"]
    assert gloss_words([(1, "company employee"), (2, "company stockholder")]) == ["employee", "stockholder", "~company"]


def test_a_vice_president_is_not_the_president_by_gloss() -> None:
    vice = Vocabulary(["said Emiko Hasegawa, the vice president for academic affairs who led the review."])
    assert not vice.speaks_of("学長", True) and vice.names("president")  # the word is still there
    assert Vocabulary(["The vice president and the president met."]).speaks_of("学長", True)
    assert not Vocabulary(["A former deputy-manager said so."]).glossing("店長")


def test_a_hyphenated_attribute_is_matched_by_its_parts() -> None:
    reader = Reader(analyse("What energy-efficiency target was set?"), lambda term: 0, 10)
    assert {"energy", "efficiency"} <= set(reader.attributes) and "energy-efficiency" not in reader.attributes


ARTICLES = {
    "toho_ja.md": "---\ntitle: 東邦通信、法人向けAIサービスを開始\nlang: ja\n---\n"
                  "東邦通信は法人向けの新しいAIサービスを発表した。\n\n東邦通信の社長は石田正弘氏である。\n",
    "aozora_ja.md": "---\ntitle: 青空シリコン、シリーズBで85億円を調達\nlang: ja\n---\n"
                    "福岡市の半導体企業が資金調達を発表した。\n\nリード投資家は九州未来キャピタルである。\n",
    "nagi_en.md": "---\ntitle: Nagi Trading adopts Relay\nlang: en\n---\n"
                  "Nagi Trading will roll out Relay to all of its staff this year.\n\n"
                  "\"It reads the paper once,\" said Imogen Saltash, Quillmark's chief executive.\n",
    # The paragraph names the company once; its third sentence says what is asked.
    "listing_en.md": "---\ntitle: Growth market listing approved\nlang: en\n---\n"
                     "Nagisa Intelligence will list on the Growth market on December 16. The exchange approved "
                     "the listing on Friday. The company plans to issue 4.2 million new shares.\n",
    # A lead that sums up the article, and mentions half of what is asked about it.
    "relay_en.md": "---\ntitle: Trading house adopts an AI agent\nlang: en\n---\n"
                   "Nagi Trading will roll out Relay, an AI agent built by Quillmark, to 38,000 employees in Tokyo "
                   "and Osaka from April.\n\nThe agent drafts contracts and summarises shipping documents.\n",
    "nupuri_en.md": "---\ntitle: Utility plans a reactor\nlang: en\n---\n"
                    "Nupuri Energy is a Hokkaido utility.\n\nNupuri plans to build a small reactor near the coastal "
                    "town of Ashiura, which has a port and a fish market.\n",
    "hoshikawa_ja.md": "---\ntitle: 星川AIの歩み\nlang: ja\n---\n"
                       "星川AIの最初のモデルは2023年に公開され、パラメータ数は130億だった。\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("reader"), ARTICLES)


@pytest.mark.parametrize(("question", "quoted"), [
    ("Who is the president of Toho?", "東邦通信の社長は石田正弘氏である。"),  # reading + gloss, across languages
    ("How many parameters did Hoshikawa AI's first model have?", "パラメータ数は130億"),
    ("青空シリコンのシリーズBをリードしたのはどこ?", "リード投資家は九州未来キャピタルである。"),  # the title names the rest
    ("How many new shares is Nagisa Intelligence issuing in its IPO?", "4.2 million new shares"),  # the paragraph names it
])
def test_questions_answered_from_the_sentence_that_says_it(assistant: Assistant, question: str, quoted: str) -> None:
    answer = assistant.ask(question)
    assert answer.status == "answered", answer.text
    assert quoted in answer.citations[0].quote


REPORTED = {
    "fermentix_en.md": "---\ntitle: Brewery signs with a Lyon startup\nlang: en\n---\n"
                       "Fermentix Labs was founded in 2019 by Claire Dubois, a former Danone engineer.\n\n"
                       "The brewery has 42 fermentation tanks.\n",
    "shiomi_ja.md": "---\ntitle: 潮見銀行、行内業務に生成AI\nlang: ja\n---\n"
                    "潮見銀行が採用したのは、カワセミ・インテリジェンスが開発したLLMだ。\n\n融資の審査にも使う。\n\n"
                    "同行は来年度、データ分析の専門人材を約20人増員する。\n",
    "kagayaki_en.md": "---\ntitle: Kagayaki buys a translation startup\nlang: en\n---\n"
                      "Kagayaki will buy Wataridori AI for 4 billion yen.\n\n"
                      "Kagayaki's shares fell 3.2 percent in Tokyo on Thursday after the announcement.\n\n"
                      "Kagayaki posted revenue of 186 billion yen in the fiscal year ended March.\n",
    "hanakawa_en.md": "---\ntitle: Hanakawa's chatbot for residents\nlang: en\n---\n"
                      "Hanakawa launched an AI chatbot for residents in April.\n\n"
                      "Hanakawa keeps the conversation logs on servers in Japan and deletes them after 90 days.\n\n"
                      "The city has earmarked 45 million yen in its budget for the chatbot.\n",
    "hokusei_ja.md": "---\ntitle: 北星セミコン、熊本に新工場\nlang: ja\n---\n"
                     "北星セミコンは熊本県に新工場を建設する。\n\n新工場の敷地面積は約28ヘクタールで、約600人を雇用する。\n\n"
                     "建設工事は地元の岩田建設に委託した。\n",
}


@pytest.mark.parametrize(("question", "quoted"), [
    ("Who started Fermentix Labs?", "founded in 2019"),
    ("潮見銀行が採用したLLMはどこが作ったもの?", "開発した"),  # 作る ~ 開発
    ("How did Kagayaki's shares react?", "fell 3.2 percent"),  # a market's reaction is a rise or a fall
    ("What were Kagayaki's sales last fiscal year?", "revenue of 186 billion yen"),  # sales ~ revenue
    ("How far did Kagayaki's stock drop after the announcement?", "fell 3.2 percent"),  # stock ~ shares, drop ~ fell
    ("潮見銀行はデータ分析の専門人材を何人増やすの?", "約20人増員"),  # 増やす ~ 増員
    ("How long does Hanakawa hold on to the chatbot's logs?", "deletes them after 90 days"),  # hold ~ keeps
    ("How much has Hanakawa set aside for the chatbot?", "earmarked 45 million yen"),  # set aside ~ earmarked
    ("北星セミコンは新工場の工事をどこに頼んだの?", "岩田建設に委託"),  # 頼む ~ 委託
])
def test_a_users_word_meets_the_reporters_word(tmp_path: Path, question: str, quoted: str) -> None:
    answer = assistant_over(tmp_path, REPORTED).ask(question)
    assert answer.status == "answered", answer.text
    assert quoted in answer.citations[0].quote


def test_a_reporters_word_does_not_stand_for_a_users_word_the_other_way() -> None:
    assert "founded" in article_words("started")
    assert "found" not in article_words("started")  # "the tool found ...": the past of find, not a founding
    assert article_words("founded") == ()  # "founded" is asked about as written


def test_a_question_of_names_alone_needs_them_named_together(assistant: Assistant) -> None:
    # The sentence before names Nagi Trading; this one names another company's chief executive.
    answer = assistant.ask("Who is Nagi Trading's CEO?")
    assert answer.status == "refused", answer.text


def test_an_articles_first_sentence_must_speak_to_more_of_the_question(assistant: Assistant) -> None:
    # The lead names Nagi Trading, its employees, April and a count; it does not say how many were hired.
    answer = assistant.ask("How many employees did Nagi Trading hire in April?")
    assert answer.status == "refused", answer.text


def test_the_role_or_measure_asked_for_must_be_in_the_sentence(assistant: Assistant) -> None:
    # The sentence has the town, the reactor and the plan, but no population.
    answer = assistant.ask("What is the population of the coastal town of Ashiura, where Nupuri plans to build a reactor?")
    assert answer.status == "refused", answer.text
    assert stem("revenue") in english_concepts("売上高")  # business glosses JMdict lacks (rag/data/ja_en_business.tsv)


def test_a_yes_no_question_is_confirmed_only_by_a_sentence_that_says_most_of_it(assistant: Assistant) -> None:
    # The sentence says Nupuri plans a small reactor near Ashiura; it does not say "next year".
    answer = assistant.ask("Will Nupuri build a small reactor in Ashiura next year?")
    assert answer.status == "refused", answer.text


def test_what_the_articles_do_not_say_is_still_not_found(assistant: Assistant) -> None:
    answer = assistant.ask("How many employees does Aozora Silicon have?")
    assert (answer.status, answer.reason) == ("refused", "not_found")


def test_a_short_katakana_name_is_still_checked_in_an_english_sentence() -> None:
    from rag.retrieval import Passage

    reader = Reader(analyse("ミモリの量産はいつから始まる?"), lambda term: 0, 10)
    english = Passage(doc_id="d", title="", url="", lang="en", sentence=0, char_start=0, char_end=10,
                      text="The plant begins mass production in October.", speculative=False, cues=(), reported=False,
                      score=0.0)
    assert "ミモリ" in reader._checkable_names(english)  # not waved through for being too short to skeletonise


def test_a_word_met_through_a_gloss_answers_for_one_question_word_only() -> None:
    # 考える is glossed "bear (in mind)": the bear of the sentence is クマ's, and 考える stays unsaid.
    reader = Reader(analyse("専門家は、クマがカメラに対してどう適応すると考えていますか？"), lambda term: 1, 10)
    text = "When the software identifies a bear, an alert is pushed to residents with the camera's location."
    passage = Passage(doc_id="d", title="", url="", lang="en", sentence=0, char_start=0, char_end=len(text), text=text,
                      speculative=False, cues=(), reported=False, score=0.0)
    assert {"クマ", "考える"} <= set(reader.weights)
    share = reader._attribute_share(passage, Vocabulary([text]), Vocabulary([""]))
    said = (reader.weights["クマ"] + reader.weights["カメラ"]) / sum(reader.weights.values())
    assert share == pytest.approx(said)


def test_a_japanese_synonym_counts_for_part_of_the_word_a_translation_for_all() -> None:
    # 社員 and 従業員 share the gloss "employee": within Japanese a near-synonym, across languages the word.
    reader = Reader(analyse("オトワ・ラボの社員は何人？"), lambda term: 1, 10)

    def share(text: str, lang: str) -> float:
        passage = Passage(doc_id="d", title="", url="", lang=lang, sentence=0, char_start=0, char_end=len(text),
                          text=text, speculative=False, cues=(), reported=False, score=0.0)
        return reader._attribute_share(passage, Vocabulary([text]), Vocabulary([""]))

    assert share("オトワ・ラボの社員は34人だ。", "ja") == 1.0
    assert share("オトワ・ラボの従業員は34人だ。", "ja") == pytest.approx(SYNONYM_CREDIT)
    assert share("Otowa Lab has 34 employees.", "en") == 1.0
    assert share("オトワ・ラボは京都の大学発ベンチャーだ。", "ja") == 0.0


def test_a_word_the_question_asks_outside_its_names_is_not_said_by_those_names() -> None:
    reader = Reader(analyse("How many people work at Harima Works?"), lambda term: 1, 10)

    def share(text: str) -> float:
        passage = Passage(doc_id="d", title="", url="", lang="en", sentence=0, char_start=0, char_end=len(text),
                          text=text, speculative=False, cues=(), reported=False, score=0.0)
        return reader._attribute_share(passage, Vocabulary([text]), Vocabulary([""]), "Harima Works saves power")

    assert share("Harima Works uses about 900 million kilowatt-hours a year.") == 0.0  # "Works" is the name
    assert share("About 1,200 people work at Harima Works.") == 1.0
    # a word only inside a name is the name's, however the sentence writes it
    named_only = Reader(analyse("What was the size of the fund Hikari AI Ventures closed?"), lambda term: 1, 10)
    assert not named_only.in_own_name


def test_an_english_questions_framing_words_weigh_less() -> None:
    # "how big does it want to get": the sentence says the size, not the asker's want or get.
    reader = Reader(analyse("How big does Hoshikawa AI want its research team to get?"), lambda term: 1, 10)
    assert reader.weights["want"] == pytest.approx(FRAMING_WEIGHT * reader.weights["research"])
    assert reader.weights["get"] == pytest.approx(FRAMING_WEIGHT * reader.weights["research"])
    # 全部で何問: the sentence says 計2400問, not 全部.
    reader = Reader(analyse("RitsuBenchの問題数は全部で何問ありますか？"), lambda term: 1, 10)
    assert reader.weights["全部"] == pytest.approx(FRAMING_WEIGHT * reader.weights["問題"])


@pytest.mark.parametrize(("term", "sentence", "expected"), [
    ("money", "She transferred 4.5 million yen to the caller.", True),  # an amount of money says "money"
    ("資金", "The company has raised about $110 million to date.", True),
    ("money", "She called the bank twice.", False),
    ("大きさ", "AIが加古川駅付近でレールに長さ3センチの亀裂を見つけた。", True),  # a size: any physical measure
    ("size", "The crack was found in October.", False),
])
def test_a_measure_word_is_said_by_a_value_of_that_measure(term: str, sentence: str, expected: bool) -> None:
    assert gives_measure(term, sentence) is expected


@pytest.mark.parametrize(("british", "american"), [
    ("licence", "license"), ("centre", "center"), ("labour", "labor"), ("organised", "organized"),
    ("analyse", "analyze"), ("kilometres", "kilometers"), ("rumoured", "rumored"),
])
def test_british_and_american_spellings_meet(british: str, american: str) -> None:
    assert stem(british) == stem(american)
    assert Vocabulary([f"The {british} was discussed."]).names(american)


def test_a_katakana_name_before_the_colloquial_tte_is_a_noun_not_a_verb() -> None:
    assert "ナビ" in terms("青葉AIナビって理科も使えるの?") and "ナビる" not in terms("青葉AIナビって理科も使えるの?")
    assert "サボる" in terms("授業をサボった")  # a real katakana verb keeps its form


def test_a_vice_or_former_role_is_not_the_role() -> None:
    assert not Vocabulary(["星川百貨店の小田健二副社長は「小ロットで試せる」と強調した。"]).names("社長")
    assert Vocabulary(["従業員数は約140人。"]).names("従業員")  # a compound still holds its word


def test_a_japanese_when_question_asks_when_its_verbal_noun_happens() -> None:
    reader = Reader(analyse("組合の申し入れに、会社っていつ返事するの?"), lambda term: 0, 10)
    assert reader.event.verb == "返事"
    assert Reader(analyse("新工場はいつ完成するの?"), lambda term: 0, 10).event.verb == "完成"


def test_a_katakana_word_cut_into_known_loanwords_is_a_coined_name() -> None:
    # Sudachi cuts バースワイズ into バース and ワイズ; the lexicon has no entry for the whole, so it is a name.
    assert compound_names(analyse("バースワイズの社員は何人いるの?")) == [("バースワイズ", {"バース", "ワイズ"})]
    assert compound_names(analyse("ガントリークレーンは何基?")) == []  # one word Sudachi keeps whole
    reader = Reader(analyse("バースワイズの社員は何人いるの?"), lambda term: 0, 10)
    assert reader.attributes == ["社員"]  # the name's parts are not words the answer must say
    assert _names_compound(Vocabulary(["Berthwise was founded in 2019."]), "バースワイズ", {"バース", "ワイズ"})
    assert not _names_compound(Vocabulary(["The berth is wide."]), "バースワイズ", {"バース", "ワイズ"})


COINED = {
    "fashion.md": "Loomstra was founded in 2022 in Tokyo. The company has 38 employees.\n\n"
                  "Loomstra designs clothes with AI.\n",
    "port.md": "Berthwise was founded in 2019 by Priya Raman, a former operations researcher.\n\n"
               "Berthwise sells crane-scheduling software to ports.\n",
}


def test_a_coined_katakana_name_must_be_named_by_the_answer(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, COINED)
    # "The company has 38 employees" is about Loomstra: no answer about Berthwise's staff.
    assert assistant.ask("バースワイズの社員は何人いるの?").status == "refused"
    answer = assistant.ask("バースワイズを立ち上げたのは誰?")
    assert answer.status == "answered" and "Priya Raman" in answer.citations[0].quote


def test_a_nakaguro_name_whose_words_are_cut_into_loanwords_is_named_by_the_whole_word(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {
        "assist.md": "Quillstack Assist is used by about 2.1 million developers, according to the company.\n",
        "other.md": "About 300 developers attended the meetup in Osaka.\n",
    })
    # クイル, スタック and アシスト are loanwords the lexicon knows; "Quillstack" writes クイルスタック whole.
    answer = assistant.ask("クイルスタック・アシストって何人くらいの開発者が使ってるの?")
    assert answer.status == "answered" and "2.1 million" in answer.citations[0].quote


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # what will happen is not answered by what has happened
    ("What will Corvane be valued at in its next funding round?", "Corvane was valued at $4.2 billion in March.", False),
    ("What will Corvane be valued at in its next funding round?", "Investors expect to value it at $6 billion.", True),
    ("When will the plant start making money?", "It began shipping lettuce on March 3.", False),
    ("When will the plant start making money?", "It began shipping lettuce from its factory on March 3.", False),
    ("When will the plant start making money?", "It expects a profit from April 2027.", True),
    ("When will the plant start making money?", "同社は2028年度の黒字化を目指す。", True),
    ("When will the plant start making money?", "同社は3月3日に出荷を始めた。", False),
    ("When did the plant start shipping?", "It began shipping lettuce on March 3.", True),  # not a future question
    # "could", "might", "likely" ask what may happen, like "will"; "could you" is a request
    ("How many robots could Sanwa end up using?", "Sanwa put 12 robots to work at the site in January.", False),
    ("How many robots could Sanwa end up using?", "Sanwa plans to add 30 more robots next year.", True),
    ("Where is the service likely to expand next?", "The service began on Fukue island in 2024.", False),
    ("Could you tell me when the plant opened?", "The plant opened on March 3.", True),
    # Japanese asks it with a when-word and a predicate in the non-past
    ("ソラネの法人向けモデルはいつ出るの?", "Sorane developed the models in-house in 2024.", False),
    ("ソラネの法人向けモデルはいつ出るの?", "同社は法人向けモデルを2024年に開発した。", False),
    ("ソラネの法人向けモデルはいつ出るの?", "法人向けモデルは9月に発売する予定だ。", True),
    ("ソラネの法人向けモデルはいつ出るの?", "The business model is scheduled for release in September.", True),
    ("新しいチェック体制っていつから始まるの?", "現在は約3200店で使っている。", False),  # what goes on now
    ("全店で使うのはいつの予定？", "全店への導入は2027年春になる見通しだ。", True),
    # ... not with a past predicate, nor one that says what is (ある, いる, ている)
    ("本格運用はいつから始まったの?", "本格運用は4月に始まった。", True),
    ("蔵重酒造っていつからある酒蔵なの?", "蔵重酒造は1872年に創業した。", True),
    ("いつから使われてるの?", "2024年から使われている。", True),
])
def test_a_question_about_the_future_needs_a_sentence_about_the_future(question: str, sentence: str, expected: bool) -> None:
    assert tense_ok(analyse(question), sentence) is expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # a question about now is not answered by a target, unless the sentence says what is now as well
    ("How many GPUs is Hikari Compute running at the moment?",
     "It plans to have 16,000 high-end GPUs running by the end of 2026.", False),
    ("How many GPUs is Hikari Compute running at the moment?",
     "Hikari currently runs 4,000 GPUs and plans to reach 16,000 by the end of 2026.", True),
    ("How many GPUs is Hikari Compute running at the moment?", "It runs 4,000 GPUs in Ishikari.", True),
    ("ライデン・コンピュートって今社員何人いるの？", "従業員を2026年末までに150人規模にする計画だ。", False),
    ("ライデン・コンピュートって今社員何人いるの？", "従業員は現在85人で、2026年末までに150人規模にする計画だ。", True),
    ("今後何人雇う計画なの？", "従業員を2026年末までに150人規模にする計画だ。", True),  # 今後 asks the future
    ("How many people has it hired?", "It plans to hire 150 people by the end of 2026.", True),  # not asked about now
])
def test_a_question_about_now_is_not_answered_by_a_target(question: str, sentence: str, expected: bool) -> None:
    assert tense_ok(analyse(question), sentence) is expected


def test_a_japanese_sentence_opening_on_another_name_speaks_of_that_one() -> None:
    reader = Reader(analyse("How many employees work in Hanakawa's citizens' affairs division?"), lambda term: 0, 10)
    assert reader._other_topic("コトハシステムズは2019年設立で、従業員は約140人。")  # another company's staff
    assert not reader._other_topic("同社は2019年設立で、従業員は約140人。")  # an anaphor: the paragraph's subject
    assert not reader._other_topic("市民課は職員20人で窓口を回す。")  # a common noun, no name
    own = Reader(analyse("コトハシステムズの従業員は何人?"), lambda term: 0, 10)
    assert not own._other_topic("コトハシステムズは2019年設立で、従業員は約140人。")  # the question's own name
    who = Reader(analyse("南崎の市長って誰?"), lambda term: 0, 10)
    assert not who._other_topic("荒川健二市長は訓練後、語った。")  # a who-question: the name may be the answer


UNNAMED = {
    "kunisaki_en.md": "---\ntitle: Memory maker opens its plant\nlang: en\n---\n"
                      "Shiranui Memory opened its new plant in Kunisaki on Monday. The plant cost 820 billion yen to "
                      "build and equip.\n\nThe governor attended the ceremony with 300 guests.\n",
}


def test_a_sentence_naming_nobody_speaks_of_its_paragraphs_subject(tmp_path: Path) -> None:
    # "The plant cost ..." names nothing: it is about what its paragraph named (Shiranui Memory, Kunisaki).
    answer = assistant_over(tmp_path, UNNAMED).ask("What was the total cost of Shiranui Memory's new plant in Kunisaki?")
    assert answer.status == "answered", answer.text
    assert "820 billion yen" in answer.citations[0].quote


def test_a_sentence_naming_someone_else_does_not_speak_of_the_paragraphs_subject() -> None:
    assert names_nothing("The plant cost 820 billion yen to build and equip.")
    assert names_nothing("約1万8000人の会員を対象にした説明会が今月から全国で始まった。")
    assert not names_nothing("Tsukuba Denki said its own plant in Mie cost 300 billion yen.")
    assert not names_nothing("国内での保守・点検は、横浜市の産業機械商社、日の出機工が担う。")


LEADER = "---\ntitle: Airline picks an AI agent\nlang: en\n---\nNippon Orient built its booking agent with Wayfarer Labs, " \
         "a San Francisco start-up that supplies agentic software to travel companies.\n"


def test_who_leads_a_company_is_not_answered_by_a_sentence_about_companies(tmp_path: Path) -> None:
    # 社長 glosses as "company president": "travel companies" does not say who the president is.
    _refused_until_said(tmp_path, "agent_en.md", LEADER, "\nWayfarer Labs chief executive Dana Cole said the agent would "
                        "be fixed.\n", "ウェイファーラー・ラボの社長って誰?", "Dana Cole")


def _refused_until_said(tmp_path: Path, name: str, article: str, addition: str, question: str, quoted: str) -> None:
    """``question`` is refused over ``article`` alone, and answered from ``quoted`` once ``addition`` says it."""
    (tmp_path / "silent").mkdir()
    (tmp_path / "told").mkdir()
    silent = assistant_over(tmp_path / "silent", {name: article}).ask(question)
    assert silent.status == "refused", silent.text
    answer = assistant_over(tmp_path / "told", {name: article + addition}).ask(question)
    assert answer.status == "answered" and quoted in answer.citations[0].quote, answer.text


def test_a_name_question_is_answered_by_a_name_of_that_kind() -> None:
    question = analyse("What was the name of the staffing agency Morishita worked for?")
    assert not answer_type_ok(question, "Takuya Morishita was a night-shift worker employed by a staffing agency and "
                                        "assigned to the warehouse run by Hoshimi Logistics.")  # an agency, unnamed
    assert answer_type_ok(question, "Morishita was sent by the staffing agency Hiro Staff Service.")
    called = analyse("What is the screening tool called?")
    assert answer_type_ok(called, "同社のAI選考ツール「ミライシフト」は約30社が導入している。")
    assert not answer_type_ok(called, "同社のAI選考ツールは約30社が導入している。")


def _sentence(text: str, lang: str) -> Passage:
    """A candidate sentence standing alone, for the reader's checks that read only its text."""
    return Passage(doc_id="d", title="", url="", lang=lang, sentence=0, char_start=0, char_end=len(text), text=text,
                   speculative=False, cues=(), reported=False, score=0.0)


def test_when_a_company_came_into_being_is_not_dated_by_another_event() -> None:
    reader = Reader(analyse("スキンロジックっていつできた会社？"), lambda term: 1, 10)

    def reports(text: str, lang: str = "ja") -> bool:
        return reader.reports_event(_sentence(text, lang))

    assert not reports("AIモデルはスキンロジックが開発し、同社は2022年から提供を受けていた。")
    assert reports("スキンロジックは2019年に大阪市で設立された。")
    assert reports("SkinLogic was founded in Osaka in 2019.", "en")


@pytest.mark.parametrize("question", ["発酵アナリティクスっていつ設立された会社?", "ひかり薬局って創業何年?",
                                      "設立はいつ?", "When was Hakko Analytics founded?"])
def test_a_founding_asked_in_other_words_is_dated_only_by_a_founding(question: str) -> None:
    reader = Reader(analyse(question), lambda term: 1, 10)
    assert not reader.reports_event(_sentence("2025年10月から、発酵アナリティクスが開発したシステムを全タンクで使っている。", "ja"))
    assert reader.reports_event(_sentence("Hakko Analytics, a Kyoto-based startup founded in 2021, developed it.", "en"))


def test_a_count_that_looks_like_a_year_is_a_count() -> None:
    question = analyse("東雲銀行は何件くらい審査をやり直すの?")
    assert answer_type_ok(question, "東雲銀行は約1900件について審査をやり直す。")
    assert not answer_type_ok(question, "東雲銀行は1900年に創業した。")


CONSENT = {
    "voices_en.md": "---\ntitle: Union and studios sign an agreement\nlang: en\n---\n"
                    "Under the agreement, studios must obtain written consent from a performer before training "
                    "an AI model on their voice. Consent is valid for a maximum of three years.\n\n"
                    "Koelabo Inc., a software maker in Osaka, keeps consent records for a maximum of ten years. Its "
                    "licences are valid in Japan only.\n",
}
CONSENT_QUESTION = "How long is a performer's consent to an AI model of their voice valid?"


def _reader_verdicts(assistant: Assistant, question: str) -> dict[str, bool]:
    """The reader's own verdict on each candidate sentence (before the evidence model's second opinion)."""
    asked = _checked(question)
    vector = assistant.embedder.embed_queries([asked.text])[0]
    passages = assistant.retriever.retrieve(asked, vector, k=CANDIDATES)
    index = assistant.retriever.keyword_index
    _, read = read_candidates(asked, passages, assistant.documents, index.document_frequency, len(index))
    return {s.passage.text: s.supports for s in read}


def test_a_sentence_that_goes_on_about_its_paragraph_takes_its_words(tmp_path: Path) -> None:
    # "Consent is valid for ..." names nothing: the performer, the AI model and the voice are the sentence
    # before's, and they count (in part) for it; by its own words it says a third of the question.
    verdicts = _reader_verdicts(assistant_over(tmp_path, CONSENT), CONSENT_QUESTION)
    assert verdicts["Consent is valid for a maximum of three years."]


def test_a_sentence_naming_its_own_subject_does_not_take_its_paragraphs_words(tmp_path: Path) -> None:
    # The Koelabo sentence gives consent and a span too, but it names what it is about: the performer and
    # the AI voice model of the sentence before are not its words.
    article = CONSENT["voices_en.md"].replace(" Consent is valid for a maximum of three years.", "")
    verdicts = _reader_verdicts(assistant_over(tmp_path, {"voices_en.md": article}), CONSENT_QUESTION)
    koelabo = next(text for text in verdicts if text.startswith("Koelabo"))
    assert not verdicts[koelabo]


def test_staff_is_asked_of_an_article_that_counts_employees() -> None:
    assert "employees" in article_words("staff")
    assert "従業員" in article_words("staff")


@pytest.mark.parametrize(("inflected", "base"), [
    ("asked", "ask"), ("asking", "ask"), ("paying", "pay"), ("hired", "hire"), ("cuts", "cut"), ("named", "name"),
    ("rating", "rate"), ("ended", "end"), ("exam", "examination"), ("exams", "examinations"),
])
def test_a_short_inflected_or_clipped_word_meets_its_base(inflected: str, base: str) -> None:
    assert stem(inflected) == stem(base)


@pytest.mark.parametrize(("word", "other"), [("news", "new"), ("odds", "odd"), ("string", "str"), ("thing", "the"),
                                             ("speed", "spe"), ("rating", "rat")])
def test_a_short_word_is_cut_only_where_its_base_is_a_word(word: str, other: str) -> None:
    assert stem(word) != stem(other)


def test_a_compound_whose_last_part_is_a_suffix_is_the_whole_compound() -> None:
    assert _head_word("販売台数") == "台数"  # a count of units: what is asked is the 台数
    assert _head_word("投資家") == "投資家" and _head_word("売上高") == "売上高"  # an investor, the sales


REVENUE = {"tsubame_ja.md": "---\ntitle: 燕シリコン、新工場を計画\nlang: ja\n---\n"
                            "半導体設計の燕シリコンは新工場の建設を計画している。\n\n"
                            "同社の2025年3月期の売上高は48億円、最終損益は21億円の赤字だった。\n"}


def test_a_question_asking_the_sales_is_answered_by_the_sentence_with_the_sales(tmp_path: Path) -> None:
    verdicts = _reader_verdicts(assistant_over(tmp_path, REVENUE), "燕シリコンの2025年3月期の売上高っていくらだった?")
    assert verdicts["同社の2025年3月期の売上高は48億円、最終損益は21億円の赤字だった。"]


REGULATOR = {"kasumi_ja.md": "---\ntitle: カスミ銀行のAI融資審査\nlang: ja\n---\n"
                             "金融庁は3月12日、カスミ銀行に対し、AIを使った融資審査の運用状況を報告するよう求めた。\n"}


def test_a_name_of_common_words_is_named_by_its_translation(tmp_path: Path) -> None:
    # "Financial Services Agency" is written 金融庁 in a Japanese article: every word of it is said there.
    verdicts = _reader_verdicts(assistant_over(tmp_path, REGULATOR),
                                "When did the Financial Services Agency ask Kasumi Bank to report on its AI loan screening?")
    assert verdicts["金融庁は3月12日、カスミ銀行に対し、AIを使った融資審査の運用状況を報告するよう求めた。"]


FIREWORKS = "---\ntitle: 南崎港花火大会、来場者は約38万人\nlang: ja\n---\n南崎港花火大会には約38万人が訪れた。" \
            "花火大会では、熱中症の疑いで救急搬送された人が14人出た。\n"


def test_a_japanese_count_of_something_else_does_not_answer(tmp_path: Path) -> None:
    # 迷子って何人出たの counts lost children: 14人 were taken to hospital, which says nothing of them.
    _refused_until_said(tmp_path, "fireworks.md", FIREWORKS, "\n花火大会では迷子も23人出た。\n", "花火大会で迷子って何人出たの?", "23人")


def test_a_katakana_name_with_a_native_word_in_it_is_a_coined_name() -> None:
    # Sudachi reads the ツバサ of ツバサラーニング as 翼: the whole is still one name, not the word "wing".
    assert compound_names(analyse("ツバサラーニングって社員何人くらいいるの?")) == [("ツバサラーニング", {"翼", "ラーニング"})]
    reader = Reader(analyse("ツバサラーニングって社員何人くらいいるの?"), lambda term: 0, 10)
    assert reader.attributes == ["社員"]


def test_a_deadline_met_in_the_past_is_no_sentence_about_the_future() -> None:
    question = analyse("When will OptiCall be turned back on?")
    assert not tense_ok(question, "20日までに全棟で以前のバージョンに戻した。")
    assert tense_ok(question, "3月末までに全棟で再開する。")
    assert tense_ok(question, "3月末までに全棟で再開する予定だった。")  # a plan, though reported in the past


def test_what_begins_or_ends_is_the_event_a_japanese_when_question_asks_about() -> None:
    # 終わる is too light to find; what ends is the 手続き.
    reader = Reader(analyse("風音AIの買収手続きはいつ終わるの?"), lambda term: 0, 10)
    assert reader.event.noun == "手続き"

    def reports(text: str, lang: str = "ja") -> bool:
        return reader.reports_event(_sentence(text, lang))

    assert not reports("風音AIの2025年3月期の売上高は約31億円で、最終損益は赤字が続く。")
    assert reports("買収の手続きは6月に終わる見通しだ。")
    assert reports("The deal is expected to close in June.", "en")  # English names it in its own words
    assert Reader(analyse("新工場はいつ完成するの?"), lambda term: 0, 10).event.noun == ""
    assert Reader(analyse("いつ始まるの?"), lambda term: 0, 10).event.noun == ""


def test_a_sentence_about_another_of_a_companys_profits_does_not_answer(tmp_path: Path) -> None:
    results = "---\ntitle: 渚メモリ、10~12月期は過去最高\nlang: ja\n---\n渚メモリの10~12月期の営業利益は4120億円で、過去最高だった。\n"
    (tmp_path / "operating").mkdir()
    (tmp_path / "both").mkdir()
    silent = assistant_over(tmp_path / "operating", {"results.md": results}).ask("渚メモリの10~12月期の純利益っていくら?")
    assert silent.status == "refused", silent.text
    told = assistant_over(tmp_path / "both", {"results.md": results + "\n渚メモリの10~12月期の純利益は2100億円だった。\n"})
    answer = told.ask("渚メモリの10~12月期の純利益っていくら?")
    assert answer.status == "answered" and "2100億円" in answer.citations[0].quote
    assert other_profit(profits("渚メモリの10~12月期の純利益っていくら?"), "10~12月期の営業利益は4120億円だった。")
    assert not other_profit(profits("純利益っていくら?"), "純利益は2100億円、営業利益は4120億円だった。")
    assert other_profit(profits("What was Nagisa's net income last quarter?"), "Operating profit rose to 412 billion yen.")
    assert not other_profit(profits("How much did Nagisa earn last quarter?"), "Operating profit rose to 412 billion yen.")


OPENING = {
    "bags.md": "---\ntitle: Baggage system fails on busiest day\nlang: en\n---\n"
               "OSAKA — Aozora Air's AI baggage-sorting system, BagFlow, broke down for nine hours on December 27.\n\n"
               "Thousands of passengers left without their suitcases. Staff sorted bags by hand until late at night. "
               "Many travellers complained on social media.\n\n"
               "The airline spent 4.8 billion yen on the system, which went into service in March.\n\n"
               "Naniwa Brand Ring, a used-bag dealer, said its shipments were delayed. "
               "The company's president, Kenji Ishida, said it would seek compensation.\n",
}


def test_a_sentence_going_on_about_the_article_finds_its_names_in_the_opening(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, OPENING)
    # BagFlow is named only in the opening paragraph; "the airline ... the system" goes on about it.
    answer = assistant.ask("How much did Aozora Air spend on BagFlow?")
    assert answer.status == "answered" and "4.8 billion yen" in answer.citations[0].quote
    # A paragraph about another company: its "the company's president" is not Aozora Air's.
    assert assistant.ask("Who is the president of BagFlow's maker Aozora Air?").status == "refused"


def test_a_sentence_opening_on_the_and_a_common_noun_goes_on_about_the_article(tmp_path: Path) -> None:
    docs = {"sake.md": "---\ntitle: Sake brewer turns to AI\nlang: en\n---\n"
            "SAIJO — Kurata Shuzo, a 180-year-old sake brewery in Hiroshima, now watches its tanks with AI.\n\n"
            "Night staff used to check the temperatures by hand.\n\n"
            "The brewery, the oldest in Hiroshima, began using the monitoring system in October 2025.\n"}
    # "The brewery" is in no list of the nouns an article uses for its subject: any common noun after "The" is one.
    # (The sentence names a place, so it is not one that names nothing.)
    answer = assistant_over(tmp_path, docs).ask("When did Kurata Shuzo start using its monitoring system?")
    assert answer.status == "answered" and "October 2025" in answer.citations[0].quote


@pytest.mark.parametrize(("asked", "reported"), [
    ("handle", "processed"), ("budgeting", "計上"), ("keep", "保存"), ("large", "面積"), ("improve", "向上"),
    ("signed", "賛同"), ("raise", "調達"), ("inspect", "点検"), ("independent", "第三者"), ("shorter", "短縮"),
    ("変える", "改める"), ("変わる", "改正"), ("気付く", "検知"), ("纏め役", "代表"), ("書く", "創作"),
    ("built", "developed"), ("build", "開発"), ("出る", "received"), ("company", "startup"), ("作る", "設立"),
    ("set", "設置"),
])
def test_a_users_word_lists_the_reporters_words_in_both_languages(asked: str, reported: str) -> None:
    assert reported in article_words(asked)


def test_an_article_is_read_only_for_the_words_of_its_own_language() -> None:
    # 開発 read in an English sentence through its glosses would meet "improvement".
    assert "開発" in article_words("built", "ja") and "開発" not in article_words("built", "en")
    assert "developed" in article_words("built", "en") and "developed" not in article_words("built", "ja")
    assert "released" in article_words("出る", "en") and "公開" not in article_words("出る", "en")
    # スタートアップ is left out: "charge a company" met "Tokyo startup Talentrise provides ...".
    assert "startup" in article_words("company", "en") and article_words("company", "ja") == ("企業", "メーカー")


def test_who_built_it_is_answered_by_who_developed_it(tmp_path: Path) -> None:
    docs = {"grader.md": "---\ntitle: Kobun Seminar's essay grader\nlang: en\n---\n"
            "Kobun Seminar began using the AI essay grader Hyoka Assist in April 2025.\n\n"
            "Kobun Seminar's terms of enrolment allow essay data to be used for service improvement.\n\n"
            "Hyoka Assist was developed by Lumora Labs, a Tokyo startup.\n"}
    answer = assistant_over(tmp_path, docs).ask("Who built Hyoka Assist?")
    assert answer.status == "answered" and "Lumora Labs" in answer.citations[0].quote
