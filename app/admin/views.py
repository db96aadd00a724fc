"""Admin pages: staff accounts, the audit log, and the settings the kiosk uses."""
from flask import Blueprint, flash, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.admin import services
from app.admin.forms import AuditFilterForm, PasswordResetForm, SettingsForm, UserCreateForm, UserEditForm
from app.audit import services as audit
from app.audit.models import ACTION_LABELS, AuditEntry, record_type_label
from app.auth.access import require_role
from app.auth.models import User
from app.core import security
from app.core.htmx import redirect_to, render
from app.dossiers.services import forget_citizen_id_numbers
from app.extensions import db
from app.setting import communes
from app.setting import services as settings

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")
AUDIT_PAGE_SIZE = 50


@bp.app_template_global("describe_audit")
def describe_audit(entries) -> dict[int, dict]:
    """Entries worded for staff (record names, Vietnamese columns and values), for admin/_audit_table.html."""
    from app.audit.display import describe_entries  # reads every feature's words: imported when first used

    return describe_entries(entries)


@bp.before_request
def admins_only():
    """Every page here is for admins only."""
    require_role("admin")


@bp.get("/nguoi-dung")
def list_users():
    """All accounts, active first."""
    users = db.session.scalars(User.ordered()).all()
    return render_template("admin/users.html", users=users)


@bp.route("/nguoi-dung/them", methods=["GET", "POST"])
def create_user():
    """Create an account with a temporary password."""
    form = UserCreateForm()
    if form.validate_on_submit():
        user = services.create_user(form.username.data, form.full_name.data, form.role.data,
                                    form.password.data)
        db.session.commit()
        flash(f"Đã tạo tài khoản “{user.username}”. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.",
              "success")
        return redirect_to(url_for("admin.list_users"))
    return _form_page("admin/user_create.html", form)


@bp.route("/nguoi-dung/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int):
    """Change an account's name, role or active state."""
    user = db.get_or_404(User, user_id)
    form = UserEditForm(obj=user)
    if form.validate_on_submit():
        problem = services.update_user(user, form.full_name.data, form.role.data, form.active.data)
        if problem is None:
            db.session.commit()
            flash(f"Đã lưu tài khoản “{user.username}”.", "success")
            return redirect_to(url_for("admin.list_users"))
        form.role.errors.append(problem)
    return _form_page("admin/user_edit.html", form, user=user, reset_form=PasswordResetForm())


@bp.post("/nguoi-dung/<int:user_id>/dat-lai-mat-khau")
def reset_password(user_id: int):
    """Give the account a temporary password to be changed at next sign-in."""
    user = db.get_or_404(User, user_id)
    reset_form = PasswordResetForm()
    if not reset_form.validate_on_submit():
        form = UserEditForm(obj=user, formdata=None)
        response = _form_page("admin/user_edit.html", form, user=user, reset_form=reset_form)
        response.status_code = 422
        return response
    services.reset_password(user, reset_form.password.data)
    db.session.commit()
    flash(f"Đã đặt lại mật khẩu cho “{user.username}”. Người dùng phải đổi mật khẩu khi đăng nhập.",
          "success")
    return redirect_to(url_for("admin.list_users"))


@bp.get("/nhat-ky")
def list_audit_entries():
    """The audit log, newest first, filtered by user, action, record type and dates."""
    form = AuditFilterForm(request.args)
    form.user.choices = _choices(audit.known_values(AuditEntry.username))
    form.action.choices = _choices(ACTION_LABELS.items())
    form.record_type.choices = _choices(
        (t, record_type_label(t)) for t in audit.known_values(AuditEntry.record_type))
    valid = form.validate()
    query = audit.filtered(form.user.data or "", form.action.data or "", form.record_type.data or "",
                           form.since.data if valid else None, form.until.data if valid else None)
    page = db.paginate(query, per_page=AUDIT_PAGE_SIZE, error_out=False)
    return render("admin/audit.html", "entries", form=form, page=page)


@bp.route("/cai-dat", methods=["GET", "POST"])
def edit_settings():
    """Commune name, public address, kiosk idle timeout, announcement and read-aloud voice."""
    form = SettingsForm(data=settings.all_settings())
    if form.validate_on_submit():
        changed = settings.save_settings(form.values())
        # Keeping no numbers means keeping none of those kept so far either (Nghị định 13/2023).
        erased = forget_citizen_id_numbers() if changed.get("keep_citizen_id_number") == [True, False] else 0
        db.session.commit()
        flash(("Đã lưu cài đặt." if changed else "Không có gì thay đổi.")
              + (f" Đã xóa {erased} số căn cước đã lưu." if erased else ""), "success")
        return redirect_to(url_for("admin.edit_settings"))
    province = request.args.get("tinh", "")
    context = {
        "warning": settings.unreachable_reason(form.public_base_url.data or ""),
        "proxy_warning": security.untrusted_proxy_warning(),
        "provinces": communes.provinces(),
        "province": province,
        "suggestions": communes.commune_names(province) if province else [],
    }
    if province and request.method == "GET":
        # Choosing a province refreshes only the suggestions (the whole page without htmx).
        return render("admin/settings.html", "communes", form=form, **context)
    return _form_page("admin/settings.html", form, **context)


def _choices(values) -> list[SelectChoice]:
    """Filter menu options, 'Tất cả' first; `values` are strings or (value, label) pairs."""
    pairs = [v if isinstance(v, tuple) else (v, v) for v in values]
    return [SelectChoice("", "Tất cả")] + [SelectChoice(value, label) for value, label in pairs]


def _form_page(template: str, form, **context):
    """The page, or for htmx its form block; 422 when the submitted form has errors."""
    response = render(template, "form", form=form, current_user=current_user, **context)
    if form.errors:
        response.status_code = 422
    return response
