"""What a Vietnamese text sounds like read aloud: numbers, money, dates and times as words.

Codes nobody wants to hear (procedure codes, document numbers, web and e-mail addresses) are dropped.
Thousands are grouped with "." and decimals follow ",", the Vietnamese way; the national database's
"10,000 Việt Nam Đồng" (grouped the English way) is read as money too.
"""
import re
import unicodedata

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9
# Longer digit runs (phone or ID numbers) are read digit by digit.
LONGEST_NUMBER = 12
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = "A-ZĐ"

ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TTHC": "thủ tục hành chính",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "DVC": "dịch vụ công",
    "TP.": "thành phố",
}
# After "thứ", 1 and 4 have words of their own.
ORDINALS = {"1": "nhất", "4": "tư"}
# "10.000 đồng/lần" is ten thousand đồng a time: "/" after money or before a unit reads "một".
PER_UNITS = "lần|người|hồ sơ|bộ|bản|trang|tháng|năm|ngày|giờ|trường hợp|giấy|hộ|con|m2|m²|ha"
MONEY_WORDS = r"đồng|Đồng|ĐỒNG|VNĐ|VND|vnđ|Việt Nam [Đđ]ồng"

# An address ends before the punctuation that closes its sentence.
_ADDRESS_END = r"(?=[.,;:)\]]*(?:\s|$))"
_URL = re.compile(rf"(?:https?://|www\.)\S+?{_ADDRESS_END}"
                  r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                  rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info)\b(?:/\S*?{_ADDRESS_END})?",
                  re.IGNORECASE)
_PROCEDURE_CODE = re.compile(r"(?<![\d.])\d\.\d{6}(?!\d)")
# 123/2015/NĐ-CP, 59/2020/QH14, 1234/QĐ-BHXH; scraped text runs the next word on ("TT-BTPNghị").
_DOCUMENT_NUMBER = re.compile(
    rf"(?:\b[Ss]ố\s+)?(?<![\d/])\d+[\d.{LOWER}-]*/(?:\d{{4}}/)?[{UPPER}][{UPPER}0-9]*(?:-[{UPPER}0-9]+)*"
    rf"(?![{LOWER}])")
# Each date form starts where no number goes on before it ("2.01/07" is not a date).
_NOT_MID_NUMBER = r"(?<![\d/])(?<!\d[.,])"
_FULL_DATE = re.compile(rf"(?P<prefix>\b[Nn]gày\s+)?{_NOT_MID_NUMBER}(?P<d>\d{{1,2}})(?P<sep>[/.-])"
                        r"(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])")
_MONTH_YEAR = re.compile(rf"(?P<prefix>\b[Tt]háng\s+)?{_NOT_MID_NUMBER}"
                         r"(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])")
_DAY_MONTH = re.compile(rf"(?P<prefix>\b[Nn]gày\s+)?{_NOT_MID_NUMBER}"
                        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")
_FRACTION = re.compile(rf"{_NOT_MID_NUMBER}(\d+)\s*/\s*(\d+)(?![\d/])")
# "ngày 01 tháng 7": a day or month written with two digits is still a number, not "không một".
_DAY_OR_MONTH_WORD = re.compile(r"\b([Nn]gày|[Tt]háng)\s+0(\d)(?![\d/.,-])")
# 7h30, 7 giờ 30 (phút), 7:30; or a bare 8h.
_CLOCK = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:\s*(?:h|giờ)\s*|:)(?P<min>[0-5]\d)(?![\d:])"
                    r"(?:\s*phút\b)?|(?<![\d.,:])(?P<hour>[01]?\d|2[0-3])h(?!\w)")
