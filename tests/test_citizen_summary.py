"""The kiosk reads like a helpful officer: short names, life events, a short first view, honest times."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from app.catalog import life_events, summary
from app.catalog.models import LifeEvent, Procedure
from app.dossiers.calendar import procedure_due_date
from app.extensions import db

MAX_FIRST_VIEW_WORDS = 400
BIRTH, DEATH, MARRIAGE = "1.001193", "1.000656", "1.000894"


def first_view_words(html: str) -> int:
    """Words a citizen sees in the page body before tapping "Xem đầy đủ" (the folded full text)."""
    main = html.split('<main', 1)[1].split('<details class="full-details"', 1)[0]
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", main)
    return len(re.sub(r"&\w+;|&#\d+;", " ", text).split())


def test_every_seed_procedure_has_a_short_name_of_at_most_eight_words(seeded_app):
    procedures = db.session.scalars(select(Procedure)).all()
    assert len(procedures) == 289
    too_long = [(p.code, p.short_name) for p in procedures if not p.short_name or len(p.short_name.split()) > 8]
    assert too_long == []
    assert Procedure.by_code(BIRTH).short_name == "Đăng ký khai sinh"


def test_every_in_force_procedure_is_in_a_life_event(seeded_app):
    assert life_events.procedures_in_no_event() == []
    events = db.session.scalars(LifeEvent.ordered()).all()
    assert 10 <= len(events) <= 16
    assert events[-1].slug == life_events.OTHER_SLUG


@pytest.mark.parametrize("slug, first", [
    ("sinh-con", BIRTH), ("ket-hon", MARRIAGE), ("nguoi-than-qua-doi", DEATH),
])
def test_a_life_event_lists_the_first_time_individual_procedure_first(seeded_client, slug, first):
    html = seeded_client.get(f"/kiosk/su-kien/{slug}").get_data(as_text=True)
    codes = re.findall(r'class="procedure-button" href="/kiosk/thu-tuc/([\d.]+)"', html)
    assert codes[0] == first


def test_every_seed_procedure_page_shows_at_most_400_words_before_the_full_text(seeded_client):
    counts = {}
    for code in db.session.scalars(select(Procedure.code)):
        html = seeded_client.get(f"/kiosk/thu-tuc/{code}").get_data(as_text=True)
        assert "Xem đầy đủ" in html, code
        counts[code] = first_view_words(html)
    assert max(counts.values()) <= MAX_FIRST_VIEW_WORDS, sorted(counts.items(), key=lambda kv: -kv[1])[:5]
    # Khai sinh's first view is a summary, not its 3,400-word legal text.
    assert counts[BIRTH] < 150


def test_the_first_view_names_the_usual_papers_and_no_bold_paragraph(seeded_client):
    html = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}").get_data(as_text=True)
    first = html.split('<details class="full-details"', 1)[0]
    bring = first.split("Cần mang theo", 1)[1]
    assert "Giấy chứng sinh" in bring and "bỏ rơi" not in bring and "mang thai hộ" not in bring
    assert "<b>" not in first and "<p><strong>" not in first
    # The legal text is still there, one tap away.
    assert "bị bỏ rơi" in html.split('<details class="full-details"', 1)[1]


def test_a_bare_number_is_not_shown_as_a_time_until_an_officer_confirms_it(seeded_app, seeded_client):
    birth = Procedure.by_code(BIRTH)
    assert birth.processing_time == "1"
    html = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}").get_data(as_text=True)
    assert "chưa ghi rõ" not in html and "Xin hỏi cán bộ tại quầy" in html
    assert procedure_due_date(birth, "Trực tiếp", date(2026, 12, 1)) is None
    birth.time_amount, birth.time_unit = 1, "ngày làm việc"
    db.session.commit()
    html = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}").get_data(as_text=True)
    assert "1 ngày làm việc" in html.split('<details class="full-details"', 1)[0]
    assert procedure_due_date(birth, "Trực tiếp", date(2026, 12, 1)) == date(2026, 12, 2)


def test_usual_documents_skip_rare_cases_notes_and_proxies():
    text = ("Giấy tờ phải nộp\n"
            "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản | 1 bản chính\n")
    guessed = summary.usual_documents(text)
    assert all("bỏ rơi" not in line for line in guessed)
    assert summary.first_clause("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp...") == "Giấy chứng sinh"
    assert summary.first_clause(
        "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử hoặc giấy tờ khác") == summary.IDENTITY
    assert summary.curated_bring("- Tờ khai\n\n- Giấy chứng sinh\n") == ["Tờ khai", "Giấy chứng sinh"]


def test_search_finds_a_procedure_by_its_short_name(seeded_app):
    from app.catalog.search import search_procedures

    procedure = db.session.scalar(select(Procedure).where(Procedure.code == "1.014061"))
    procedure.short_name = "Làm căn cước lần đầu"
    procedure.refresh_search_text()
    db.session.commit()
    assert search_procedures("lam can cuoc lan dau")[0].code == "1.014061"


def test_common_procedures_prefer_the_households_version(runner, app):
    runner.invoke(args=["load-seed"])
    common = {p.code for p in db.session.scalars(select(Procedure).where(Procedure.is_common))}
    assert "1.013978" in common and "1.012753" not in common  # land: households, not organisations


def test_load_seed_fills_life_events_once_and_keeps_officers_changes(runner, app):
    first = runner.invoke(args=["load-seed"])
    assert "sự kiện cuộc sống" in first.output
    event = LifeEvent.by_slug("sinh-con")
    event.name = "Có em bé"
    life_events.remove_procedure(event, Procedure.by_code(BIRTH).id)
    db.session.commit()
    runner.invoke(args=["load-seed"])
    event = LifeEvent.by_slug("sinh-con")
    assert event.name == "Có em bé"
    assert BIRTH not in [p.code for p in event.active_procedures()]


def test_retired_procedures_leave_life_event_lists(seeded_app, seeded_client):
    birth = Procedure.by_code(BIRTH)
    birth.status = "replaced"
    db.session.commit()
    html = seeded_client.get("/kiosk/su-kien/sinh-con").get_data(as_text=True)
    assert f'href="/kiosk/thu-tuc/{BIRTH}"' not in html
