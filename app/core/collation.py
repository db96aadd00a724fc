"""Vietnamese alphabetical order (a ă â b c d đ e ê ...), from ICU's Vietnamese collation.

Code point order puts "Đất đai" after "Xử lý đơn"; every list a citizen or officer reads by name
sorts through here.
"""
from functools import lru_cache

import icu


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi_VN"))


def sort_key(text: str | None) -> bytes:
    """A key that sorts Vietnamese text in dictionary order."""
    return _collator().getSortKey(text or "")


def sorted_by_name(items, name=lambda item: item.name) -> list:
    """`items` in Vietnamese order of `name(item)`."""
    return sorted(items, key=lambda item: sort_key(name(item)))