_ORDINAL = re.compile(r"\b([Tt]hứ)\s+([14])(?![\d.,])")
_APRIL = re.compile(r"\b([Tt]háng)\s+0?4(?![\d.,/])")
_MONEY_SIGN = re.compile(rf"(\d)\s*(?:đ|VNĐ|VND|vnđ|vnd)(?![\w{LOWER}])")
_RANGE = re.compile(r"(?<![\d.,/])([1-9]\d{0,3})\s*[-–—]\s*([1-9]\d{0,3})(?![\d.,/])")
_NUMBER = re.compile(
    r"(?<!\d)(?<!\d[.,])(?:"
    r"(?P<dotted>\d{1,3}(?:\.\d{3})+)(?:,(?P<dotted_fraction>\d+))?"
    rf"|(?P<commas>\d{{1,3}}(?:,\d{{3}}){{2,}}|\d{{1,3}},\d{{3}}(?=\s*(?:{MONEY_WORDS})))"
    r"|(?P<whole>\d+),(?P<fraction>\d+)"
    r"|(?P<section>\d+(?:\.\d+)+)"
    r"|(?P<integer>\d+)"
    r")(?![\d])")
_PER_UNIT = re.compile(rf"\s*/\s*(?=(?:{PER_UNITS})\b)")
_PER_MONEY = re.compile(r"\b(đồng|Đồng|USD)\s*/\s*")
_ABBREVIATION = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ABBREVIATIONS))})(?!\w)")


def number_words(n: int) -> str:
    """A whole number in Vietnamese words: 21 → 'hai mươi mốt', 105 → 'một trăm linh năm'."""
    if n == 0:
        return "không"
    if n >= BILLION:
        high, low = divmod(n, BILLION)
        words = f"{number_words(high)} tỷ"
        return f"{words} {_below_billion(low, full=True)}" if low else words
    return _below_billion(n, full=False)


