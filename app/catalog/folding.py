"""Fold Vietnamese text for matching: kiosk users type without diacritics."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z.]+")
# The Unicode blocks of combining diacritical marks: what NFKD splits off a base letter.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# đ/Đ are letters of their own in Unicode, not d plus a mark: NFD leaves them whole.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip every diacritic, fold đ to d, keep letters, digits and dots, single-spaced."""
    if not text:
        return ""
    # NFKD also turns full-width and other compatibility forms into plain letters and digits.
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_LETTERS).lower()))
    words = _NON_WORD.sub(" ", bare).split()
    # Dots matter inside codes (1.001193) but not at word edges ("sinh." -> "sinh").
    return " ".join(w.strip(".") for w in words if w.strip("."))


# Vietnamese writes a final i or y after a consonant both ways (ký/kí, lý/lí, sĩ/sỹ, quý/quí).
_FINAL_Y = re.compile(r"(?<=[bcdghklmnprstvx])y$|(?<=^qu)y$")


def search_fold(text: str | None) -> str:
    """fold(), then one spelling for the i/y pairs: "ly hon" and "li hon" are one query."""
    return " ".join(map(search_spelling, fold(text).split()))


def search_spelling(word: str) -> str:
    """One folded word with the search's spelling of a final i or y."""
    return _FINAL_Y.sub("i", word)


def slugify(text: str) -> str:
    """A URL slug from Vietnamese text: 'Hộ tịch' -> 'ho-tich'."""
    return "-".join(fold(text).replace(".", " ").split()) or "khac"
