"""Staff pages of the register: the list with quick status changes, fast intake, one dossier, receipts.

The public status pages, the statistics and the import attach their routes to the same blueprint
(app.dossiers.blueprint) from their own modules, imported at the bottom.
"""
from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth.access import role_required, safe_next
from app.catalog import display, search
from app.core import htmx
from app.core.htmx import render
from app.dossiers import services
from app.dossiers.blueprint import bp, today, vn_date
from app.dossiers.forms import ApplicantForm, DossierEditForm, DossierForm
from app.dossiers.models import STATUSES, Dossier
from app.extensions import db
from app.qr import services as qr
from app.setting.services import get_setting, unreachable_reason

PER_PAGE = 50
SUGGESTIONS = 8
RECEIPT_SIZES = ("80mm", "a5")


def dossier_or_404(code: str) -> Dossier:
    return Dossier.by_code(code) or abort(404)


def public_status_url(dossier: Dossier) -> str:
    """The address printed as the receipt's QR code: it carries the lookup secret."""
    path = url_for("dossiers.show_status", code=dossier.receipt_code, secret=dossier.lookup_secret)
    return get_setting("public_base_url").rstrip("/") + path


@bp.get("/quan-ly/ho-so/")
@role_required("officer")
def list_dossiers():
    """The register, newest first, filterable; htmx asks for the results block only."""
    wanted = services.ListFilter(query=request.args.get("q", "")[:100].strip(),
                                 status=request.args.get("status", ""), overdue=request.args.get("overdue") == "1")
    page = db.paginate(services.filtered_dossiers(wanted, today()), per_page=PER_PAGE, error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render("dossiers/list.html", "results", page=page, wanted=wanted, args=args,
                  statuses=STATUSES, today=today())


@bp.route("/quan-ly/ho-so/them", methods=["GET", "POST"])
@role_required("officer")
def create_dossier():
    """The fast intake form; a saved dossier opens its page, ready to print the receipt."""
    form = DossierForm()
    if not form.is_submitted():  # the counter page's H key types the ticket's group hint (app.queue)
        form.procedure.data = request.args.get("procedure", "")[:200]
    if form.validate_on_submit():
        dossier = services.save_new_dossier(lambda new: _fill(form, new))
        flash(f"Đã tiếp nhận hồ sơ {dossier.receipt_code}, hẹn trả {vn_date(dossier.due_date)}.", "success")
        return htmx.redirect_to(url_for(".show_dossier", code=dossier.receipt_code))
    response = _intake_page(form, "form")
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


def _fill(form: DossierForm, dossier: Dossier) -> None:
    form.save_to(dossier)
    dossier.change_status("received", current_user, at=dossier.received_at)


def _procedure_choices(form: ApplicantForm) -> dict:
    """What the procedure box and its suggestions need: the kiosk's own search of what was typed."""
    typed = (form.procedure.data or "").strip()
    chosen = form.chosen or form.kept_procedure
    hits = search.search_procedures(typed, limit=SUGGESTIONS) if typed and not chosen else []
    return {"hits": hits, "chosen": chosen, "time_summary": display.time_summary(chosen) if chosen else ""}


def _applicant_context(form: ApplicantForm) -> dict:
    """What the applicant fields show besides the form: the earlier dossiers of a kept CCCD number."""
    number = form.kept_number()
    return {"earlier": Dossier.for_citizen(number) if number else []}


def _intake_page(form: DossierForm, block: str) -> Response:
    return render("dossiers/new.html", block, form=form, **_procedure_choices(form), **_applicant_context(form))


@bp.post("/quan-ly/ho-so/doc-can-cuoc")
@role_required("officer")
def read_id_card():
    """A CCCD scan typed into the applicant box: the applicant fields filled from the card, or the reason not."""
    form = DossierForm()
    form.take_scan()
    if not htmx.is_fragment_request():
        return _intake_page(form, "form")
    return htmx.respond(render_template("dossiers/_applicant.html", form=form, **_applicant_context(form)))


@bp.get("/quan-ly/ho-so/them/goi-y")
@role_required("officer")
def suggest_procedures():
    """Procedures matching what the officer typed, as choices; htmx gets the shared suggestions only."""
    form = DossierForm(request.args, meta={"csrf": False})
    form.procedure.data = request.args.get("procedure", "")[:200]
    if not htmx.is_fragment_request():
        return _intake_page(form, "form")
    return htmx.respond(render_template("dossiers/_suggestions.html", form=form, **_procedure_choices(form)))


@bp.get("/quan-ly/ho-so/them/han-tra")
@role_required("officer")
def preview_due_date():
    """The due date the form would compute for the chosen procedure, channel and time."""
    form = DossierForm(request.args, meta={"csrf": False})
    form.validate()
    return render("dossiers/new.html", "due_hint", form=form, due=form.automatic_due_date(),
                  **_procedure_choices(form))


@bp.get("/quan-ly/ho-so/<code>")
@role_required("officer")
def show_dossier(code: str):
    """One dossier with its history, the status buttons and the receipt links."""
    dossier = dossier_or_404(code)
    return render_template("dossiers/dossier.html", dossier=dossier, today=today(),
                           status_url=public_status_url(dossier), sizes=RECEIPT_SIZES, base_warning=base_warning())


@bp.route("/quan-ly/ho-so/<code>/sua", methods=["GET", "POST"])
@role_required("officer")
def edit_dossier(code: str):
    """Correct the applicant, the procedure or the due date; the history and the audit log keep it."""
    dossier = dossier_or_404(code)
    form = DossierEditForm.for_dossier(dossier)
    if form.validate_on_submit():
        changed = services.correct_dossier(dossier, form.corrections(), current_user)
        db.session.commit()
        flash("Đã lưu thay đổi; in lại biên nhận nếu người nộp cần." if changed else "Không có gì thay đổi.",
              "success" if changed else "info")
        return htmx.redirect_to(url_for(".show_dossier", code=dossier.receipt_code))
    response = render("dossiers/edit.html", "form", form=form, dossier=dossier, **_procedure_choices(form),
                      **_applicant_context(form))
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


def base_warning() -> str | None:
    """Why phones could not open the receipt's QR link (a local or private public address), or None."""
    return unreachable_reason(get_setting("public_base_url") or "")


@bp.post("/quan-ly/ho-so/<code>/trang-thai")
@role_required("officer")
def change_status(code: str):
    """Move a dossier on; from the list, htmx swaps only its row."""
    dossier = dossier_or_404(code)
    # CSRFProtect has already checked the token of every POST.
    status = request.form.get("status", "")
    if status not in dossier.next_statuses:
        abort(422 if status in STATUSES else 400)
    dossier.change_status(status, current_user)
    db.session.commit()
    return _row_or_page(dossier)


@bp.post("/quan-ly/ho-so/<code>/da-tra")
@role_required("officer")
def mark_returned(code: str):
    """The citizen collected the result (or the papers): now they may rate the service."""
    dossier = dossier_or_404(code)
    if dossier.is_open or dossier.result_returned_at:
        abort(422)
    dossier.mark_returned()
    db.session.commit()
    return _row_or_page(dossier)


def _row_or_page(dossier: Dossier) -> Response:
    if not htmx.is_fragment_request():
        return redirect(safe_next(request.form.get("back")) or url_for(".show_dossier", code=dossier.receipt_code), 303)
    response = make_response(render_template("dossiers/_row.html", dossier=dossier, today=today()))
    response.vary.add("HX-Request")
    return response


@bp.get("/quan-ly/ho-so/<code>/bien-nhan/<any('80mm', a5):size>")
@role_required("officer")
def print_receipt(code: str, size: str):
    """The receipt to print: 80 mm thermal roll or A5 sheet."""
    return _printed(dossier_or_404(code), size, slip=False)


@bp.get("/quan-ly/ho-so/<code>/phieu-tra-cuu/<any('80mm', a5):size>")
@role_required("officer")
def print_lookup_slip(code: str, size: str):
    """A slip with the receipt code, lookup secret and QR link, e.g. for a dossier imported from the province."""
    return _printed(dossier_or_404(code), size, slip=True)


def _printed(dossier: Dossier, size: str, slip: bool) -> str:
    url = public_status_url(dossier)
    return render_template("dossiers/receipt.html", dossier=dossier, size=size, status_url=url, slip=slip,
                           qr_version=qr.content_tag(url), commune_name=get_setting("commune_name"),
                           time_summary=display.time_summary(dossier.procedure), base_warning=base_warning())


@bp.get("/quan-ly/ho-so/<code>/qr.svg")
@role_required("officer")
def receipt_qr(code: str):
    """The QR code of the dossier's public status page."""
    return qr.qr_response(public_status_url(dossier_or_404(code)), "svg")


from app.dossiers import import_views, public_views, report_views  # noqa: E402,F401  (routes on this blueprint)