def _below_billion(n: int, full: bool) -> str:
    """Millions, thousands and units; a group after a higher one says its zero hundreds."""
    words = []
    for group, scale in (((n // 10**6) % 1000, "triệu"), ((n // 1000) % 1000, "nghìn"), (n % 1000, "")):
        if group:
            words.append(_below_thousand(group, full=full or bool(words)))
            words.append(scale)
    return " ".join(word for word in words if word)


def _below_thousand(n: int, full: bool) -> str:
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    words = [DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens == 0:
        if unit:
            words += ["linh", DIGITS[unit]] if words else [DIGITS[unit]]
    elif tens == 1:
        words += ["mười"] + ([_unit_after_tens(unit, tens)] if unit else [])
    else:
        words += [DIGITS[tens], "mươi"] + ([_unit_after_tens(unit, tens)] if unit else [])
    return " ".join(words)


def _unit_after_tens(unit: int, tens: int) -> str:
    """15 'mười lăm', 21 'hai mươi mốt', 24 'hai mươi tư' (but 11 'mười một', 14 'mười bốn')."""
    if unit == 5:
        return "lăm"
    if tens >= 2 and unit in (1, 4):
        return "mốt" if unit == 1 else "tư"
    return DIGITS[unit]


def digit_words(digits: str) -> str:
    """Digit by digit, as a phone number is read: '0912' → 'không chín một hai'."""
    return " ".join(DIGITS[int(d)] for d in digits)


def integer_words(digits: str) -> str:
    """A digit string as said: a number, or digit by digit when it has a leading zero or is long."""
    if len(digits) > LONGEST_NUMBER or (len(digits) > 1 and digits.startswith("0")):
        return digit_words(digits)
    return number_words(int(digits))


def decimal_words(whole: str, fraction: str) -> str:
    """'2,5' → 'hai phẩy năm'; a fraction with a leading zero goes digit by digit ('0,05')."""
    return f"{integer_words(whole)} phẩy {integer_words(fraction)}"


def date_words(day: int, month: int, year: int | None = None) -> str:
    """'một tháng bảy năm hai nghìn không trăm hai mươi lăm' (without the leading 'ngày')."""
    words = f"{number_words(day)} tháng {_month_words(month)}"
    return f"{words} năm {number_words(year)}" if year is not None else words


def _month_words(month: int) -> str:
    # Month four is "tháng tư"; the others are plain numbers.
    return "tư" if month == 4 else number_words(month)


def spoken_text(text: str) -> str:
    """The text as it should be spoken: numbers, dates, times and money in words, codes dropped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    for step in (_drop_codes, _dates, _times, _units, _numbers, _abbreviations, _tidy):
        text = step(text)
    return text


def _drop_codes(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _PROCEDURE_CODE.sub(" ", text)
    return _DOCUMENT_NUMBER.sub(" ", text)


def _dates(text: str) -> str:
    text = _DAY_OR_MONTH_WORD.sub(r"\1 \2", text)
    text = _FULL_DATE.sub(_full_date, text)
    text = _MONTH_YEAR.sub(_month_year, text)
    text = _DAY_MONTH.sub(_day_month, text)
    return _FRACTION.sub(lambda match: _fraction(match[1], match[2]), text)


def _full_date(match: re.Match) -> str:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match[0]
    return f"{match['prefix'] or 'ngày '}{date_words(day, month, int(match['y']))}"


def _month_year(match: re.Match) -> str:
    month = int(match["m"])
    if not 1 <= month <= 12:
        return match[0]
    return f"{match['prefix'] or 'tháng '}{_month_words(month)} năm {number_words(int(match['y']))}"


def _day_month(match: re.Match) -> str:
    """'ngày 01/7' and '01/07' are dates; '1/2' is a fraction, '24/7' a ratio."""
    day, month = int(match["d"]), int(match["m"])
    looks_like_date = match["prefix"] or match["d"].startswith("0") or match["m"].startswith("0")
    if looks_like_date and 1 <= day <= 31 and 1 <= month <= 12:
        return f"{match['prefix'] or 'ngày '}{date_words(day, month)}"
    return f"{match['prefix'] or ''}{_fraction(match['d'], match['m'])}"


def _fraction(numerator: str, denominator: str) -> str:
    """'1/2' → 'một phần hai'; other slashes between numbers read 'trên' ('24/7')."""
    joiner = "phần" if int(numerator) < int(denominator) <= 10 else "trên"
    return f"{integer_words(numerator)} {joiner} {integer_words(denominator)}"


def _times(text: str) -> str:
    return _CLOCK.sub(_clock, text)


def _clock(match: re.Match) -> str:
    """'7h30', '7:30', '7 giờ 30' → 'bảy giờ ba mươi phút'; '8h', '8:00' → 'tám giờ'."""
    hour = int(match["h"] or match["hour"])
    minutes = int(match["min"] or 0)
    words = f"{number_words(hour)} giờ"
    return f"{words} {number_words(minutes)} phút" if minutes else words


def _units(text: str) -> str:
    text = _MONEY_SIGN.sub(r"\1 đồng", text)
    text = _PER_MONEY.sub(r"\1 một ", text)
    text = _PER_UNIT.sub(" một ", text)
    text = re.sub(r"\s*%", " phần trăm", text)
    text = _ORDINAL.sub(lambda m: f"{m[1]} {ORDINALS[m[2]]}", text)
    text = _APRIL.sub(r"\1 tư", text)
    return _RANGE.sub(r"\1 đến \2", text)


def _numbers(text: str) -> str:
    return _NUMBER.sub(lambda match: f" {_number(match)} ", text)


def _number(match: re.Match) -> str:
    if match["dotted"]:
        whole = match["dotted"].replace(".", "")
        fraction = match["dotted_fraction"]
        return decimal_words(whole, fraction) if fraction else integer_words(whole)
    if match["commas"]:
        return integer_words(match["commas"].replace(",", ""))
    if match["whole"]:
        return decimal_words(match["whole"], match["fraction"])
    if match["section"]:
        # "1.3.2" numbers a section (or "1.5" is a decimal written the English way): "một chấm ba chấm hai".
        return " chấm ".join(integer_words(part) for part in match["section"].split("."))
    return integer_words(match["integer"])


def _abbreviations(text: str) -> str:
    return _ABBREVIATION.sub(lambda match: ABBREVIATIONS[match[0]], text)


def _tidy(text: str) -> str:
    """Slashes read 'hoặc', bullets and emptied brackets go, and lines end in a pause."""
    text = re.sub(r"\s*/\s*", " hoặc ", text)
    text = re.sub(r"\s*&\s*", " và ", text)
    text = re.sub(r"(?m)^\s*[-–•*+]\s*", "", text)
    text = re.sub(r"[(\[]\s*[,;.]?\s*[)\]]", " ", text)
    text = re.sub(r"([^.!?:;,\s])[ \t]*\n", r"\1.\n", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:!?)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"([,;])(?:\s*[,;])+", r"\1", text)
    return text.strip(" ,;")
