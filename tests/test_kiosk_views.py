"""The kiosk pages as a citizen's browser receives them, on the real seeded catalogue."""
import io
import os
import re
import shutil
import wave

import pytest
from sqlalchemy import select, update

from app import speech
from app.catalog import summary
from app.catalog.models import STATUS_REPLACED, Field, LifeEvent, Procedure
from app.extensions import db
from app.guides.models import Guide, GuideStep
from app.kiosk import read_aloud
from app.qr.services import content_tag
from app.setting.models import Setting

BIRTH = "1.001193"  # Thủ tục đăng ký khai sinh, Hộ tịch


def text_of(response) -> str:
    return response.get_data(as_text=True)


def test_home_leads_with_life_events_and_keeps_fields_one_tap_away(seeded_client):
    db.session.execute(update(Procedure).where(Procedure.code == BIRTH).values(is_common=True))
    db.session.commit()
    html = text_of(seeded_client.get("/kiosk/"))
    tiles = re.findall(r'class="event-tile[^"]*" href="([^"]+)"', html)
    assert "/kiosk/su-kien/sinh-con" in tiles and tiles[-1] == "/kiosk/linh-vuc/"
    assert 10 <= len(tiles) - 1 <= 16
    assert "Thủ tục thường gặp" in html
    common = html.split("Thủ tục thường gặp", 1)[1]
    assert f'href="/kiosk/thu-tuc/{BIRTH}"' in common
    assert 'action="/kiosk/tim-kiem"' in html
    # The search box comes before the tiles: a citizen who can type needs no tap first.
    assert html.index('id="home-search"') < html.index('class="event-tile')


def test_fields_page_counts_and_sorts_in_vietnamese_order(seeded_client):
    html = text_of(seeded_client.get("/kiosk/linh-vuc/"))
    names = re.findall(r'<span class="field-name">([^<]+)</span>', html)
    assert names.index("Dân số" if "Dân số" in names else "Đăng ký biện pháp bảo đảm") < names.index("Đất đai")
    assert names.index("Đất đai") < names.index("Giảm nghèo") < names.index("Xử lý đơn")
    hotich = db.session.scalar(select(Field).where(Field.name == "Hộ tịch"))
    count = len(db.session.scalars(Procedure.in_field(hotich)).all())
    tile = re.search(r'href="/kiosk/linh-vuc/%s">.*?</a>' % hotich.slug, html, re.S).group(0)
    assert f"{count} thủ tục" in tile


def test_every_page_has_home_and_back_and_the_commune_name(seeded_app, seeded_client):
    seeded_app.config["COMMUNE_NAME"] = "UBND xã Tân Phú"
    field = db.session.scalar(select(Field).where(Field.name == "Hộ tịch"))
    pages = {
        f"/kiosk/linh-vuc/{field.slug}": "/kiosk/linh-vuc/",
        "/kiosk/linh-vuc/": "/kiosk/",
        "/kiosk/su-kien/sinh-con": "/kiosk/",
        f"/kiosk/thu-tuc/{BIRTH}": "/kiosk/su-kien/sinh-con",
        "/kiosk/tim-kiem?q=khai": "/kiosk/",
    }
    for url, parent in pages.items():
        html = text_of(seeded_client.get(url))
        assert "UBND xã Tân Phú" in html, url
        assert re.search(r'href="/kiosk/"[^>]*>\s*<span[^>]*>[^<]*</span>\s*Trang chủ', html), url
        back = re.search(r'<a class="nav-button nav-back" href="([^"]+)"', html)
        assert back and back.group(1) == parent, url
    assert "Trang chủ" in text_of(seeded_client.get("/kiosk/"))


def test_kiosk_frame_carries_idle_timeout_and_no_inline_code(seeded_app, seeded_client):
    seeded_app.config["KIOSK_IDLE_SECONDS"] = 45
    html = text_of(seeded_client.get("/kiosk/"))
    assert 'data-idle-seconds="45"' in html
    assert "<script>" not in html and "style=" not in html and "onclick" not in html
    assert '"includeIndicatorStyles":false' in html


def test_kiosk_pages_hold_nothing_per_visitor(seeded_client):
    html = text_of(seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}"))
    assert "csrf" not in html.lower()
    assert seeded_client.get("/kiosk/").headers.get("Set-Cookie") is None


def test_field_page_lists_its_procedures_as_buttons(seeded_client):
    field = db.session.scalar(select(Field).where(Field.name == "Hộ tịch"))
    procedures = db.session.scalars(Procedure.in_field(field)).all()
    html = text_of(seeded_client.get(f"/kiosk/linh-vuc/{field.slug}"))
    assert "<h1" in html and "Hộ tịch" in html
    links = re.findall(r'class="procedure-button" href="/kiosk/thu-tuc/([\d.]+)"', html)
    assert sorted(links) == sorted(p.code for p in procedures)
    birth = re.search(r'href="/kiosk/thu-tuc/%s">(.*?)</a>' % BIRTH, html, re.S).group(1)
    assert "Đăng ký khai sinh" in birth and "Lệ phí: Miễn phí" in birth
    # The source's bare "1" (day? hour?) is not shown as a time.
    assert "Thời gian" not in birth


