"""Guide steps: ordering and their images, checked by content like meeting documents."""
from sqlalchemy import select

from app import uploads
from app.extensions import db
from app.guides.models import Guide, GuideStep

IMAGE_KINDS = frozenset({"jpeg", "png"})
IMAGE_FOLDER = "guides"


def replace_image(step: GuideStep, file) -> str | None:
    """Check and store an uploaded image for `step`; returns the old stored name to delete after commit.

    Raises uploads.UploadRejected (with a Vietnamese message) and stores nothing when it is not a
    real JPG or PNG.
    """
    checked = uploads.inspect_upload(file, file.filename, IMAGE_KINDS)
    old = step.image_path
    step.image_path = uploads.store(file, checked, IMAGE_FOLDER)
    step.image_type = checked.mimetype
    return old


def drop_image(step: GuideStep) -> str | None:
    old, step.image_path, step.image_type = step.image_path, None, None
    return old


def forget_file(stored_name: str | None) -> None:
    """Delete a stored image no step uses any more (call after the commit)."""
    if stored_name:
        uploads.delete(stored_name)


def add_step(guide: Guide) -> GuideStep:
    step = GuideStep(guide=guide, position=max((s.position for s in guide.steps), default=0) + 1, text="")
    db.session.add(step)
    return step


def move_step(step: GuideStep, offset: int) -> None:
    """Swap a step with its neighbour above (-1) or below (+1)."""
    steps = list(step.guide.steps)
    index = steps.index(step)
    other = index + offset
    if 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
        for position, each in enumerate(steps, start=1):
            each.position = position


def published_guide(guide_id: int) -> Guide | None:
    return db.session.scalar(select(Guide).where(Guide.id == guide_id, Guide.published.is_(True)))
