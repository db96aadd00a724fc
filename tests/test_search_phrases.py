"""Everyday phrasings (seed/phrases): a citizen's sentence matched against what citizens say for each procedure."""
import json
from collections import Counter
from pathlib import Path

import pytest

from app.catalog import search_index, search_phrases
from app.catalog.folding import search_fold
from app.catalog.search import search_procedures

SEED = Path(search_phrases.__file__).parent / "seed"


def codes(query: str) -> list[str]:
    return [hit.code for hit in search_procedures(query, 10)]


@pytest.fixture
def phrased(app, make_procedure, monkeypatch):
    """A small catalogue whose phrasings the test gives: `phrased(code -> phrases)`."""
    def use(phrases: dict[str, tuple[str, ...]]) -> None:
        monkeypatch.setattr(search_phrases, "bundled", lambda: phrases)
        search_index.clear()
    for n in range(8):  # a catalogue of some size, so that a rare word weighs what it should
        make_procedure(name=f"Thủ tục khác số {n}")
    yield use
    search_index.clear()


def test_a_story_finds_the_procedure_whose_phrasing_it_tells(phrased, make_procedure):
    make_procedure(code="9.000201", name="Đăng ký khai tử")
    make_procedure(code="9.000202", name="Cấp lại giấy chứng nhận quyền sử dụng đất")
    phrased({"9.000201": ("ông nhà tôi vừa mất", "làm giấy báo tử cho chồng"),
             "9.000202": ("mất giấy tờ nhà đất", "sổ đỏ bị cháy")})
    assert codes("ong nha toi vua mat hom qua")[0] == "9.000201"
    assert codes("nha tui bi chay, so do cung chay luon")[0] == "9.000202"
    assert codes("hoc boi o dau")[:1] == []  # words no phrasing or name holds find nothing


def test_the_closest_phrase_counts_not_the_most_phrases(phrased, make_procedure):
    """Holding most of one phrase beats holding a word of many."""
    make_procedure(code="9.000211", name="Trợ cấp xã hội hằng tháng")
    make_procedure(code="9.000212", name="Hỗ trợ chi phí mai táng")
    phrased({"9.000211": ("bà già không có lương hưu", "ông già sống một mình", "già yếu không ai nuôi"),
             "9.000212": ("lo đám tang cho mẹ già không lương hưu",)})
    assert codes("me gia toi khong co luong huu")[0] == "9.000211"
    assert codes("toi lo dam tang cho me")[0] == "9.000212"


def test_a_name_that_matches_keeps_its_order_among_twins(phrased, make_procedure):
    """Twins' phrasings repeat the name's words ("khai sinh"): there the name counts, not the phrasings."""
    make_procedure(code="9.000301", name="Đăng ký khai sinh")
    make_procedure(code="9.000302", name="Đăng ký khai sinh lưu động")
    phrased({"9.000301": ("vợ tôi mới đẻ",),
             "9.000302": ("khai sinh tại nhà cho bé", "cán bộ đến nhà làm khai sinh", "khai sinh lưu động")})
    assert codes("khai sinh")[:2] == ["9.000301", "9.000302"]
    assert codes("dang ky khai sinh")[:2] == ["9.000301", "9.000302"]
    assert codes("vo toi moi de")[0] == "9.000301"
    assert codes("can bo den nha lam khai sinh")[0] == "9.000302"


def test_a_word_every_procedure_says_weighs_nothing(phrased, make_procedure):
    make_procedure(code="9.000401", name="Đăng ký tạm trú")
    make_procedure(code="9.000402", name="Đăng ký kết hôn")
    phrased({"9.000401": ("tôi đi làm công nhân ở trọ",), "9.000402": ("tôi muốn cưới vợ",)}
            | {f"9.{n:06d}": ("tôi cần giấy",) for n in range(1, 9)})
    index = search_index.current_index().phrases
    assert "toi" not in index.weights and "cong nhan" in index.weights
    assert codes("toi o tro di lam cong nhan")[0] == "9.000401"


def test_bundled_phrasings_cover_every_seed_procedure():
    procedures = {p["code"]: p["name"] for p in json.loads((SEED / "procedures.json").read_text(encoding="utf-8"))}
    phrases = search_phrases.bundled()
    assert set(phrases) == set(procedures)
    counts = Counter({code: len(found) for code, found in phrases.items()})
    assert min(counts.values()) >= 5, counts.most_common()[-3:]
    for code, found in phrases.items():
        for phrase in found:
            assert 1 <= len(search_fold(phrase).split()) <= 16, (code, phrase)
            assert phrase == phrase.strip() and "\t" not in phrase


def test_phrase_files_are_code_tab_phrase():
    for path in sorted((SEED / "phrases").glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line and not line.startswith("#"):
                code, tab, phrase = line.partition("\t")
                assert tab and phrase.strip(), f"{path.name}:{number}"
                assert code.count(".") == 1 and code.replace(".", "").isdigit(), f"{path.name}:{number}"


@pytest.mark.parametrize(("name", "kinds"), [
    ("set10.json", {"sentence": 45, "question": 10, "name": 10, "short": 5}),
    ("set11.json", {"sentence": 45, "question": 10, "name": 10, "short": 5}),
    ("set12.json", {"short": 50}),
])
def test_blind_sets_name_real_procedures(name, kinds):
    """The blind sets bench/search_quality.py measures: every expected code is in the seed catalogue."""
    codes = {p["code"] for p in json.loads((SEED / "procedures.json").read_text(encoding="utf-8"))}
    items = json.loads((Path(__file__).parent / "search_sets" / name).read_text(encoding="utf-8"))
    assert Counter(item["kind"] for item in items) == kinds
    assert all(item["expected"] and set(item["expected"]) <= codes for item in items)
