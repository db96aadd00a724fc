"""Hostile input to the forms one or two clicks deep (a meeting, a guide, a dossier, a member...) and to
the public forms (status lookup, rating, meeting PIN, kiosk search): never a 500, and a refusal writes
nothing, neither a row nor a stored file."""
import io
import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.dossiers.models import Dossier
from app.extensions import db
from app.meetings import links
from app.meetings.models import ShareLink
from tests.test_form_fuzz import VALUE, _row_counts
from tests.test_meetings import STAFF, _create, _upload
from tests.uploadfiles import image_bytes, office_bytes, pdf_bytes, zip_bomb_docx

# Pages the crawl does not follow: they end the session, or serve files rather than forms.
NOT_FOLLOWED = ("/dang-xuat", "/dang-nhap", "/doi-mat-khau")
FILE_SUFFIXES = (".csv", ".xlsx", ".png", ".svg", ".pdf", ".zip")
MAX_PAGES = 120
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))  # raise it for a long hunt
BOMB, PNG = zip_bomb_docx(), image_bytes("png")
FILE = st.tuples(
    st.one_of(st.sampled_from([b"", b"%PDF-", b"MZ\x90\x00", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", BOMB, PNG]),
              st.binary(max_size=200)),
    st.sampled_from(["../../x.pdf", "a.exe", "Tờ trình đường.docx", "", "x.png", "a.pdf.exe", "con"]),
)


class Forms(HTMLParser):
    """Links, and every form with its method, action, field names and file field names."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append({"method": (a.get("method") or "get").lower(), "action": a.get("action") or "",
                               "fields": set(), "files": set()})
        elif tag in ("input", "select", "textarea") and self.forms and a.get("name"):
            kind = "files" if a.get("type") == "file" else "fields"
            self.forms[-1][kind].add(a["name"])


def crawl(client, starts: list[str], prefixes: tuple[str, ...]) -> dict[tuple[str, str], dict]:
    """Breadth-first over pages under `prefixes`; returns {(method, action): form}."""
    seen, queue, forms = set(starts), list(starts), {}
    while queue and len(seen) <= MAX_PAGES:
        page = queue.pop(0)
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.content_type:
            continue
        parser = Forms()
        parser.feed(response.get_data(as_text=True))
        for href in parser.links:
            path = urlsplit(href).path
            if (path.startswith(prefixes) and path not in seen and not path.endswith(FILE_SUFFIXES)
                    and not path.startswith(NOT_FOLLOWED)):
                seen.add(path)
                queue.append(path)
        for form in parser.forms:
            action = urlsplit(form["action"]).path or urlsplit(page).path
            if action.startswith(NOT_FOLLOWED):
                continue
            known = forms.setdefault((form["method"], action), form | {"fields": set(), "files": set()})
            known["fields"] |= form["fields"] - {"csrf_token"}
            known["files"] |= form["files"]
    return forms


def _stored_files(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"])
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def world(app, make_procedure, make_user, admin_client):
    """One of everything, made through the staff forms, so that the crawl meets every detail page."""
    make_procedure(code="1.001193", name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    client = admin_client
    make_user("officer")  # an account to edit: the fuzzing admin does not lock itself out
    meeting = _create(client)
    client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Kế hoạch làm đường"})
    _upload(client, meeting, office_bytes("docx"), "Tờ trình đường.docx", agenda_item=str(meeting.agenda_items[0].id))
    _upload(client, meeting, pdf_bytes(), "Báo cáo.pdf")
    client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "1"})
    client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": "2030-12-02", "pin": "2468"})
    link = db.session.scalars(select(ShareLink).order_by(ShareLink.id.desc())).first()
    client.post("/quan-ly/huong-dan/them", data={"title": "Cài VNeID", "published": "y"})
    client.post("/quan-ly/huong-dan/1/buoc/them", data={"text": "Mở kho ứng dụng."})
    client.post("/quan-ly/to-cong-nghe-so/", data={"name": "Ấp Phú Hòa"})
    client.post("/quan-ly/to-cong-nghe-so/thanh-vien/them", data={
        "name": "Nguyễn Thị Lan", "hamlet_id": "1", "role": "leader", "organisation": "youth_union",
        "phone": "0912 345 678", "joined_on": "2026-03-26"})
    client.post("/quan-ly/lich-truc/ca-truc", data={
        "member_id": "1", "weekdays": ["0", "2", "4"], "sessions": ["morning"], "starts_on": "2026-11-01"})
    client.post("/quan-ly/thong-bao/", data={"text": "Mất điện sáng 26/11.", "starts_on": "2026-11-01"})
    client.post("/quan-ly/ho-so/them", data={
        "procedure_code": "1.001193", "applicant_name": "Trần Văn Nam", "applicant_phone": "0912 000 111",
        "channel": "direct", "received_at": "2026-03-02T08:30"})
    client.post("/quan-ly/ho-so/them", data={
        "procedure_code": "1.001193", "applicant_name": "Lê Thị Hoa", "applicant_phone": "0912 000 222",
        "channel": "online", "received_at": "2026-03-03T08:30"})
    client.post("/quan-ly/ho-so/XT-2026-000002/trang-thai", data={"status": "resolved"})
    client.post("/quan-ly/ho-so/XT-2026-000002/da-tra")
    assert db.session.scalar(select(db.func.count()).select_from(db.metadata.tables["dossier"])) == 2
    return {"client": client, "link": f"/h/{links.token_for(link)}"}


def _fuzz(app, client, forms, headers):
    """Posts drawn values to every form; a refusal (4xx) must leave rows and stored files as they were."""

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def send(data):
        for (method, action), form in sorted(forms.items()):
            values = {name: data.draw(VALUE, label=name) for name in sorted(form["fields"])}
            if method == "get":
                response = client.get(action, query_string=values, headers=headers)
                assert response.status_code < 500, (action, values, response.status_code)
                continue
            for name in sorted(form["files"]):
                content, filename = data.draw(FILE, label=name)
                values[name] = (io.BytesIO(content), filename)
            db.session.remove()
            before, files = _row_counts(), _stored_files(app)
            response = client.post(action, data=values, headers=headers)
            assert response.status_code < 500, (action, values, response.status_code)
            if response.status_code >= 400:
                db.session.remove()
                assert _row_counts() == before, (action, values)
                assert _stored_files(app) == files, (action, values)

    send()


def test_the_crawl_reaches_the_forms_behind_the_lists(world, app):
    forms = crawl(world["client"], ["/quan-ly/", "/quan-tri/"], ("/quan-ly", "/quan-tri"))
    actions = {action for _, action in forms}
    for expected in ("/quan-ly/cuoc-hop/1/tai-lieu", "/quan-ly/cuoc-hop/1/sua", "/quan-ly/huong-dan/1/buoc/them",
                     "/quan-ly/ho-so/XT-2026-000001/trang-thai", "/quan-ly/thu-tuc/1.001193/sua",
                     "/quan-ly/to-cong-nghe-so/thanh-vien/1/sua", "/quan-ly/ho-so/nhap"):
        assert expected in actions, sorted(actions)
    assert sum(1 for form in forms.values() if form["files"]) >= 3


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_hostile_input_to_the_forms_behind_the_lists(world, app, htmx):
    client = world["client"]
    forms = crawl(client, ["/quan-ly/", "/quan-tri/"], ("/quan-ly", "/quan-tri"))
    # Forms without a single input (publish, move, delete) have nothing to fuzz; they are tested directly.
    own = f"/quan-tri/nguoi-dung/{client.user.id}"
    forms = {key: form for key, form in forms.items()
             if (form["fields"] or form["files"]) and not key[1].startswith(own)}
    assert ("post", "/quan-tri/nguoi-dung/2") in forms
    _fuzz(app, client, forms, {"HX-Request": "true"} if htmx else {})


def test_hostile_input_to_the_public_forms(world, app):
    citizen = app.test_client()
    status = f"/tra-cuu/XT-2026-000002/{db.session.scalar(select(Dossier.lookup_secret).where(Dossier.id == 2))}"
    starts = ["/kiosk/", "/tra-cuu", "/tra-cuu/XT-2026-000002", status, world["link"]]
    forms = crawl(citizen, starts, ("/kiosk", "/tra-cuu"))
    actions = {action for _, action in forms}
    assert {"/kiosk/tim-kiem", f"{status}/danh-gia", "/tra-cuu/XT-2026-000002", world["link"]} <= actions, sorted(actions)
    _fuzz(app, citizen, forms, {})
