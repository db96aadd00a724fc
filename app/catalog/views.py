"""Staff pages for the catalogue: list, create, edit (inline parts too), retire, review, fields."""
from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from sqlalchemy import select

from app.auth.access import role_required
from app.catalog import columns, display, forms, life_events, services
from app.catalog.blueprint import bp, done as _done, invalid as _invalid
from app.catalog.models import Field, Procedure
from app.core import htmx
from app.core.htmx import render
from app.core.params import record_id
from app.core.timeutil import to_local
from app.extensions import db

PER_PAGE = 50
SHOWN_VALUE = 300  # characters of a long text shown in the import diff
PARTS = {"ten": forms.NameForm, "tu-khoa": forms.KeywordsForm}
PART_BLOCKS = {"ten": "name_part", "tu-khoa": "keywords_part"}


@bp.app_template_filter("local_date")
def local_date(value) -> str:
    """A stored UTC time as a Vietnamese date, e.g. 22/11/2026."""
    return to_local(value).strftime("%d/%m/%Y")


@bp.app_template_filter("column_label")
def column_label(column: str) -> str:
    """A catalogue column as the export's header names it: 'processing_time' -> 'Thời hạn giải quyết'."""
    return columns.LABELS.get(column, column)


@bp.app_template_filter("import_value")
def import_value(value, column: str = "") -> str:
    """One cell of the import diff, in words; long texts shortened."""
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if column == "status":
        return columns.STATUS_LABELS.get(value, value)
    text = str(value)
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + f"… ({len(text)} ký tự)"


def _procedure_or_404(code: str) -> Procedure:
    return Procedure.by_code(code) or abort(404)


def _list_filter() -> services.ListFilter:
    args = request.args
    return services.ListFilter(
        query=args.get("q", "")[:200].strip(),
        field_id=args.get("field", type=record_id),
        status=args.get("status", ""),
        online=args.get("online", ""),
        common=args.get("common") == "1",
        stale=args.get("stale") == "1",
    )


