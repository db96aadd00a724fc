"""Vietnamese alphabetical order (a ă â b c d đ e ê ...), from ICU's Vietnamese collation.

Code point order puts "Đất đai" after "Xử lý đơn"; every list a citizen or officer reads by name
sorts through here.
"""
from functools import lru_cache

import icu


@lru_cache(maxsize=2)
def _collator(numeric: bool = False) -> icu.Collator:
    # Numeric: digits compare as numbers, so "Ấp 2" comes before "Ấp 10" (hamlets are often numbered).
    return icu.Collator.createInstance(icu.Locale("vi_VN@colNumeric=yes" if numeric else "vi_VN"))


def sort_key(text: str | None, numeric: bool = False) -> bytes:
    """A key that sorts Vietnamese text in dictionary order (numbers by value when `numeric`)."""
    return _collator(numeric).getSortKey(text or "")


def sorted_by_name(items, name=lambda item: item.name, numeric: bool = False) -> list:
    """`items` in Vietnamese order of `name(item)`."""
    return sorted(items, key=lambda item: sort_key(name(item), numeric))
