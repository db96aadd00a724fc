"""Forms for citizens: the download a phone opens from the kiosk's QR code, the kiosk's images and prints."""
from flask import abort, make_response, render_template, request, send_file, url_for

from app import uploads
from app.auth.access import public
from app.catalog.models import Procedure
from app.extensions import csrf, db
from app.paper_forms import kiosk, previews, services
from app.paper_forms.blueprint import bp
from app.paper_forms.models import PaperFile, PaperForm
from app.qr import services as qr

IMMUTABLE = "public, max-age=31536000, immutable"


def _file_or_404(file_id: int) -> PaperFile:
    return db.session.get(PaperFile, file_id) or abort(404)


@bp.get("/mau-don/<int:file_id>")
@public
def download_file(file_id: int):
    """A form's file for a phone: PDFs open in the browser, Word files download. Forms are public."""
    paper_file = _file_or_404(file_id)
    response = send_file(uploads.path_of(paper_file.stored_name), mimetype=paper_file.mimetype,
                         as_attachment=paper_file.kind == "docx", download_name=paper_file.original_name,
                         conditional=True, max_age=0)
    return uploads.sandboxed(response)


@bp.get("/kiosk/mau-don/tep/<int:file_id>/trang-<int:number>")
@public
def page_image(file_id: int, number: int):
    """Image `number` of a file (0: the preview, 1..: printed pages), rendered once at upload."""
    paper_file = _file_or_404(file_id)
    if number > paper_file.page_count or (number == 0 and not paper_file.has_preview):
        abort(404)
    path = uploads.path_of(previews.image_name(paper_file.stored_name, number, paper_file.kind))
    if not path.exists():
        abort(404)
    response = send_file(path, conditional=True, max_age=0,
                         mimetype="image/jpeg" if path.suffix == ".jpg" else "image/png")
    if request.args.get("v") == paper_file.version:
        response.headers["Cache-Control"] = IMMUTABLE  # the URL names this file: it never changes
    return response


@bp.get("/kiosk/mau-don/tep/<int:file_id>/qr.svg")
@public
def file_qr(file_id: int):
    """The QR code of the file's public download link."""
    return qr.qr_response(services.public_url(_file_or_404(file_id)), "svg")


@bp.post("/kiosk/mau-don/<int:form_id>/in")
@public
@csrf.exempt  # kiosk pages are the same for every visitor (cached), with no session to carry a token
def print_form(form_id: int):
    """One print of a form's blank: the print page (its script prints once), or why not."""
    paper_form = db.session.get(PaperForm, form_id) or abort(404)
    procedure = Procedure.by_code(request.form.get("code", ""))
    back = url_for("kiosk.procedure", code=procedure.code) if procedure else url_for("kiosk.home")
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        abort(403)  # another site's page may not spend the kiosk's paper
    try:
        printed, refusal, status = services.claim_print(paper_form), None, 200
    except services.PrintRefused as refused:
        printed, refusal, status = None, refused.message, refused.status
    db.session.commit()
    pages = [url_for(".page_image", file_id=paper_form.blank_id, number=n, v=paper_form.blank.version)
             for n in range(1, paper_form.blank.page_count + 1)] if printed else []
    html = render_template("paper_forms/print.html", paper_form=paper_form, pages=pages, refusal=refusal,
                           back=back, print_id=printed.id if printed else "")
    response = make_response(html, status)
    response.headers["Cache-Control"] = "no-store"
    return response
