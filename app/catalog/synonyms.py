"""The kiosk's synonym list: everyday words citizens type, mapped to the catalogue's own words.

The list is data (seed/synonyms.txt, see its header for the format) so staff can extend it
without touching code. Phrases are folded like the catalogue, so "Sổ Đỏ" and "so do" are one.
"""
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.catalog.folding import search_fold

SYNONYMS_FILE = Path(__file__).parent / "seed" / "synonyms.txt"


@dataclass(frozen=True)
class Span:
    """Query words [start, end) that form one listed phrase."""

    start: int
    end: int
    targets: tuple[str, ...]  # folded catalogue phrases; empty for filler
    strong: bool = False  # the everyday meaning outranks a literal match of the words

    @property
    def is_filler(self) -> bool:
        return not self.targets


@dataclass(frozen=True)
class Thesaurus:
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    strong: frozenset[tuple[str, ...]]
    longest: int

    @property
    def targets(self) -> set[str]:
        """Every catalogue phrase some everyday phrase points to."""
        return {target for targets in self.phrases.values() for target in targets}

    def with_phrases(self, extra: dict[tuple[str, ...], str]) -> "Thesaurus":
        """This list plus `extra` phrases (each pointing to one target), e.g. the catalogue's field names."""
        phrases = dict(self.phrases)
        for key, target in extra.items():
            if key and target not in phrases.get(key, ()):
                phrases[key] = phrases.get(key, ()) + (target,)
        return Thesaurus(phrases, self.strong, max([self.longest, *map(len, extra)]))

    def spans(self, words: list[str]) -> list[Span]:
        """Listed phrases in `words`, longest first from the left, never overlapping."""
        found, i = [], 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                key = tuple(words[i:i + size])
                if key in self.phrases:
                    found.append(Span(i, i + size, self.phrases[key], key in self.strong))
                    i += size
                    break
            else:
                i += 1
        return found


def parse(text: str) -> Thesaurus:
    """Read the synonym format: 'a | b => target', '! a => target' and '- filler | filler' lines."""
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    strong = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        is_strong = line.startswith("! ")
        line = line.removeprefix("! ")
        if line.startswith("- "):
            sources, target = line[2:], ""
        elif "=>" in line:
            sources, target = line.split("=>", 1)
        else:
            raise ValueError(f"synonym line without '=>': {line!r}")
        target = search_fold(target)
        for source in sources.split("|"):
            key = tuple(search_fold(source).split())
            if key and is_strong:
                strong.add(key)
            if key:
                known = phrases.get(key, ())
                phrases[key] = known + ((target,) if target and target not in known else ())
    return Thesaurus(phrases, frozenset(strong), max((len(k) for k in phrases), default=0))


@cache
def thesaurus() -> Thesaurus:
    """The bundled list, read once per process."""
    return parse(SYNONYMS_FILE.read_text(encoding="utf-8"))
