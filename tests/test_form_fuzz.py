"""Every staff form fed random and hostile input: never a 500, and a refusal writes nothing."""
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.extensions import db

# Counters and logs that a refused request may legitimately touch.
BOOKKEEPING = {"audit_entry", "revision", "sign_in_throttle", "lookup_throttle", "receipt_counter"}
SKIPPED_ACTIONS = {"/dang-xuat", "/dang-nhap", "/doi-mat-khau"}  # would end the fuzzing session
HOSTILE = st.sampled_from([
    "", " ", "<script>alert(1)</script>", "' OR 1=1 --", "%", "_", "\x00", "🙂", "9" * 40, "-1", "0",
    "2026-02-30", "31/12/1899", "1.001193", "javascript:alert(1)", "http://127.0.0.1/", "đ" * 300,
])
VALUE = st.one_of(HOSTILE, st.text(max_size=60))


class FormParser(HTMLParser):
    """Collects (action, field names) of every POST form on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, set[str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self.forms.append((attributes.get("action") or "", set()))
        elif tag in ("input", "select", "textarea") and self.forms and attributes.get("name"):
            if attributes.get("type") != "file":
                self.forms[-1][1].add(attributes["name"])


def _staff_pages(app) -> list[str]:
    return sorted(
        rule.rule for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.rule.startswith(("/quan-ly", "/quan-tri"))
        and not rule.rule.endswith((".csv", ".xlsx"))
    )


def _forms(client, app) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for page in _staff_pages(app):
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.content_type:
            continue
        parser = FormParser()
        parser.feed(response.get_data(as_text=True))
        for action, names in parser.forms:
            target = action or page
            if target not in SKIPPED_ACTIONS:
                forms.setdefault(target, set()).update(names - {"csrf_token"})
    return forms


def _row_counts() -> dict[str, int]:
    return {
        name: db.session.scalar(select(func.count()).select_from(table))
        for name, table in db.metadata.tables.items() if name not in BOOKKEEPING
    }


def test_staff_pages_offer_forms_to_fuzz(seeded_app, admin_client):
    """The crawl must find the real forms, or the fuzzing below would prove nothing."""
    forms = _forms(admin_client, seeded_app)
    assert {"/quan-ly/thu-tuc/them", "/quan-tri/cai-dat", "/quan-ly/ho-so/them"} <= set(forms)
    assert len(forms) >= 10


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_random_input_to_every_form(seeded_app, admin_client, htmx):
    forms = _forms(admin_client, seeded_app)
    headers = {"HX-Request": "true"} if htmx else {}

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def post_random(data):
        for action, names in forms.items():
            values = {name: data.draw(VALUE, label=name) for name in sorted(names)}
            db.session.remove()
            before = _row_counts()
            response = admin_client.post(action, data=values, headers=headers)
            assert response.status_code < 500, (action, values, response.status_code)
            if response.status_code >= 400:
                db.session.remove()
                assert _row_counts() == before, (action, values)

    post_random()
