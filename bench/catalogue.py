"""A large generated catalogue in the importer's JSON format, built from the real seed rows.

Each generated procedure is a real one with a realistic qualifier appended (the way the national
database lists variants of one procedure), so names, words and detail sizes look like the real data
and search has many near-duplicates to rank, as it will in a province-wide catalogue.
"""
import json
import random
import unicodedata
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "app" / "catalog" / "seed" / "procedures.json"

QUALIFIERS = (
    "đối với công dân Việt Nam cư trú ở nước ngoài",
    "có yếu tố nước ngoài",
    "trường hợp nộp hồ sơ trực tuyến",
    "liên thông với cơ quan bảo hiểm xã hội",
    "đối với người cao tuổi",
    "đối với người khuyết tật",
    "cho hộ gia đình, cá nhân",
    "đối với hộ nghèo, hộ cận nghèo",
    "trường hợp bổ sung, điều chỉnh thông tin",
    "trường hợp cấp lại do bị mất, hư hỏng",
    "tại Bộ phận Một cửa cấp xã",
    "theo Nghị định số 63/2025/NĐ-CP",
    "đối với đồng bào dân tộc thiểu số",
    "đối với người có công với cách mạng",
    "thực hiện tại thôn, ấp vùng sâu, vùng xa",
    "trường hợp ủy quyền cho người khác thực hiện",
    "đối với tổ chức, doanh nghiệp",
    "qua dịch vụ bưu chính công ích",
)
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
# Real codes start with 1, 2, 3 or 6: generated ones start with 9 so they never collide.
CODE_PREFIX = "9."


def seed_rows() -> list[dict]:
    """The bundled real catalogue."""
    return json.loads(SEED.read_text(encoding="utf-8"))


def generated_rows(count: int, seed: int = 2025) -> list[dict]:
    """`count` new procedures: every real one crossed with a qualifier, in a shuffled order."""
    templates = seed_rows()
    pairs = [(t, q) for q in QUALIFIERS for t in templates]
    if count > len(pairs):
        raise ValueError(f"at most {len(pairs)} generated procedures")
    random.Random(seed).shuffle(pairs)
    rows = []
    for number, (template, qualifier) in enumerate(pairs[:count], start=1):
        code = f"{CODE_PREFIX}{number:06d}"
        name = template["name"].rstrip(" .;:")
        rows.append({**template, "code": code, "name": f"{name} ({qualifier})", "url": PORTAL + code})
    return rows


def write_catalogue(path: Path, total: int) -> int:
    """Write enough generated rows that seed + generated = `total`; return how many were written."""
    count = total - len(seed_rows())
    path.write_text(json.dumps(generated_rows(count), ensure_ascii=False), encoding="utf-8")
    return count


def _unaccented(text: str) -> str:
    """What a citizen types on the kiosk keyboard: no accents, đ as d, lower case."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def typed_queries(seed: int = 7) -> list[str]:
    """Distinct prefixes of the real names' first words, as sent while typing, shuffled."""
    queries = set()
    for row in seed_rows():
        words = _unaccented(row["name"]).replace(",", " ").split()[:6]
        phrase = " ".join(words)
        queries.update(phrase[:n].strip() for n in range(3, len(phrase) + 1))
    ordered = sorted(queries)
    random.Random(seed).shuffle(ordered)
    return ordered
