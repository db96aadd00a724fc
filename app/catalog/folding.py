"""Fold Vietnamese text for matching: kiosk users type without diacritics."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z.]+")
# đ/Đ are letters of their own in Unicode, not d plus a mark: NFD leaves them whole.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip every diacritic, fold đ to d, keep letters, digits and dots, single-spaced."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = _NON_WORD.sub(" ", bare).split()
    # Dots matter inside codes (1.001193) but not at word edges ("sinh." -> "sinh").
    return " ".join(w.strip(".") for w in words if w.strip("."))


def slugify(text: str) -> str:
    """A URL slug from Vietnamese text: 'Hộ tịch' -> 'ho-tich'."""
    return "-".join(fold(text).replace(".", " ").split()) or "khac"