def test_unknown_field_and_code_answer_404_in_vietnamese(seeded_client):
    for url in ("/kiosk/linh-vuc/khong-co", "/kiosk/thu-tuc/9.999999"):
        response = seeded_client.get(url)
        assert response.status_code == 404
        html = text_of(response)
        assert "Không tìm thấy trang này." in html
        assert "Về trang chủ" in html and 'href="/kiosk/"' in html


def test_procedure_page_shows_facts_and_a_cache_busting_qr(seeded_client):
    procedure = Procedure.by_code(BIRTH)
    html = text_of(seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}"))
    assert procedure.name in html and BIRTH in html and "Hộ tịch" in html
    assert re.search(r'<h1 class="page-title procedure-title">\s*Đăng ký khai sinh\s*</h1>', html)
    qr_src = f'src="/kiosk/thu-tuc/{BIRTH}/qr.svg?v={content_tag(procedure.url)}"'
    assert qr_src in html
    assert "quét" in html.lower() or "hướng vào mã này" in html
    assert "Zalo" in html and "Cổng Dịch vụ công quốc gia" in html
    assert 'id="chi-tiet"' in html and "Xem đầy đủ" in html


def test_procedure_without_url_gets_no_qr_and_a_counter_message(seeded_client):
    no_url = db.session.scalar(select(Procedure).where(Procedure.url.is_(None)).limit(1))
    assert no_url is not None, "the seed has procedures without a URL"
    html = text_of(seeded_client.get(f"/kiosk/thu-tuc/{no_url.code}"))
    assert "qr.svg" not in html
    assert "chưa nộp được qua mạng" in html
    assert "Bộ phận Một cửa" in html and "Xem đầy đủ" in html
    assert "Cần mang theo" in html
    assert seeded_client.get(f"/kiosk/thu-tuc/{no_url.code}/qr.svg").status_code == 404


def test_procedure_not_online_says_so_but_keeps_an_information_qr(make_procedure, client):
    procedure = make_procedure(online=False, documents="Tờ khai đăng ký\nGiấy chứng sinh")
    html = text_of(client.get(f"/kiosk/thu-tuc/{procedure.code}"))
    assert "Chưa được, nộp tại quầy" in html
    assert "chưa nộp được qua mạng" in html
    assert "Giấy chứng sinh" in html
    assert "qr.svg" in html and "để xem thủ tục" in html


def test_replaced_procedure_links_to_its_replacement(make_procedure, client):
    new = make_procedure(name="Thủ tục mới thay thế")
    old = make_procedure(status=STATUS_REPLACED, replaced_by=new.code, online=True,
                         url="https://dichvucong.gov.vn/p/old")
    html = text_of(client.get(f"/kiosk/thu-tuc/{old.code}"))
    assert "đã được thay thế" in html
    assert f'href="/kiosk/thu-tuc/{new.code}"' in html and "Thủ tục mới thay thế" in html
    # No way to file the retired one online: the replacement comes first, the old QR is gone.
    first = html.split('<details class="full-details"', 1)[0]
    assert "qr.svg" not in first and "Nộp qua mạng" not in first
    assert first.index("Thủ tục mới thay thế") < first.index("<h1")


def test_search_full_page_lists_ranked_links(seeded_client):
    response = seeded_client.get("/kiosk/tim-kiem?q=dang+ky+khai+sinh")
    html = text_of(response)
    assert response.status_code == 200
    assert "<html" in html and 'id="search-input"' in html and 'value="dang ky khai sinh"' in html
    assert f'href="/kiosk/thu-tuc/{BIRTH}"' in html
    # The on-screen keyboard's taps search at once; a real keyboard waits for a pause.
    assert 'hx-trigger="kiosk-key, input changed delay:300ms, search"' in html
    assert 'hx-push-url="true"' in html
    assert "HX-Request" in response.headers.get("Vary", "")


def test_search_fragment_for_htmx_is_only_the_results(seeded_client):
    response = seeded_client.get("/kiosk/tim-kiem?q=khai+sinh", headers={"HX-Request": "true"})
    html = text_of(response)
    assert "HX-Request" in response.headers["Vary"]
    assert f'href="/kiosk/thu-tuc/{BIRTH}"' in html
    assert "<html" not in html and "search-input" not in html and "Trang chủ" not in html


