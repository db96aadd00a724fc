"""The HTTP side of bench/integrity.py: a cookie-keeping client, the real sign-in and one create."""
import http.client
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import loadgen
import run

PROCEDURE = run.CODE
INTAKE = "/quan-ly/ho-so/them"
CREATED = re.compile(r"/quan-ly/ho-so/([^/?#]+)$")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
VN_TZ = timezone(timedelta(hours=7))
# The seeded procedure states no processing time, so the form needs the due date given.
DUE = (datetime.now(VN_TZ) + timedelta(days=15)).strftime("%Y-%m-%d")


@dataclass
class Answer:
    """What the client saw for one create: 'ok', 'retryable', 'error' (an HTTP answer) or 'cut'."""

    name: str
    kind: str
    status: int = 0
    code: str = ""


class Client:
    """One persistent HTTP/1.1 connection with its own cookies, like one browser tab."""

    def __init__(self, port: int, cookies: dict | None = None) -> None:
        self.port, self.cookies = port, dict(cookies or {})
        self.connection = http.client.HTTPConnection(loadgen.HOST, port, timeout=60)

    def send(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        """Status, Location and body; on a broken connection reconnect next time and re-raise."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urlencode(form) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text_ = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise
        for raw in response.msg.get_all("Set-Cookie") or ():
            self.cookies.update({k: m.value for k, m in SimpleCookie(raw).items()})
        return response.status, response.getheader("Location", ""), text_

    def token(self, path: str) -> str:
        status, _, page = self.send("GET", path)
        found = CSRF.search(page)
        if status != 200 or not found:
            raise run.SetupError(f"GET {path} answered {status} without a CSRF token")
        return found.group(1)

    def close(self) -> None:
        self.connection.close()


def sign_in(port: int, user: str, password: str) -> tuple[dict, str]:
    """Sign in through /dang-nhap; the session cookies and the intake form's CSRF token."""
    client = Client(port)
    try:
        form = {"csrf_token": client.token("/dang-nhap"), "username": user, "password": password, "next": ""}
        status, _, _ = client.send("POST", "/dang-nhap", form)
        if status not in (302, 303):
            raise run.SetupError(f"sign-in answered {status}")
        return client.cookies, client.token(INTAKE)
    finally:
        client.close()


def intake_form(name: str, token: str) -> dict:
    received = datetime.now(VN_TZ).strftime("%Y-%m-%dT%H:%M")
    return {"csrf_token": token, "procedure": PROCEDURE, "procedure_code": PROCEDURE,
            "applicant_name": name, "applicant_phone": "0912 345 678", "channel": "direct",
            "received_at": received, "due_date": DUE}


def create(client: Client, name: str, token: str) -> Answer:
    """POST one dossier; success is the 303 to the new dossier's page."""
    try:
        status, location, body = client.send("POST", INTAKE, intake_form(name, token))
    except (OSError, http.client.HTTPException):
        return Answer(name, "cut")
    created = CREATED.search(location) if status in (302, 303) else None
    if created and not created.group(1) == "them":
        return Answer(name, "ok", status, created.group(1))
    retryable = status in (429, 503) or (status != 500 and "thử lại" in body)
    return Answer(name, "retryable" if retryable else "error", status)
