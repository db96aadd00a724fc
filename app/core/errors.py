"""Error pages in Vietnamese: a citizen never sees a stack trace or an English message."""
from flask import Flask, Response, render_template, request
from flask_login import current_user
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from app.extensions import db

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Bạn không có quyền xem trang này.",
    404: "Không tìm thấy trang này.",
    405: "Thao tác này không được hỗ trợ.",
    410: "Trang này không còn hiệu lực.",
    413: "Tệp quá lớn.",
    422: "Dữ liệu chưa hợp lệ.",
    429: "Bạn thao tác quá nhanh, vui lòng đợi một lát rồi thử lại.",
    503: "Hệ thống đang bận. Vui lòng thử lại sau ít giây.",
}


def register(app: Flask) -> None:
    """Render every HTTP error, and any unexpected one, as a plain Vietnamese page."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        message = MESSAGES.get(error.code or 500, "Đã có lỗi xảy ra.")
        return _error_page(error.code or 500, message)

    @app.errorhandler(OperationalError)
    def database_busy(error: OperationalError):
        # A locked or unreachable database: nothing was written, and trying again is right.
        app.logger.warning("Database unavailable: %s", error)
        response = app.make_response(_error_page(503, MESSAGES[503]))
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        return _error_page(500, "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.")


def _error_page(code: int, message: str):
    """The error page in the staff or kiosk frame; plain text when even that cannot render (database down)."""
    # A failed statement leaves the session unusable until rolled back, and the page reads settings.
    db.session.rollback()
    try:
        return render_template(_error_template(), code=code, message=message), code
    except Exception:  # the page itself needs the database: fall back to words alone
        return Response(message, mimetype="text/plain"), code


def _error_template() -> str:
    """Signed-in staff keep their frame and menu, except on the public pages (kiosk, attendee links)."""
    from app.auth.access import is_public

    staff = current_user.is_authenticated and (request.endpoint is None or not is_public(request.endpoint))
    return "errors/staff_error.html" if staff else "errors/error.html"