def test_search_empty_query_gives_a_hint_and_no_match_a_kind_message(seeded_client):
    hint = text_of(seeded_client.get("/kiosk/tim-kiem"))
    assert "Ví dụ" in hint and "procedure-button" not in hint
    miss = text_of(seeded_client.get("/kiosk/tim-kiem?q=zzqx", headers={"HX-Request": "true"}))
    assert "Không tìm thấy thủ tục nào" in miss and "zzqx" in miss
    assert "hỏi cán bộ" in miss


def test_search_escapes_the_query(seeded_client):
    html = text_of(seeded_client.get("/kiosk/tim-kiem?q=<b>x</b>"))
    assert "<b>x</b>" not in html and "&lt;b&gt;" in html


@pytest.mark.parametrize("kind, mimetype", [("svg", "image/svg+xml"), ("png", "image/png")])
def test_qr_is_cached_by_content(seeded_client, kind, mimetype):
    procedure = Procedure.by_code(BIRTH)
    response = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}/qr.{kind}")
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["ETag"] == f'"{content_tag(procedure.url)}"'
    assert "max-age=31536000" in response.headers["Cache-Control"]
    if kind == "svg":
        assert text_of(response).lstrip().startswith(("<?xml", "<svg"))
    again = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}/qr.{kind}",
                              headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_static_files_carry_a_content_version_and_a_long_cache(seeded_client):
    html = text_of(seeded_client.get("/kiosk/"))
    css = re.search(r'href="(/static/css/kiosk\.css\?v=[0-9a-f]+)"', html).group(1)
    response = seeded_client.get(css)
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    plain = seeded_client.get("/static/css/kiosk.css")
    assert "max-age=31536000" not in plain.headers.get("Cache-Control", "")


# --- Read aloud (đọc to) -----------------------------------------------------------------------

# CI sets MOTCUA_REQUIRE_SPEECH: there a missing espeak-ng fails these tests instead of skipping them.
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None and not os.environ.get("MOTCUA_REQUIRE_SPEECH"),
    reason="espeak-ng is not installed (make system-deps installs it)")
SPOKEN_PAGES = {
    f"/kiosk/thu-tuc/{BIRTH}": f"/kiosk/thu-tuc/{BIRTH}/doc-to",
    "/kiosk/su-kien/sinh-con": "/kiosk/su-kien/sinh-con/doc-to",
}


@pytest.fixture
def speaking_app(seeded_app, tmp_path):
    """The seeded app with its speech cache in the test's folder (never the instance folder)."""
    seeded_app.config["SPEECH_CACHE_DIR"] = str(tmp_path / "speech-cache")
    return seeded_app


@pytest.fixture
def published_guide(seeded_app):
    guide = Guide(title="Cài đặt VNeID", summary="Cho điện thoại Android và iPhone.", published=True,
                  steps=[GuideStep(position=1, text="Mở kho ứng dụng, tìm VNeID."),
                         GuideStep(position=2, text="Chạm Cài đặt, chờ 2 phút.")])
    db.session.add(guide)
    db.session.commit()
    return guide


def seconds_of(response) -> float:
    """The audio's length, as the `wave` module reads it from the WAV header."""
    with wave.open(io.BytesIO(response.data)) as sound:
        return sound.getnframes() / sound.getframerate()


@needs_espeak
def test_a_procedure_is_read_aloud_as_wav_with_a_validator(speaking_app):
    client = speaking_app.test_client()
    response = client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to")
    assert response.status_code == 200 and response.mimetype == "audio/wav"
    assert 4 < seconds_of(response) < 60
    assert "no-cache" in response.headers["Cache-Control"] and response.headers["ETag"]
    again = client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    # Media players ask for a range of bytes.
    part = client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to", headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.data) == 100


