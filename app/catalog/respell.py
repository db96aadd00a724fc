"""Kiosk typing slips: words run together ("khaisinh") or one key wrong ("khia sinh").

A query word the catalogue and the synonym list do not know is split into known words. Only in
a short query, or one that finds nothing, is an unknown word replaced by the most common known
word one keystroke away: the sentences citizens type hold many real words the catalogue lacks
("mồ côi", "kênh"), and "correcting" those ("mồ cô", "kinh") pushes noise into good results.
Known words are never touched.
"""
from collections.abc import Callable
from string import ascii_lowercase

from app.catalog.folding import search_spelling
from app.catalog.search_index import SearchIndex

MIN_PART = 2  # "o" and "y" are words, but a split into single letters finds anything
MAX_PARTS = 4
MAX_SLIP_LENGTH = 16  # longer is no mistyped syllable; splitting it could cost a lot

# Southern words for what the catalogue says the Northern way; only ever in queries.
DIALECT = {"lanh": "linh", "sanh": "sinh", "tui": "toi"}


def in_catalogue_words(words: list[str]) -> list[str]:
    """The query's Southern words as the catalogue spells them ("lãnh lương hưu" = "lĩnh")."""
    return [DIALECT.get(word, word) for word in words]


def split_run_together(index: SearchIndex, words: list[str]) -> list[str]:
    """`words` with each unknown word split into known words where it can be."""
    return _respelled(index, words, lambda word: _run_together(index, word) or [word])


def _run_together(index: SearchIndex, word: str) -> list[str] | None:
    parts = _split(index, word)
    # Short syllables pair up by chance ("cuco" as "cu co"): a one-key slip ("cuoc") is likelier.
    if parts and min(map(len, parts)) < 3 and _nearest(index, word):
        return None
    return parts


def corrected(index: SearchIndex, words: list[str]) -> list[str]:
    """`words` with each unknown word replaced by the nearest known one, where there is one."""
    return _respelled(index, words, lambda word: [_nearest(index, word) or word])


def _respelled(index: SearchIndex, words: list[str], fix: Callable[[str], list[str]]) -> list[str]:
    last = len(words) - 1
    out: list[str] = []
    for i, word in enumerate(words):
        if _known(index, word, typing=i == last) or not word.isalpha() or len(word) > MAX_SLIP_LENGTH:
            out.append(word)
        else:
            out.extend(fix(word))
    return list(dict.fromkeys(out))


def _known(index: SearchIndex, word: str, typing: bool) -> bool:
    # The word still being typed is known when some word begins with it.
    return word in index.known_words or (typing and bool(index.anywhere.prefix(word)))


def _split(index: SearchIndex, word: str, parts: int = MAX_PARTS) -> list[str] | None:
    """The split of `word` into the fewest known words, the most common ones on a tie."""
    whole = search_spelling(word)
    if whole in index.known_words and len(word) >= MIN_PART:
        return [whole]
    if parts == 1:
        return None
    best: list[str] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = search_spelling(word[:cut])  # "dangky..." holds "ky", which the index spells "ki"
        if head not in index.known_words:
            continue
        rest = _split(index, word[cut:], parts - 1)
        # Only words that stand side by side somewhere: "cuco" is no "cu co", but "khai sinh" is.
        if not rest or f"{head} {rest[0]}" not in index.known_pairs:
            continue
        if best is None or _split_rank(index, [head, *rest]) > _split_rank(index, best):
            best = [head, *rest]
    return best


def _split_rank(index: SearchIndex, parts: list[str]) -> tuple[int, int]:
    return -len(parts), min(index.frequency(part) for part in parts)


def _nearest(index: SearchIndex, word: str) -> str | None:
    """The most common known word one deletion, swap, change or insertion away."""
    candidates = {word[:i] + word[i + 1:] for i in range(len(word))}
    candidates |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    for i in range(len(word) + 1):
        for letter in ascii_lowercase:
            candidates.add(word[:i] + letter + word[i:])
            if i < len(word):
                candidates.add(word[:i] + letter + word[i + 1:])
    known = [c for c in candidates if len(c) >= MIN_PART and c in index.known_words]
    return max(known, key=lambda c: (index.frequency(c), c), default=None)
