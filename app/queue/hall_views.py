"""The hall screen (màn hình gọi số): a read-only TV page polling a tiny fragment, with chime and speech."""
from flask import Response, render_template, request

from app.auth.access import public
from app.extensions import db
from app.kiosk import read_aloud
from app.queue import hall, services
from app.queue.blueprint import bp
from app.queue.models import Call

# The screen asks every POLL_MS; a call reaches it within that plus one request (bench/queue.py).
POLL_MS = 1000


@bp.get("/man-hinh")
@public
def show_hall():
    """The whole screen; hall.js then refreshes its board."""
    state = hall.hall_state(services.today())
    return _response(render_template("queue/hall.html", state=state, poll_ms=POLL_MS))


@bp.get("/man-hinh/bang")
@public
def hall_board():
    """The board only; 204 when it is what the screen already shows (its version in ?v=)."""
    state = hall.hall_state(services.today())
    if request.args.get("v") == state.version:
        return Response(status=204, headers={"Cache-Control": "no-store"})
    return _response(render_template("queue/_hall_board.html", state=state))


@bp.get("/man-hinh/chuong.wav")
@public
def chime():
    """The two-note chime played before each call."""
    response = Response(hall.chime_wav(), mimetype="audio/wav")
    response.cache_control.public, response.cache_control.max_age = True, 86400
    return response


@bp.get("/man-hinh/goi/<int:call_id>.wav")
@public
def call_audio(call_id: int):
    """'Mời số A mười lăm đến quầy số hai' in the kiosk's voice (404 when the server cannot speak)."""
    return read_aloud.audio_response(db.get_or_404(Call, call_id).announcement)


def _response(html: str) -> Response:
    response = Response(html, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