@needs_espeak
def test_the_audio_grows_with_what_there_is_to_bring(speaking_app):
    client = speaking_app.test_client()
    before = seconds_of(client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to"))
    procedure = Procedure.by_code(BIRTH)
    procedure.what_to_bring += ("\nSổ hộ khẩu hoặc giấy xác nhận nơi cư trú của cha mẹ"
                                "\nGiấy chứng nhận kết hôn của cha mẹ, nếu có")
    db.session.commit()  # the catalogue moved: the cached text is dropped
    after = seconds_of(client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to"))
    assert after > before + 3


def test_the_summary_read_is_the_page_first_view_without_codes_or_addresses(seeded_app):
    procedure = Procedure.by_code(BIRTH)
    text = read_aloud.procedure_text(procedure, summary.citizen_summary(procedure))
    assert text.startswith("Đăng ký khai sinh. Thời gian giải quyết: ")
    assert "Lệ phí: Miễn phí." in text and "Nộp qua mạng: được" in text
    assert "Cần mang theo: Tờ khai đăng ký khai sinh theo mẫu. Giấy chứng sinh" in text
    assert BIRTH not in text and "http" not in text and "dichvucong" not in text


def test_a_life_event_reads_its_name_and_its_first_procedures(seeded_app):
    event = LifeEvent.by_slug("sinh-con")
    procedures = event.active_procedures()
    text = read_aloud.life_event_text(event, procedures)
    assert text.startswith("Sinh con. ")
    for procedure in procedures[:read_aloud.FIRST_PROCEDURES]:
        assert procedure.display_name in text
    assert procedures[read_aloud.FIRST_PROCEDURES].display_name not in text
    assert f"Và {len(procedures) - read_aloud.FIRST_PROCEDURES} việc khác" in text


@needs_espeak
def test_life_events_and_guides_are_read_aloud_too(speaking_app, published_guide):
    client = speaking_app.test_client()
    event = client.get("/kiosk/su-kien/sinh-con/doc-to")
    guide = client.get(f"/kiosk/huong-dan/{published_guide.id}/doc-to")
    assert event.mimetype == guide.mimetype == "audio/wav"
    assert seconds_of(event) > 4 and seconds_of(guide) > 3
    published_guide.published = False
    db.session.commit()
    assert client.get(f"/kiosk/huong-dan/{published_guide.id}/doc-to").status_code == 404


@needs_espeak
def test_pages_offer_read_aloud_when_the_server_can_speak(speaking_app, published_guide):
    pages = SPOKEN_PAGES | {f"/kiosk/huong-dan/{published_guide.id}": f"/kiosk/huong-dan/{published_guide.id}/doc-to"}
    for page, audio in pages.items():
        html = text_of(speaking_app.test_client().get(page))
        assert f'<audio preload="none" src="{audio}">' in html, page
        assert "Đọc to" in html and "Dừng đọc" in html and "Đọc lại từ đầu" in html, page


def test_without_the_engine_there_is_no_button_and_no_audio(seeded_app, published_guide, monkeypatch):
    monkeypatch.setattr(speech, "is_available", lambda: False)
    client = seeded_app.test_client()
    pages = SPOKEN_PAGES | {f"/kiosk/huong-dan/{published_guide.id}": f"/kiosk/huong-dan/{published_guide.id}/doc-to"}
    for page, audio in pages.items():
        html = text_of(client.get(page))
        assert "data-read-aloud" not in html and "Đọc to" not in html and "<audio" not in html, page
        assert client.get(audio).status_code == 404, audio


def test_a_page_cached_with_the_button_loses_it_when_the_engine_goes(seeded_app, monkeypatch):
    monkeypatch.setattr(speech, "is_available", lambda: True)
    client = seeded_app.test_client()
    assert "data-read-aloud" in text_of(client.get(f"/kiosk/thu-tuc/{BIRTH}"))
    monkeypatch.setattr(speech, "is_available", lambda: False)
    assert "data-read-aloud" not in text_of(client.get(f"/kiosk/thu-tuc/{BIRTH}"))


@pytest.mark.parametrize("path", [
    "/kiosk/thu-tuc/9.999999/doc-to", "/kiosk/thu-tuc/%00%FF/doc-to", "/kiosk/thu-tuc/" + "1" * 5000 + "/doc-to",
    "/kiosk/thu-tuc/..%2F..%2Fetc%2Fpasswd/doc-to", "/kiosk/su-kien/khong-co/doc-to",
    "/kiosk/su-kien/%E2%80%AE'%22%3E/doc-to", "/kiosk/huong-dan/0/doc-to",
    "/kiosk/huong-dan/99999999999999999999999/doc-to",
])
def test_unknown_pages_have_no_audio_and_no_error(seeded_app, monkeypatch, path):
    monkeypatch.setattr(speech, "is_available", lambda: True)
    assert seeded_app.test_client().get(path).status_code == 404


def test_a_failing_speech_program_gives_503_not_500(speaking_app):
    speaking_app.config["SPEECH_COMMAND"] = f"{shutil.which('false') or '/bin/false'} {{voice}}"
    response = speaking_app.test_client().get(f"/kiosk/thu-tuc/{BIRTH}/doc-to")
    assert response.status_code == 503 and not response.mimetype.startswith("audio/")


@needs_espeak
def test_the_admin_voice_is_the_one_heard(speaking_app, monkeypatch):
    heard = []
    real = speech.synthesize
    monkeypatch.setattr(speech, "synthesize", lambda text, voice: heard.append(voice) or real(text, voice))
    client = speaking_app.test_client()
    north = client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to")
    db.session.add(Setting(key="kiosk_voice", value="vi-vn-x-south"))
    db.session.commit()
    south = client.get(f"/kiosk/thu-tuc/{BIRTH}/doc-to")
    assert heard == ["vi", "vi-vn-x-south"]
    assert north.data != south.data and north.headers["ETag"] != south.headers["ETag"]
