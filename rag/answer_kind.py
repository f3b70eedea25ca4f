"""What kind of answer a question asks for (an amount, a count, a time, a span), and whether a sentence
has one: "how many staff" is not answered by a year, "when" not by a head count, "how much did it cost"
not by "9 trillion tokens". Numbers are also read as values, so 100万 meets "a million".
"""

from __future__ import annotations

import re

from ingest.terms import JAPANESE
from rag.counted import counts_asked, counts_asked_people, counts_doers, counts_people
from rag.maker import asks_maker, says_in_house
from rag.naming import DATELINE, asks_name, names_someone_new
from rag.question import Question

_QUANTITY_QUESTION = re.compile(
    r"\b(when|how (long|many|much|soon|old|big|large)|what (year|date|day|month)|birthday|date of)\b"
    r"|いつ|何[日年月週人回件社本台名個枚曲基機校店問冊倍点割%％体]|何か国|何カ国|何ヶ国|何か月|何カ月|何ヶ月|何パーセント"
    r"|どのくらい|どれくらい|どのぐらい|どれぐらい|どれだけ|どれほど|何時間|いくつ|誕生日|生年月日|日付",
    re.I,
)
QUANTITY = re.compile(
    # A digit inside a name (GPT-4o, gpt2-chatbot) is not a quantity.
    # (Only Latin script counts as "inside a name": in 約140人 or は130億 the number stands alone.)
    # A hyphen after it joins a scale or a unit ("an 8-billion-parameter model", "a 5-year deal", "a 48,000-hectare
    # reserve"), not a name or an article's number (30-4), and not an age ("a 54-year-old").
    r"(?<![A-Za-z0-9.,-])\d+(?:[.,]\d+)?(?![0-9A-Za-z])(?!-(?![a-z]{2,})|-\w+-old)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(?:days?|weeks?|months?|years?|hours?)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds|thousands|millions|billions)\b|[一二三四五六七八九十百千万億]+[日週年月時人倍個つ回]",
    re.I,
)
# A count ("how many staff", 何人) is not answered by a year or a date.
COUNT_QUESTION = re.compile(r"\bhow many\b|何(?:[人個回件社本台名校店基機枚冊問曲頭株匹隻棟体]|作品|店舗|カ所|か所|ヶ所|箇所|種類|品目|(?:カ国|か国|ヶ国)(?!語))"
                            r"|いくつ|幾つ", re.I)
YEAR_OR_DATE = re.compile(r"^(1[89]|20)\d\d$")
_TIME_UNIT = re.compile(r"(?:\s*|-)(年|月|日|週|時間|か月|ヶ月|カ月|分(?!の)|秒|(days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b)", re.I)
SPAN_UNIT = re.compile(r"(?:\s*|-)(時間|日間|週間|年間|年(?=契約|計画|連続|ぶり)|か月|ヶ月|カ月|日後|日前|営業日|分(?!の)|秒|((?:business |working )?days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b)", re.I)
# 1か月分の献立案, "two weeks' worth of data": so much of something, not a span of time.
_WORTH = re.compile(r"分|['’]s?\s+worth\b", re.I)


def span_of_time(sentence: str, match: re.Match[str]) -> bool:
    """Does the number make a span of time (3カ月, "six weeks"), and not an amount measured in one (1か月分の
    献立, "a month's worth")?"""
    span = SPAN_UNIT.match(sentence, match.end())
    if span:
        return span.group(1) == "分" or not _WORTH.match(sentence, span.end())
    return bool(_TIME_UNIT_END.search(match.group(0))) and not _WORTH.match(sentence, match.end())


_TIME_UNIT_END = re.compile(r"(days?|weeks?|months?|years?|hours?)$", re.I)
# "How long did he stay" (どのくらい時間) asks for a span of time; "how long a prompt" for a length.
DURATION_QUESTION = re.compile(r"何時間|何日間|何週間|何年間|何か月|何ヶ月|何カ月|何日前|何日後|何週間前|\bhow many (hours|days|weeks|months|years)\b"
                                r"|\bhow long (after|before|ago|did|does|do|will|would|was|were|is|are|has|have|had)\b|\bhow much time\b|(?:どの|どれ)(?:くらい|ぐらい)の?(?:時間|期間|日数|年数)", re.I)
