"""The CCCD back-QR parser on generated card strings: what a scanner types, and what it types by mistake."""
import re
import unicodedata
from datetime import date

import pytest

from app.dossiers import cccd

TODAY = date(2026, 12, 2)
# Every Vietnamese vowel with every tone (none, huyền, sắc, hỏi, ngã, nặng), upper and lower, and đ/Đ.
TONED = {base: [unicodedata.normalize("NFC", base + mark) for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")]
         for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")}
NAMES = ["Đặng Thị Hằng", "Nguyễn Văn Lũy", "Hồ Thị Ngọc Ánh", "Phạm Ưởng", "Trịnh Đình Quế", "Lò Văn Pủa",
         "H'Hen Niê", "Nguyễn Thị Kim Oanh"] + [
    f"{vowel[1].upper()}{vowel[1]}n Đ{vowel[2]}{vowel[3]}c {vowel[4]}{vowel[5]}m Đ{vowel[0]}"
    for vowel in TONED.values()]


def card(number="079190001234", old="025123456", name="Nguyễn Thị Lan", born="15041990", sex="Nữ",
         address="Số 12, ấp Phú Hòa, xã Tân Phú, tỉnh Đồng Nai", issued="20052021") -> str:
    return "|".join([number, old, name, born, sex, address, issued])


def refused(text: str) -> str:
    with pytest.raises(cccd.ScanError) as caught:
        cccd.parse(text, today=TODAY)
    message = str(caught.value)
    assert "quét lại" in message  # every refusal says what to do next
    return message


def test_a_card_is_read_field_by_field():
    read = cccd.parse(card(), today=TODAY)
    assert read == cccd.CitizenCard(number="079190001234", old_number="025123456", name="Nguyễn Thị Lan",
                                    birth_date=date(1990, 4, 15), sex="Nữ",
                                    address="Số 12, ấp Phú Hòa, xã Tân Phú, tỉnh Đồng Nai", issued_on=date(2021, 5, 20))
    assert read.masked_number == "0791••••••34"


def test_the_old_number_may_be_empty():
    read = cccd.parse(card(old="", sex="Nam", name="Trần Văn Bình"), today=TODAY)
    assert (read.old_number, read.name, read.sex) == ("", "Trần Văn Bình", "Nam")


def test_every_tone_mark_and_d_are_kept_as_printed():
    assert len(NAMES) == 20 and all(len(set(forms)) == 6 for forms in TONED.values())
    for name in NAMES:
        assert cccd.parse(card(name=name), today=TODAY).name == name
    every_letter = "".join(NAMES)
    for forms in TONED.values():
        assert all(form in every_letter.lower() for form in forms)


def test_a_decomposed_scan_is_kept_composed():
    decomposed = unicodedata.normalize("NFD", card(name="Lê Thị Thủy"))
    read = cccd.parse(decomposed, today=TODAY)
    assert read.name == "Lê Thị Thủy" and unicodedata.is_normalized("NFC", read.name)


def as_windows_1252(text: str) -> str:
    """What a scanner in a Windows-1252 keyboard mode types for UTF-8 `text` (undefined bytes as Latin-1)."""
    def char(byte: int) -> str:
        try:
            return bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(byte)
    return "".join(char(b) for b in text.encode("utf-8"))


def test_a_scanner_typing_utf8_as_windows_1252_is_read_right():
    assert as_windows_1252("Nguyễn") == "Nguyá»…n"
    for name in NAMES:
        assert cccd.parse(as_windows_1252(card(name=name)), today=TODAY).name == name
    # Real Vietnamese made only of Windows-1252 letters is left as it is.
    assert cccd.parse(card(name="Lê Hà", sex="Nam", address="Ap 3, Hà Tiên"), today=TODAY).name == "Lê Hà"


def test_the_scanner_prefix_and_enter_around_the_code_do_not_matter():
    assert cccd.parse(f"  {card()}\r\n", today=TODAY).number == "079190001234"


@pytest.mark.parametrize("text, words", [
    ("", "chưa gửi gì"),
    ("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193", "đường dẫn"),
    ("www.motcua.example.vn/tra-cuu", "đường dẫn"),
    ("XT-2026-000001", "mã hồ sơ XT-2026-000001"),
    ("xt2026000001", "mã hồ sơ XT2026000001"),
    (card()[:40], "chưa đủ (đọc được 4/7 phần)"),
    (card()[:-4], "Ngày cấp"),  # cut inside the last field
    (card() + "|thừa", "có 8 phần"),
    (card(number="07919000123"), "12 chữ số (mã vừa quét có 11 chữ số)"),
    (card(number="0791900012345"), "có 13 chữ số"),
    (card(number="07919O001234"), "và ký tự khác"),
    (card(old="02512345"), "chứng minh nhân dân cũ"),
    (card(born="31022000"), "Ngày sinh"),
    (card(born="1990-04-15"), "Ngày sinh"),
    (card(born="15041890"), "Ngày sinh"),
    (card(born="15042027"), "Ngày sinh"),
    (card(issued="20052027"), "Ngày cấp"),
    (card(issued="14041990"), "Ngày cấp"),
    (card(name=""), "Họ tên"),
    (card(name="Nguyễn Văn 2"), "Họ tên"),
    (card(name="?? ??"), "Họ tên"),
    (card(sex="M"), "Giới tính"),
    (card(address=""), "Nơi thường trú"),
    ("079190001234", "không phải mã QR trên căn cước"),
])
def test_anything_else_is_refused_with_a_reason(text, words):
    assert words in refused(text)


def test_what_counts_as_a_scan_rather_than_a_typed_name():
    for scanned in (card(), card()[:30], "https://x.vn", "XT-2026-000001", "079190001234", "a|b"):
        assert cccd.looks_scanned(scanned), scanned
    for typed in ("Nguyễn Thị Lan", "Hộ kinh doanh 68", "Công ty TNHH 3A", "", None):
        assert not cccd.looks_scanned(typed), typed


def test_the_browser_and_the_server_share_the_scan_pattern():
    """cccd-scan.js reads the pattern from the page; it must mean the same in JavaScript (no Python-only syntax)."""
    assert not re.search(r"\(\?P|\(\?<[=!]|\\A|\\Z", cccd.SCAN_PATTERN)


def test_masking_keeps_four_digits_in_front_and_two_at_the_end():
    assert cccd.mask_number("079190001234") == "0791••••••34"
    assert cccd.mask_number(None) == cccd.mask_number("") == ""
