"""Asking before an act that cannot be undone: the first POST shows a question, the second acts.

No script is needed (a plain form, the same URL), so it works wherever the staff pages work.
"""
from flask import render_template, request

CONFIRM_FIELD = "xac_nhan"


def is_confirmed() -> bool:
    """True when the POST came from the confirmation page's button."""
    return request.form.get(CONFIRM_FIELD) == "1"


def ask_first(question: str, consequence: str, button: str, back: str) -> str:
    """The confirmation page: `question`, what will happen, a button that posts again, a way back."""
    return render_template("staff/confirm.html", question=question, consequence=consequence, button=button,
                           back=back, action=request.path, field=CONFIRM_FIELD)
