"""Error pages in Vietnamese: a citizen never sees a stack trace or an English message."""
from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Bạn không có quyền xem trang này.",
    404: "Không tìm thấy trang này.",
    405: "Thao tác này không được hỗ trợ.",
    410: "Trang này không còn hiệu lực.",
    413: "Tệp quá lớn.",
    422: "Dữ liệu chưa hợp lệ.",
    429: "Bạn thao tác quá nhanh, vui lòng đợi một lát rồi thử lại.",
}


def register(app: Flask) -> None:
    """Render every HTTP error, and any unexpected one, as a plain Vietnamese page."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        message = MESSAGES.get(error.code or 500, "Đã có lỗi xảy ra.")
        return render_template("errors/error.html", code=error.code, message=message), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        message = "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút."
        return render_template("errors/error.html", code=500, message=message), 500
