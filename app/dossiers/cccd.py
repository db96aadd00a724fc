"""Reading the QR code on the back of a chip citizen ID card (CCCD), as a USB scanner types it.

The code holds 7 fields separated by '|': the 12-digit number, the old 9-digit number (may be
empty), full name, date of birth ddmmyyyy, sex, permanent address, issue date ddmmyyyy. Anything
else typed into the applicant box (a URL, a receipt code, half a scan) is refused with a reason in
Vietnamese; nothing here touches the database.
"""
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

FIELDS = 7
SEXES = ("Nam", "Nữ")
# Scanners type far more than a name only when they read a code: a '|', a URL, a long run of digits
# or a receipt code. Written so that Python and the browser (cccd-scan.js) read it alike.
SCAN_PATTERN = r"\||://|^\s*www\.|\d{9}|^\s*[A-Za-z]{1,5}-?\d{4}-?\d{6}\s*$"
_SCAN = re.compile(SCAN_PATTERN)
_RECEIPT_CODE = re.compile(r"^[A-Za-z]{1,5}-?\d{4}-?\d{6}$")
_URL = re.compile(r"^(https?://|www\.)|://", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{12}$")
_OLD_NUMBER = re.compile(r"^(\d{9}|\d{12})?$")  # a card renewed from a 12-digit card repeats that one
_NAME_MARKS = " '-"
MAX_LENGTH = 1000
EARLIEST_BIRTH = date(1900, 1, 1)
AGAIN = "Vui lòng quét lại mặt sau căn cước, hoặc gõ họ tên."


class ScanError(ValueError):
    """A scan that is not a readable CCCD code; str(error) is the officer's message in Vietnamese."""


@dataclass(frozen=True)
class CitizenCard:
    """What the card's QR code says, exactly as printed (NFC)."""

    number: str
    old_number: str
    name: str
    birth_date: date
    sex: str
    address: str
    issued_on: date

    @property
    def masked_number(self) -> str:
        return mask_number(self.number)


def looks_scanned(text: str | None) -> bool:
    """True when `text` is no name someone typed but a code a scanner read (a CCCD or anything else)."""
    return bool(text) and bool(_SCAN.search(text))


def mask_number(number: str | None) -> str:
    """A card number as lists and receipts show it: '079123456723' -> '0791••••••23'."""
    if not number:
        return ""
    return number[:4] + "•" * (len(number) - 6) + number[-2:]


def parse(text: str | None, today: date | None = None) -> CitizenCard:
    """The card in `text`, or ScanError saying in Vietnamese why it is not one."""
    text = unicodedata.normalize("NFC", _repaired((text or "").strip()))
    if not text:
        raise ScanError(f"Máy quét chưa gửi gì. {AGAIN}")
    if len(text) > MAX_LENGTH:
        raise ScanError(f"Mã vừa quét quá dài, không phải mã QR trên căn cước. {AGAIN}")
    _refuse_other_codes(text)
    parts = [part.strip() for part in text.split("|")]
    if len(parts) < FIELDS:
        raise ScanError(f"Mã quét chưa đủ (đọc được {len(parts)}/{FIELDS} phần), có thể máy quét đọc dở. {AGAIN}")
    if len(parts) > FIELDS:
        raise ScanError(f"Mã vừa quét có {len(parts)} phần, mã QR trên căn cước có {FIELDS}. {AGAIN}")
    number, old_number, name, born, sex, address, issued = parts
    _check_numbers(number, old_number)
    birth_date = _date(born, "Ngày sinh")
    issued_on = _date(issued, "Ngày cấp")
    _check_dates(birth_date, issued_on, today or date.today())
    return CitizenCard(number=number, old_number=old_number, name=_name(name), birth_date=birth_date,
                       sex=_sex(sex), address=_address(address), issued_on=issued_on)


def _repaired(text: str) -> str:
    """UTF-8 typed byte by byte as Windows-1252 (a scanner's keyboard mode): 'Nguyá»…n' -> 'Nguyễn'.

    Real Vietnamese never survives the round trip (ễ, ị, ă are not Windows-1252; 'Lê Hà' is not UTF-8).
    """
    try:
        # Bytes Windows-1252 leaves undefined come through as the Latin-1 control characters.
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)
        return raw.decode("utf-8")
    except UnicodeError:
        return text


def _refuse_other_codes(text: str) -> None:
    """The codes officers scan by mistake, named so the officer knows what happened."""
    if _URL.search(text):
        raise ScanError(f"Mã vừa quét là một đường dẫn (địa chỉ web), không phải mã QR trên căn cước. {AGAIN}")
    if _RECEIPT_CODE.match(text):
        raise ScanError(f"Mã vừa quét là mã hồ sơ {text.upper()} trên biên nhận, không phải mã QR trên căn cước. "
                        f"{AGAIN}")
    if "|" not in text:
        raise ScanError(f"Mã vừa quét không phải mã QR trên căn cước. {AGAIN}")


def _check_numbers(number: str, old_number: str) -> None:
    if not _NUMBER.match(number):
        digits = sum(c.isdigit() for c in number)
        raise ScanError(f"Số căn cước phải gồm đúng 12 chữ số (mã vừa quét có {digits} chữ số"
                        f"{'' if digits == len(number) else ' và ký tự khác'}). {AGAIN}")
    if not _OLD_NUMBER.match(old_number):
        raise ScanError(f"Số chứng minh nhân dân cũ trong mã quét không đúng dạng 9 chữ số. {AGAIN}")


def _date(value: str, label: str) -> date:
    """A ddmmyyyy date that exists in the calendar."""
    try:
        if not re.fullmatch(r"\d{8}", value):
            raise ValueError(value)
        return datetime.strptime(value, "%d%m%Y").date()
    except ValueError:
        raise ScanError(f"{label} trong mã quét không phải một ngày có thật (ngày, tháng, năm dạng ddmmyyyy). "
                        f"{AGAIN}") from None


def _check_dates(birth_date: date, issued_on: date, today: date) -> None:
    if not EARLIEST_BIRTH <= birth_date <= today:
        raise ScanError(f"Ngày sinh trong mã quét không hợp lệ. {AGAIN}")
    if not birth_date <= issued_on <= today:
        raise ScanError(f"Ngày cấp trong mã quét không hợp lệ (trước ngày sinh hoặc sau hôm nay). {AGAIN}")


def _name(value: str) -> str:
    """The name as printed: letters (any script's, so every Vietnamese letter), spaces, ' and -."""
    letters = [c for c in value if unicodedata.category(c).startswith("L")]
    others = [c for c in value if not unicodedata.category(c).startswith(("L", "M")) and c not in _NAME_MARKS]
    if len(letters) < 2 or others:
        raise ScanError(f"Họ tên trong mã quét bị trống hoặc không đọc được. {AGAIN}")
    return value


def _sex(value: str) -> str:
    if value not in SEXES:
        raise ScanError(f"Giới tính trong mã quét không đọc được (phải là Nam hoặc Nữ). {AGAIN}")
    return value


def _address(value: str) -> str:
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise ScanError(f"Nơi thường trú trong mã quét bị trống. {AGAIN}")
    return value
