"""Security headers on every response, cookie settings, the CSRF error page, and proxy trust."""
import os

from flask import Flask, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from app.auth.access import is_public

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Read from the environment when the config does not set them.
ENVIRONMENT_DEFAULTS = {"TRUSTED_PROXIES": 0, "STAFF_IDLE_MINUTES": 30, "STAFF_SESSION_HOURS": 12}
HSTS_SECONDS = 365 * 24 * 3600
CSRF_MESSAGE = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi thử lại."


def configure(app: Flask) -> None:
    """Safe cookie defaults (overridable by config), and ProxyFix when behind a trusted proxy."""
    for key, default in ENVIRONMENT_DEFAULTS.items():
        app.config.setdefault(key, int(os.environ.get(key, default)))
    # Flask's own defaults exist already, so these are decided here rather than set as defaults.
    app.config["SESSION_COOKIE_SECURE"] = bool(
        app.config["SESSION_COOKIE_SECURE"]
        or os.environ.get("SESSION_COOKIE_SECURE", "").lower() in ("1", "true", "yes")
        or app.config.get("PREFERRED_URL_SCHEME") == "https")
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    # The token lives as long as the session; the idle timeout ends both.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    # Behind nginx set TRUSTED_PROXIES=1 (the number of proxies in front), or every client
    # shares the proxy's address and the per-address sign-in lockout hits everyone at once.
    proxies = int(app.config.get("TRUSTED_PROXIES", 0))
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)


def untrusted_proxy_warning() -> str | None:
    """Why sign-in limits may hit everyone at once: a proxy forwards addresses that are not trusted."""
    if request.headers.get("X-Forwarded-For") and not current_app.config.get("TRUSTED_PROXIES"):
        return ("Yêu cầu đến qua một máy chủ trung gian (proxy, có X-Forwarded-For) nhưng TRUSTED_PROXIES đang là 0: "
                "mọi người dùng đều mang địa chỉ của proxy, nên giới hạn đăng nhập theo địa chỉ tính chung cho cả cơ quan. "
                "Đặt TRUSTED_PROXIES=1 (số proxy phía trước) rồi khởi động lại.")
    return None


def register(app: Flask) -> None:
    """Add the headers to every response and answer a bad CSRF token in Vietnamese."""
    app.after_request(add_headers)

    @app.errorhandler(CSRFError)
    def csrf_error(_error: CSRFError):
        return render_template("errors/error.html", code=400, message=CSRF_MESSAGE), 400


def add_headers(response):
    """Strict CSP and friends everywhere; staff pages are never stored by a browser or proxy."""
    headers = response.headers
    if current_app.config["SESSION_COOKIE_SECURE"]:
        # Served over HTTPS (the cookie says so): browsers must never fall back to plain HTTP.
        headers.setdefault("Strict-Transport-Security", f"max-age={HSTS_SECONDS}")
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if not is_public(request.endpoint) or request.endpoint == "auth.login":
        headers["Cache-Control"] = "no-store"
    return response