_LENGTH_QUESTION = re.compile(r"\bhow long (is|are|was|were)\b", re.I)
_SIZE_QUESTION = re.compile(r"\bhow (big|large)\b", re.I)
_LENGTH_UNIT = re.compile(r"(?:\s*|-)(キロ|メートル|km\b|kilomet(?:re|er)s?\b|met(?:re|er)s?\b|miles?\b)", re.I)
_DAY_QUESTION = re.compile(r"\b(?:what|which) (?:date|day)\b|何月何日|何日(?:に|から|まで)", re.I)
_DAY_STATED = re.compile(r"\d{1,2}\s*日(?!間)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                         r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                         r"|\b(?:yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|同日|翌日|前日|当日|昨日|[月火水木金土日]曜", re.I)
_YEARS_SINCE = re.compile(r"何年ぶり|\bfirst (?:\w+ )?in how many years\b", re.I)
_SINCE_WHEN = re.compile(r"いつから|\bsince when\b", re.I)
_DATE_COUNTER = re.compile(r"\s*(?:月(?!間)|日(?!間))")  # the 4 of 4月1日: a month or a day, not 3日間
WHEN_QUESTION = re.compile(r"\bwhen\b|\bwhat (year|date|day|month)\b|\bbirthday\b|\bdate of\b|いつ|何[日年月]|誕生日|生年月日|日付", re.I)
_JA_COUNTER = re.compile(r"何(人|名|社|台|本|件|回|個|か国(?!語)|カ国(?!語)|ヶ国(?!語)|校|店舗|店|基|機|枚|冊|問|曲|倍|年|か月|日|時間|体|隻|棟|匹|"
                         r"作品|か所|カ所|ヶ所|箇所|頭|株)")
_PLACES = {"か所", "カ所", "ヶ所", "箇所"}
_SAME_COUNTER = {"人": {"人", "名"}, "名": {"人", "名"}, "か国": {"か国", "カ国", "ヶ国"}, "カ国": {"か国", "カ国", "ヶ国"},
                 "ヶ国": {"か国", "カ国", "ヶ国"}, "店": {"店"}, "店舗": {"店"},
                 "回": {"回", "件"}, "件": {"件", "回"}} | {p: _PLACES for p in _PLACES}  # (downloads go by 回 or 件)
_LANGUAGES_QUESTION = re.compile(r"何(?:か国|カ国|ヶ国|ヵ国)語|何言語|いくつの言語")
_LANGUAGES = re.compile(r"\s*(?:言語|(?:か国|カ国|ヶ国|ヵ国)語|(?:[a-z-]+\s+)?languages?\b)", re.I)
_WHICH_YEAR = re.compile(r"何年(?!間|前|後|ぶり)|\b(what|which) year\b", re.I)
SHARE = re.compile(r"\s*(%|％|割|パーセント|percent\b|per cent\b)", re.I)
_TIME_WORDS = re.compile(
    r"\b(next|last|this) (year|month|week|quarter|spring|summer|autumn|fall|winter)\b|\b(first|second|third|fourth)"
    r" (quarter|half)\b|\byesterday\b|\btomorrow\b|来年|昨年|去年|今年|来春|今春|昨春|来秋|今秋|昨秋|今夏|今冬"
    r"|上半期|下半期|年内|年度内|上旬|中旬|下旬|月末", re.I)
# "in February" (not the modal "may"): a month named without its day or year.
_MONTH_ALONE = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b")
_SCALE_PREFIX = re.compile(r"^[千万億兆]+")
# How much something grew or fell, said as a multiple or a fraction: "tripled", "fell by roughly half", 半減.
_MULTIPLE = re.compile(r"\b(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|ten)fold|by (?:about |roughly |nearly "
                       r"|almost |more than )?(?:half|a third|a quarter))\b|半減|半分|倍増", re.I)
_DAY_AFTER_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
# ("By how much did losses fall after it brought in AI" asks for a change, in money or in per cent.)
MONEY_QUESTION = re.compile(r"\bhow much (money|capital|funding|revenue|does it cost)|(?<!\bby )\bhow much\b(?!\s+of\b).*\b(raise|raised|earn|cost|pay|paid|worth|invest|invested|spend|spent|"
                            r"charge|charges|fee|fees|price|budget|subsid\w*|yen|dollars?|euros?|contribut\w*|chip|chipping|fund\w*|grants?|loans?|bring|brought)\b"
                            r"|いくら|幾ら|金額|売上|何円|何ドル"
                            # "What's the hourly price", "What does the hospital pay each year": the amount itself
                            r"|\bwhat(?:'s| is| was| are| were| does| did| do)\b(?:(?!\b(?:how|when|who|which|why)\b).)*\b(price|prices|fee|fees|salary|"
                            r"salaries|pay|paid|cost|costs|budget|valuation|damages|fine|sales|revenue|revenues|profit|profits|"
                            r"turnover|earnings)\b"
                            # "What starting salary is it offering", "What annual fee": the amount named before the verb
                            r"|\bwhat\s+(?:[a-z-]+\s+){0,2}(?:price|fee|salary|wage|budget|valuation)s?\s+(?:is|was|are|were|does|did|do|will|would|has|have)\b"
                            # 「…の営業利益は?」「企業価値っていくら」: a word for an amount of money, asked what it is
                            r"|(?:利益|企業価値|評価額|時価総額|価格|料金|費用|予算|年収|給与|賠償金)(?:は|って)", re.I)
_ASKS_CHANGE = re.compile(r"\bby how much\b|\b(?:fall|fell|fallen|rise|rose|risen|drop|dropped|increase[sd]?|decrease[sd]?|decline[sd]?|"
                          r"cut|reduce[sd]?|grow|grew|change[sd]?|less|more|lower|higher|sav(?:e|ed|ing|ings)|up|down|extra)\b"
                          r"|減|増|下が|上が|下落|上昇|低下|削減|節約|安く|高く|差", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:fallen|fell|risen|rose|increased|decreased|dropped|declined|grown|grew|climbed|jumped|cut|reduced|"
                            r"lowered|raised|down|up) by (?:about |around |roughly |nearly |some |more than |almost |over )?[$¥€£]?$", re.I)
_CHANGE_AFTER = re.compile(r"\s*の?(?:減|増|下が|上が|低下|下落|上昇|値上が|値下が)")
# Money raised from investors is said as such: a contract's or a prize's amount is not what a start-up raised.
_RAISING = re.compile(r"\brais(?:e|es|ed|ing)\b|\bfunding\b|資金調達|調達", re.I)
_RAISED = re.compile(r"\brais(?:e|es|ed|ing)\b|\bfund|\binvest|\bcapital\b|\bround\b|\bstake\b|調達|出資|増資|資金|投資", re.I)
# An amount of money names its currency: "9 trillion tokens" is not one.
MONEY = re.compile(r"[$¥€£]\s?\d|\d[\d,.]*\s*(?:(?:thousand|million|billion|trillion|万|億|兆)\s*)?(?:dollars|yen|euros?|円|ドル|ユーロ)", re.I)
_SCALE = {"万": 1e4, "億": 1e8, "兆": 1e12, "千": 1e3, "thousand": 1e3, "million": 1e6, "billion": 1e9,
          "trillion": 1e12}
SCALE_WORDS = set(_SCALE)  # not words to find: 100万 is matched as a value
AMOUNT = re.compile(r"(?:(\d[\d,]*(?:\.\d+)?)\s*)?(万|億|兆|千|(?:thousand|million|billion|trillion)\b)|(\d[\d,]*(?:\.\d+)?)",
                     re.I)
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")  # a term that is a bare number


# A Japanese numeral of several scales is one number: 3億2000万 is 320 million, 32万1000 is 321,000.
JA_COMPOUND = re.compile(r"\d[\d,]*(?:\.\d+)?[兆億万](?:\d[\d,]*(?:\.\d+)?[億万]?)+")
_JA_PART = re.compile(r"(\d[\d,]*(?:\.\d+)?)([兆億万]?)")


def ja_compound_value(numeral: str) -> float:
    return sum(float(digits.replace(",", "")) * _SCALE.get(scale, 1.0) for digits, scale in _JA_PART.findall(numeral))


def amounts(text: str) -> set[float]:
    """The numbers of a text as values, so 100万 meets "a million", 130億 "13 billion" and 3億2000万 "320
    million" (not 300 million and 20 million)."""
    found = set()
    compounds = [(m.start(), m.end()) for m in JA_COMPOUND.finditer(text)]
    found |= {round(ja_compound_value(text[a:b]), 3) for a, b in compounds}
    for m in AMOUNT.finditer(text):
        if any(a <= m.start() < b for a, b in compounds):
            continue
        digits, scale, plain = m.group(1), m.group(2), m.group(3)
        try:
            if scale:
                found.add(round(float((digits or "1").replace(",", "")) * _SCALE[scale.lower()], 3))
            else:
                found.add(float(plain.replace(",", "")))
        except ValueError:
            continue
    return found


def asks_quantity(question: Question) -> bool:
    """Does the question ask when, how many, how much or how long?"""
    return bool(_QUANTITY_QUESTION.search(question.text) or COUNT_QUESTION.search(question.text))


def quantities(sentence: str) -> list[re.Match[str]]:
    """The quantities of a sentence, without a list item's number ("1. サム・アルトマンのツイート") or an age
    in brackets after a name, as Japanese news gives it (久保田太郎氏(58), 渡辺勇さん（68）)."""
    return [m for m in QUANTITY.finditer(sentence)
            if not (m.start() <= 2 and re.match(r"[.)、]", sentence[m.end():m.end() + 1]))
            and not _AGE.match(sentence, max(0, m.start() - 1))]


_AGE_QUESTION = re.compile(r"\bhow old\b|\bwhat age\b|\bage of\b|何歳|年齢", re.I)
_AGE_STATED = re.compile(r"\d{1,3}\s*(?:歳|才)|[(（]\d{1,3}[)）]|,\s*\d{1,3},|\baged?\s+\d{1,3}\b|\b\d{1,3}-year-old\b", re.I)
_AGE = re.compile(r"[(（]\d{1,3}[)）]")

def typed(question: Question) -> bool:
    """Does the question ask for an amount, a count or a time, which a sentence can be checked for? (A
    who-question is checked too, but a name is weaker evidence than a number: it does not count here.)"""
    return bool(MONEY_QUESTION.search(question.text) or asks_quantity(question) or asked_unit(question))


# "How many litres", 何トン: a count in a unit of measure is answered in that unit, not by "128 tanks".
_MEASURE_UNITS = {
    "litre": r"リットル|litres?|liters?", "tonne": r"トン|tonnes?|tons?", "hectare": r"ヘクタール|hectares?",
    "kilometre": r"キロメートル|キロ|kilometres?|kilometers?|km", "metre": r"メートル|metres?|meters?",
    "kilogram": r"キログラム|キロ|kilograms?|kg", "megawatt": r"メガワット|megawatts?|MW", "gigawatt": r"ギガワット|gigawatts?|GW",
    "kilowatt": r"キロワット|kilowatts?|kW", "acre": r"エーカー|acres?", "mile": r"マイル|miles?",
    "terabyte": r"テラバイト|terabytes?|TB", "gigabyte": r"ギガバイト|gigabytes?|GB",
    "gram": r"グラム|grams?|g", "centimetre": r"センチメートル|センチ|centimetres?|centimeters?|cm",
    "millimetre": r"ミリメートル|ミリ|millimetres?|millimeters?|mm",
}
_ASKED_UNIT = re.compile(r"\bhow many ([a-z]+)\b|何(リットル|トン|ヘクタール|キロメートル|キログラム|キロワット|キロ|メートル|メガワット|"
                         r"ギガワット|エーカー|マイル|テラバイト|ギガバイト|グラム|センチメートル|センチ|ミリメートル|ミリ)", re.I)


_CLOCK_QUESTION = re.compile(r"何時(?!間|点|代|ごろまで)|\bwhat times?\b|\bwhat hours\b|\bat what hour\b", re.I)
_CLOCK = re.compile(r"\d{1,2}\s*時(?![間点代])|\d{1,2}:\d{2}|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|午前|午後|正午|未明|早朝|夕方|深夜|"
                    r"\b(?:noon|midnight|morning|evening|afternoon)\b", re.I)
_BIRTH_QUESTION = re.compile(r"\bbirthday\b|\bdate of birth\b|\bborn\b|誕生日|生年月日|生まれ", re.I)
_BIRTH = re.compile(r"\bborn\b|\bbirth|生まれ|誕生|生年", re.I)


def asked_unit(question: Question) -> str | None:
    """The unit a how-many question counts in, as a pattern of its forms in both languages, or None."""
    m = _ASKED_UNIT.search(question.text)
    if not m:
        return None
    word = m.group(1) or m.group(2)
    if word == "キロ":  # kilometres or kilograms
        return f"{_MEASURE_UNITS['kilometre']}|{_MEASURE_UNITS['kilogram']}"
    return next((forms for forms in _MEASURE_UNITS.values() if re.fullmatch(forms, word, re.I)), None)


_SHARE_QUESTION = re.compile(r"割合|比率|何割|何[%％]|何パーセント|(?<![倍効能確])率(?:は|って)|\bwhat (?:[a-z-]+ ){0,2}(?:share|percentage|proportion|fraction)\b"
                             r"|\bwhat (?:interest|royalty|tax|discount|commission|approval|error|accuracy|success) rate\b",
                             re.I)  # "what royalty percentage" too
# A share: a percentage, 割, or one in so many (9回に1回, 10人に1人, one in five, 1 in 9).
_SHARE_STATED = re.compile(r"\d[\d,.]*\s*(?:%|％|割|パーセント|percent\b|per cent\b)|[一二三四五六七八九]割"
                           r"|\d+\s*[^\s\d]{1,2}に\s*1\s*[^\s\d]{1,2}|\b(?:one|1)\s+(?:in|out of)\s+(?:\d+|two|three|four|"
                           r"five|six|seven|eight|nine|ten|twenty|a hundred)\b", re.I)


_ORDINAL_QUESTION = re.compile(r"何(?:回|度|番|代|期|年|作|号)目|\bwhich (?:edition|season|term|round)\b", re.I)
_ORDINAL = re.compile(r"第\s*[\d一二三四五六七八九十]+|[\d一二三四五六七八九十]+\s*(?:回|度|番|代|期|年|作|号)目"
                      r"|\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|twentieth|thirtieth|fiftieth|hundredth)\b", re.I)
PER_ONE = re.compile(r"\s*[^\s\d]{0,2}(?:あたり|当たり)")  # 1件あたり, 1人当たり: a rate's denominator, not a count


# "How many containers an hour", 1日に何件: a rate is answered per that unit of time, not by a year's total.
_RATE_QUESTION = re.compile(r"\bhow (?:many|much)\b.*?\b(?:an?|per|each|every)\s+(hour|day|week|month|year)\b"
                            r"|[1一](時間|日|週|か月|カ月|ヶ月|年)(?:あたり|当たり|に)|(?<![\d一二三四五六七八九十何])(年)間", re.I)
# In English a rate is "a year", "per day", "annual": "years of experience" is none.
_PER = r"\b(?:a|an|per|each|every|one)\s+(?:[a-z-]+\s+)?"  # "every school day"
_RATE_UNIT = {"hour": rf"時間|{_PER}hour\b|\bhourly\b|-an-hour\b", "day": rf"[1一]日|毎日|日量|日あたり|日当たり|{_PER}day\b|\bdaily\b|-a-day\b",
              "week": rf"週|{_PER}week\b|\bweekly\b|-a-week\b", "month": rf"月|{_PER}month\b|\bmonthly\b|-a-month\b",
              "year": r"(?<!\d)年間|毎年|年額|(?<!\d)年に|(?<![\d一二三四五六七八九十])[1一]年|"
                      rf"{_PER}year\b|\byearly\b|\bannual(?:ly)?\b|\bper annum\b|-a-year\b"}
_RATE_JA = {"時間": "hour", "日": "day", "週": "week", "か月": "month", "カ月": "month", "ヶ月": "month", "年": "year"}


def answer_type_ok(question: Question, sentence: str, referent: str = "") -> bool:
    """A how-much question needs an amount, a how-many question a count (in the unit asked: litres for
    "how many litres"), a when question a time, a who question someone named, in the sentence itself and
    beyond the question's own. ``referent``: the sentence an anaphor in this one refers to, if it has one."""
    rate = _RATE_QUESTION.search(question.text)
    if rate and not re.search(_RATE_UNIT[(rate.group(1) or "").lower() or _RATE_JA[rate.group(2) or rate.group(3)]], sentence, re.I):
        return False
    if _SHARE_QUESTION.search(question.text):  # 売上のうち海外向けの割合: a share of the sales, not money
        return bool(_SHARE_STATED.search(sentence))
    if MONEY_QUESTION.search(question.text):
        if _RAISING.search(question.text) and not _RAISED.search(sentence):  # funds raised, not a contract's worth
            return False
        # "How much does a driver take home" is not answered by how much it fell ("fallen by about 38,000 yen").
        changes = _ASKS_CHANGE.search(question.text) is not None
        return any(changes or not (_CHANGE_BEFORE.search(sentence[:m.start()]) or _CHANGE_AFTER.match(sentence, m.end()))
                   for m in MONEY.finditer(sentence))
    if _BIRTH_QUESTION.search(question.text) and not _BIRTH.search(sentence):  # a birthday is a date of birth
        return False
    if _AGE_QUESTION.search(question.text):  # 何歳, "how old": an age (58歳, （58）, "Kanda, 58,")
        return bool(_AGE_STATED.search(sentence))
    if _CLOCK_QUESTION.search(question.text):  # 何時, "what time": a time of day, not a date
        return bool(_CLOCK.search(sentence))
    unit = asked_unit(question)
    if unit:
        return bool(re.search(rf"\d[\d,.]*\s*(?:万|億|千|thousand|million|billion)?\s*(?:{unit})(?![A-Za-z])", sentence, re.I))
    sentence = DATELINE.sub("", sentence, count=1)
    if _ORDINAL_QUESTION.search(question.text):  # 何回目, 何期目: which in a series (第3回, "its fifth"), not a count
        return bool(_ORDINAL.search(sentence))
    if asks_name(question) and not asks_quantity(question):
        # "He also led …": the one it refers to is named in ``referent``, the sentence before.
        # "Who developed it?" is answered by "it was built in-house" too: its owner made it.
        return (names_someone_new(question, sentence) or bool(referent and names_someone_new(question, referent))
                or (asks_maker(question) and says_in_house(sentence)))
    if not asks_quantity(question):
        return True
    own = {m.group(0).lower() for m in QUANTITY.finditer(question.text)}
    found = [m for m in quantities(sentence) if m.group(0).lower() not in own]
    if _LANGUAGES_QUESTION.search(question.text):  # 何か国語: so many languages, not "18 counters"
        return any(_LANGUAGES.match(sentence, m.end()) for m in found)
    if DURATION_QUESTION.search(question.text):  # so many hours or days: not a date (2024年, 4月)
        # "How long is the loop": a length (6.8 kilometres) answers it as well as a span of time.
        length = _LENGTH_QUESTION.search(question.text)
        found = [m for m in found if span_of_time(sentence, m) or (length and _LENGTH_UNIT.match(sentence[m.end():]))]
    elif COUNT_QUESTION.search(question.text):  # a count is neither a date, a span of time, a share nor money
        found = [m for m in found if not _a_year(m, sentence) and not _is_span(m, sentence)
                 and not SHARE.match(sentence[m.end():]) and not is_money(sentence, m) and not _is_day(m, sentence)
                 and not PER_ONE.match(sentence[m.end():]) and not _is_measure(m, sentence)]
        counter = _JA_COUNTER.search(question.text)
        if counter and JAPANESE.search(sentence):  # 何人 is answered by so many 人 (or 名), not 40回
            wanted = _SAME_COUNTER.get(counter.group(1), {counter.group(1)})
            found = [m for m in found if any(_SCALE_PREFIX.sub("", sentence[m.end():].lstrip()).startswith(c) for c in wanted)]
        elif counter and counter.group(1) in ("人", "名"):  # 何人 in English: so many people, not "40 drones"
            found = [m for m in found if counts_people(sentence[m.end():])
                     and counts_asked_people(question.text, sentence, m)]
        elif not counter:  # "how many pre-orders": a count of them, not of "1,200 optical shops"
            found = [m for m in found if counts_asked(question.text, sentence, m)]
        if _COUNT_OF_WHAT_IS.search(question.text):  # how many it has: not "40 employees volunteered for a test"
            found = [m for m in found if not counts_doers(sentence[m.end():])]
    elif _SIZE_QUESTION.search(question.text):  # "how big is the unit": a count, an amount or a measure, not a time
        found = [m for m in found if not (YEAR_OR_DATE.match(m.group(0)) or _is_span(m, sentence) or _is_day(m, sentence)
                                          or sentence[m.start() - 1:m.start()] == "第")]  # nor an ordinal (第1弾)
    elif WHEN_QUESTION.search(question.text):  # a time: a year, a date, a month, or so long before or after
        # (so long before or after, but not "a 48-hour strike": a span joined to a noun dates nothing)
        found = [m for m in found if YEAR_OR_DATE.match(m.group(0)) or (_is_span(m, sentence) and sentence[m.end():m.end() + 1] != "-")
                 or MONTH_NAME.search(sentence[max(0, m.start() - 12):m.end() + 12])]
        if _DAY_QUESTION.search(question.text):  # "on what date", 何月何日: a day (1月27日, "Jan. 27"), not a month
            return bool(_DAY_STATED.search(sentence))
        if _YEARS_SINCE.search(question.text):  # 何年ぶり: a year (since 1998) or so many years, not "1時間近く"
            return any(YEAR_OR_DATE.match(m.group(0)) or sentence.startswith("年", m.end()) for m in found)
        if _SINCE_WHEN.search(question.text):  # いつから: when it began, not "three hours in advance"
            found = [m for m in found if YEAR_OR_DATE.match(m.group(0)) or _DATE_COUNTER.match(sentence, m.end())
                     or MONTH_NAME.search(sentence[max(0, m.start() - 12):m.end() + 12])]
        if _WHICH_YEAR.search(question.text):  # 何年, "what year": a year, not a month
            return any(YEAR_OR_DATE.match(m.group(0)) or sentence[m.end():m.end() + 1] == "年" for m in found)
        # "next year", 来春, "in February": a time without digits
        return bool(found) or bool(_TIME_WORDS.search(sentence) or _MONTH_ALONE.search(sentence))
    return bool(found) or bool(_MULTIPLE.search(sentence))


# Japanese counters: 80人, 3社, 1900件.
JA_COUNTERS = "人名社本台件回個基機株頭匹枚着隻棟店校品冊曲体"
# 約1900件, 2000人: a count in a counter, not a year however it looks.
_COUNTER_AFTER = re.compile(rf"\s*(?:[{JA_COUNTERS}点戸]|世帯|か所|カ所|ヶ所)")


def _a_year(match: re.Match[str], sentence: str) -> bool:
    return bool(YEAR_OR_DATE.match(match.group(0))) and not _COUNTER_AFTER.match(sentence, match.end())


def _is_day(match: re.Match[str], sentence: str) -> bool:
    """The day of a date: "July 8", "Sept. 9", 8日 (not a count)."""
    return bool(_DAY_AFTER_MONTH.search(sentence[max(0, match.start() - 11):match.start()]) or sentence[match.end():match.end() + 1] == "日")


def is_money(sentence: str, match: re.Match[str]) -> bool:
    """Is this number an amount of money (¥2.2 billion, 130億円, $5)?"""
    return bool(MONEY.search(sentence[max(0, match.start() - 2):match.end() + 14]))


# A number in a unit of measure, on a clock or of years of age (38キロ, 4.5 tonnes, 午前6時, 8:50 a.m., 50歳) counts
# nothing: "how many trains a day" is not answered by a line's length, nor "how many work there" by an age.
_MEASURE_AFTER = re.compile("|".join(_MEASURE_UNITS.values()).join((r"[\s-]*(?:万|千|thousand|million)?[\s-]*(?:", r")(?![A-Za-z])"))
                            + r"|\s*時(?![間点代])|:\d\d|\s*(?:a\.m\.|p\.m\.)|\s*[歳才]|-years?-old\b|\s+years?\s+old\b", re.I)


def _is_measure(match: re.Match[str], sentence: str) -> bool:
    return bool(_MEASURE_AFTER.match(sentence, match.end())) or bool(re.search(r"\d:$", sentence[:match.start()]))


def _is_span(match: re.Match[str], sentence: str) -> bool:
    """A number of time units: 5日, 3 weeks, "a week" (a date's 2024年 too: the caller tells years apart)."""
    return bool(_TIME_UNIT.match(sentence[match.end():]) or _TIME_UNIT_END.search(match.group(0)))


# What a question measures, and the units a sentence gives it in: "how big is the site" is answered by
# "48 hectares", 割合 by "38%". (Each unit follows a number.)
_DIMENSIONS = [
    ({"広さ", "面積", "area", "acreage"},
     r"ヘクタール|平方メートル|平方キロ|㎡|坪|\b(hectares?|ha|acres?|square (metres?|meters?|feet|kilometres?|kilometers?|miles?))\b"),
    ({"割合", "比率", "シェア", "share", "proportion", "percentage", "percent", "fraction", "ratio", "stake", "stakes",
      "出資比率", "持ち分"},
     r"%|％|割|パーセント|\b(percent|per cent)\b"),
    ({"容量", "capacity"},
     r"メガワット|ギガワット|キロワット|\b([kMG]W|[kMG]Wh|megawatts?|gigawatts?|kilowatts?)\b|テラバイト|ギガバイト|\b(TB|GB|terabytes?|gigabytes?)\b"),
    # Output is power (30万キロワット), not the energy a battery stores (120万キロワット時).
    ({"出力", "output"}, r"(?:メガ|ギガ|キロ)ワット(?!時|アワー)|\b(?:[kMG]W|megawatts?|gigawatts?|kilowatts?)\b(?![-\s]?hours?)"),
    ({"重さ", "重量", "weight", "heavy"}, r"キロ|トン|グラム|\b(kg|kilograms?|tons?|tonnes?|grams?|pounds?)\b"),
    ({"高さ", "身長", "height", "tall"}, r"センチ|メートル|\b(cm|centimetres?|centimeters?|m|metres?|meters?|feet|ft)\b"),
    ({"距離", "長さ", "distance", "length", "far"}, r"キロ|メートル|\b(km|kilometres?|kilometers?|metres?|meters?|miles?)\b"),
    # Size in general: any physical measure (a 3-centimetre crack, a 28-hectare farm, a 4-tonne drone).
    ({"大きさ", "サイズ", "size"}, r"センチ|ミリ|メートル|キロ|ヘクタール|平方|トン|グラム|\b(cm|mm|km|kg|m|centimetres?|centimeters?|"
                               r"millimetres?|millimeters?|kilometres?|kilometers?|metres?|meters?|hectares?|acres?|tons?|tonnes?|"
                               r"kilograms?|grams?|square)\b"),
]
_DIMENSION_UNITS = [(words, re.compile(r"\d[\d,.]*\s*(?:" + units + ")", re.I)) for words, units in _DIMENSIONS]

# Words for money as such ("how much money", 資金を集める): an amount of money says them.
_MONEY_WORDS = frozenset({"money", "お金", "資金"})


def gives_measure(term: str, sentence: str) -> bool:
    """Does the sentence give the measure the question's word asks for (広さ ~ 48ヘクタール, share ~ 58%,
    money ~ 4.5 million yen)?"""
    if term in _MONEY_WORDS:
        return bool(MONEY.search(sentence))
    return any(term in words and units.search(sentence) for words, units in _DIMENSION_UNITS)


# A sentence saying that nothing of the kind happened: "no one was hurt", "will not lay off staff", けが人はなかった.
# (Not a bare "never": "Blanc Ciel itself never fed the book into the system" counts no speeches; over 97
# sets it answered two how-many questions wrongly and none rightly.)
_NONE = re.compile(r"\b(?:no one|nobody|none|no plans?|not\s+(?:lay|cut|reduce|fire|hire))\b|(?:は|も)(?:い|出|あ)?(?:なかった|ない|ません)|"
                   r"行わない|しない方針|考えていない|予定はない", re.I)


# "How many reporters are there", 記者って何人いるの: how many there are, which no "will not ..." answers.
_COUNT_OF_WHAT_IS = re.compile(r"\b(?:are|is) there\b|\b(?:does|do)\b.*\bhave\b|\bwork(?:s|ing)? (?:at|for|in)\b|"
                               r"何[人名社台件](?:くらい|ぐらい|ほど)?(?:いる|い(?:ます|た)|在籍|ある|あり)", re.I)


def answers_none(question: Question, sentence: str) -> bool:
    """"How many operators did it lay off?" is answered by "it will not lay off staff": none is a count too
    (of something done, not of what there is: 瀬戸内日報は…再開しない方針 is no count of its reporters)."""
    return (COUNT_QUESTION.search(question.text) is not None and not _COUNT_OF_WHAT_IS.search(question.text)
            and _NONE.search(sentence) is not None)