@bp.get("/")
@role_required("viewer")
def list_procedures():
    """Filterable, paginated list; htmx asks for the results block only."""
    wanted = _list_filter()
    page = db.paginate(services.filtered_procedures(wanted), per_page=PER_PAGE, error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render("catalog/list.html", "results", page=page, wanted=wanted, args=args,
                  fields=services.fields_in_order(), is_stale=services.is_stale)


@bp.route("/them", methods=["GET", "POST"])
@role_required("officer")
def create_procedure():
    """A new procedure with its national code."""
    form = forms.NewProcedureForm()
    form.set_fields(services.fields_in_order())
    if form.validate_on_submit():
        procedure = Procedure(code=form.code.data)
        form.save_to(procedure)
        db.session.add(procedure)
        procedure.field = db.session.get(Field, form.field_id.data)
        procedure.refresh_search_text()
        db.session.commit()
        return _done(url_for(".show_procedure", code=procedure.code))
    response = render("catalog/edit.html", "form", form=form, procedure=None)
    return _invalid(response) if form.is_submitted() else response


@bp.get("/<code>")
@role_required("viewer")
def show_procedure(code: str):
    """One procedure with its inline-editable parts and the review and retire actions."""
    return _procedure_page(_procedure_or_404(code))


def _procedure_page(procedure: Procedure, block: str = "content", editing: str | None = None,
                    form=None) -> Response:
    replacement = Procedure.by_code(procedure.replaced_by) if procedure.replaced_by else None
    return render("catalog/procedure.html", block, procedure=procedure, editing=editing, form=form,
                  replacement=replacement, stale=services.is_stale(procedure),
                  events=life_events.events_of(procedure), time_shown=display.time_summary(procedure),
                  fee_shown=display.fee_summary(procedure), needs_time_review=display.needs_time_review(procedure))


@bp.route("/<code>/sua", methods=["GET", "POST"])
@role_required("officer")
def edit_procedure(code: str):
    """Every column of a procedure but its code."""
    procedure = _procedure_or_404(code)
    form = forms.ProcedureForm()
    form.set_fields(services.fields_in_order())
    if form.validate_on_submit():
        form.save_to(procedure)
        db.session.flush()
        db.session.refresh(procedure, ["field"])
        procedure.refresh_search_text()
        db.session.commit()
        flash(f"Đã lưu thủ tục {code}.", "success")
        return _done(url_for(".show_procedure", code=code))
    if not form.is_submitted():
        form.load(procedure)
    response = render("catalog/edit.html", "form", form=form, procedure=procedure)
    return _invalid(response) if form.is_submitted() else response


@bp.route("/<code>/sua-nhanh/<any(ten, 'tu-khoa'):part>", methods=["GET", "POST"])
@role_required("officer")
def edit_procedure_part(code: str, part: str):
    """Inline edit of the name or the keywords: the part swaps itself between view and form."""
    procedure = _procedure_or_404(code)
    form = PARTS[part](obj=procedure)
    if form.validate_on_submit():
        form.populate_obj(procedure)
        procedure.name = " ".join(procedure.name.split())
        procedure.keywords = forms.clean(procedure.keywords)
        procedure.refresh_search_text()
        db.session.commit()
        if not htmx.is_fragment_request():
            return redirect(url_for(".show_procedure", code=code), code=303)
        return _procedure_page(procedure, PART_BLOCKS[part])
    response = _procedure_page(procedure, PART_BLOCKS[part], editing=part, form=form)
    return _invalid(response) if form.is_submitted() else response


@bp.post("/<code>/thuong-gap")
@role_required("officer")
def toggle_common(code: str):
    """Show the procedure first on the kiosk home, or stop doing so."""
    procedure = _procedure_or_404(code)
    if procedure.is_active or procedure.is_common:
        procedure.is_common = not procedure.is_common
    db.session.commit()
    if not htmx.is_fragment_request():
        return redirect(url_for(".show_procedure", code=code), code=303)
    # The button is shared by the list rows and the procedure page: it swaps only itself.
    response = make_response(render_template(
        "catalog/_common_toggle.html", procedure=procedure, compact=request.form.get("compact") == "1"))
    response.vary.add("HX-Request")
    return response


@bp.post("/<code>/ra-soat")
@role_required("officer")
def mark_reviewed(code: str):
    """Record that an officer checked the procedure against the national database today."""
    procedure = _procedure_or_404(code)
    services.mark_reviewed(procedure)
    db.session.commit()
    return _flags(procedure)


def _flags(procedure: Procedure) -> Response:
    if not htmx.is_fragment_request():
        return redirect(url_for(".show_procedure", code=procedure.code), code=303)
    return _procedure_page(procedure, "flags_part")


@bp.route("/<code>/thay-the", methods=["GET", "POST"])
@role_required("officer")
def retire_procedure(code: str):
    """Retire a procedure in favour of an in-force one; the kiosk then sends citizens there."""
    procedure = _procedure_or_404(code)
    form = forms.RetireForm(procedure)
    if form.validate_on_submit():
        services.retire(procedure, form.replacement)
        db.session.commit()
        return _done(url_for(".show_procedure", code=code))
    response = render("catalog/retire.html", "form", form=form, procedure=procedure)
    return _invalid(response) if form.is_submitted() else response


@bp.post("/<code>/khoi-phuc")
@role_required("officer")
def restore_procedure(code: str):
    """Undo a retirement entered by mistake."""
    procedure = _procedure_or_404(code)
    services.restore(procedure)
    db.session.commit()
    return _done(url_for(".show_procedure", code=code))


@bp.get("/linh-vuc")
@role_required("viewer")
def list_fields():
    """Fields in kiosk order, with rename and up/down."""
    return _fields_page()


def _fields_page(block: str = "content", editing: int | None = None, form=None) -> Response:
    return render("catalog/fields.html", block, fields=services.fields_in_order(),
                  counts=services.field_counts(), editing=editing, form=form)


@bp.route("/linh-vuc/<int:field_id>/doi-ten", methods=["GET", "POST"])
@role_required("officer")
def rename_field(field_id: int):
    """Rename a field; its slug, and so its kiosk address, stays the same."""
    field = db.get_or_404(Field, field_id)
    form = forms.FieldNameForm(field, obj=field)
    if form.validate_on_submit():
        field.name = form.name.data
        # The field's name is part of each procedure's searchable text.
        for procedure in db.session.scalars(select(Procedure).where(Procedure.field_id == field.id)):
            procedure.refresh_search_text()
        db.session.commit()
        return _done(url_for(".list_fields"))
    response = _fields_page("field_list", editing=field.id, form=form)
    return _invalid(response) if form.is_submitted() else response


@bp.post("/linh-vuc/<int:field_id>/<any(len, xuong):direction>")
@role_required("officer")
def move_field(field_id: int, direction: str):
    """Move a field one place up or down on the kiosk home."""
    services.move_field(db.get_or_404(Field, field_id), -1 if direction == "len" else 1)
    db.session.commit()
    if not htmx.is_fragment_request():
        return redirect(url_for(".list_fields"), code=303)
    return _fields_page("field_list")


# Routes of the same blueprint, in modules of their own (they import blueprint.py, not this module).
from app.catalog import event_views, transfer_views  # noqa: E402,F401
