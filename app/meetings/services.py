"""Meeting documents: upload, replace, delete, publication, download counts and the zip of all."""
import hashlib
import os
import shutil
import tempfile
import zipfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app import uploads
from app.audit import services as audit
from app.core.timeutil import VN_TZ, to_local, utcnow
from app.extensions import db
from app.meetings.models import STATUS_DRAFT, STATUS_PUBLISHED, AgendaItem, Meeting, MeetingDocument

FOLDER = "meetings"
KIOSK_DAYS_AHEAD = 30
KIOSK_LIMIT = 4
ZIP_FORMAT = "stored, local upload times"


def local_today() -> date:
    return to_local(utcnow()).date()


def utc_from_local(day: date, at: time) -> datetime:
    """A Vietnam date and time as the stored naive UTC moment."""
    local = datetime.combine(day, at, tzinfo=VN_TZ)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def add_document(meeting: Meeting, source, filename: str | None, item: AgendaItem | None,
                 title: str, username: str, replaces: MeetingDocument | None = None) -> MeetingDocument:
    """Check and store an upload as a document; raises UploadRejected before anything is written."""
    checked = uploads.inspect_upload(source, filename)
    stored_name = uploads.store(source, checked, FOLDER)
    document = MeetingDocument(
        meeting=meeting, agenda_item_id=item.id if item else None, title=title or Path(checked.original_name).stem,
        original_name=checked.original_name, stored_name=stored_name, kind=checked.kind,
        mimetype=checked.mimetype, size=checked.size, uploaded_by=username,
        position=replaces.position if replaces else _next_position(meeting, item),
    )
    if replaces is not None:
        replaces.replaced_at = utcnow()
        document.replaces_id = replaces.id
        document.agenda_item_id = replaces.agenda_item_id
    db.session.add(document)
    _forget_file_on_rollback(stored_name)
    audit.record("upload", record_type="meeting_document", label=checked.original_name,
                 message=f"Tải lên “{checked.original_name}” ({checked.size:,} byte) cho cuộc họp “{meeting.title}”"
                 + (" (thay bản cũ)" if replaces else ""))
    return document


def _next_position(meeting: Meeting, item: AgendaItem | None) -> int:
    return max((d.position for d in meeting.documents_of(item)), default=0) + 1


def _forget_file_on_rollback(stored_name: str) -> None:
    """A stored file whose row is never committed is removed: nothing is kept half-way."""
    pending = db.session.info.setdefault("meeting_files", [])
    pending.append(stored_name)


def delete_document(document: MeetingDocument) -> None:
    """Remove the row now and the file after the commit."""
    db.session.info.setdefault("meeting_files_deleted", []).append(document.stored_name)
    db.session.delete(document)


def publish(meeting: Meeting, published: bool) -> None:
    meeting.status = STATUS_PUBLISHED if published else STATUS_DRAFT
    meeting.published_at = utcnow() if published else None
    audit.record("publish" if published else "unpublish", record_type="meeting", record_id=meeting.id,
                 label=meeting.title, message=("Công bố" if published else "Thu hồi công bố") + " cuộc họp")


def count_downloads(documents: list[MeetingDocument]) -> None:
    """One more download of each; an UPDATE in the database, so parallel workers never lose one."""
    ids = [d.id for d in documents]
    db.session.execute(update(MeetingDocument).where(MeetingDocument.id.in_(ids)).values(
        download_count=MeetingDocument.download_count + 1, last_downloaded_at=utcnow()))
    db.session.commit()


def numbered_names(documents: list[MeetingDocument]) -> list[str]:
    """Names inside the zip: agenda order, numbered, unique even when two files share a name."""
    width = max(2, len(str(len(documents))))
    return [f"{n:0{width}d}. {d.original_name}" for n, d in enumerate(documents, 1)]


def zip_path(meeting: Meeting) -> Path:
    """The zip of all current documents, built once per set of files and kept beside them.

    Built into a temporary file then renamed, never in memory: 500 MB of documents stay on disk.
    """
    documents = meeting.documents_in_order()
    names = numbered_names(documents)
    # ZIP_FORMAT names how entries are written: a change there must not serve an older zip.
    key = hashlib.sha256(ZIP_FORMAT.encode() + "\n".join(
        f"{d.stored_name}={n}" for d, n in zip(documents, names)).encode())
    folder = uploads.path_of(FOLDER) / "zips"
    target = folder / f"{meeting.id}-{key.hexdigest()[:20]}.zip"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{meeting.id}-*.zip"):
        old.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
    os.close(handle)
    try:
        # Stored, not deflated: PDF, Office and images are compressed already; this costs no CPU.
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for document, name in zip(documents, names):
                _add_to_zip(archive, uploads.path_of(document.stored_name), name, document.uploaded_at)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def _add_to_zip(archive: zipfile.ZipFile, path: Path, name: str, uploaded_at: datetime) -> None:
    """One file, dated with its upload in Vietnam time: a zip stores wall-clock times, no zone."""
    info = zipfile.ZipInfo(name, date_time=to_local(uploaded_at).timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    with open(path, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, 1024 * 1024)


def kiosk_meetings(today: date) -> list[Meeting]:
    """Published public meetings from `today` to a month ahead, soonest first."""
    start = utc_from_local(today, time.min)
    end = utc_from_local(today + timedelta(days=KIOSK_DAYS_AHEAD), time.min)
    query = (select(Meeting).where(Meeting.status == STATUS_PUBLISHED, Meeting.is_public,
                                   Meeting.starts_at >= start, Meeting.starts_at < end)
             .order_by(Meeting.starts_at).limit(KIOSK_LIMIT))
    return list(db.session.scalars(query))


def wifi_text(ssid: str, password: str) -> str:
    """The Wi-Fi QR payload phones understand; \\ ; , : " are escaped as the format asks."""
    def escape(value: str) -> str:
        for char in '\\;,:"':
            value = value.replace(char, "\\" + char)
        return value
    if not password:
        return f"WIFI:T:nopass;S:{escape(ssid)};;"
    return f"WIFI:T:WPA;S:{escape(ssid)};P:{escape(password)};;"


@event.listens_for(Session, "after_commit")
def _committed(session) -> None:
    # Uploads of this transaction are kept; files of deleted rows can go now.
    session.info.pop("meeting_files", None)
    for name in session.info.pop("meeting_files_deleted", []):
        _remove(name)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session) -> None:
    # Rows that never existed leave no files behind; deleted rows that came back keep theirs.
    session.info.pop("meeting_files_deleted", None)
    for name in session.info.pop("meeting_files", []):
        _remove(name)


def _remove(stored_name: str) -> None:
    if not has_app_context():
        return
    try:
        uploads.delete(stored_name)
    except (OSError, ValueError):
        current_app.logger.warning("could not remove %s", stored_name)


def kiosk_entries(today: date) -> list[tuple[Meeting, str]]:
    """(meeting, token) for the kiosk home: public upcoming meetings with a live, PIN-less link."""
    from app.meetings import links

    entries = []
    for meeting in kiosk_meetings(today):
        live = [link for link in links.live_links(meeting) if link.pin_hash is None]
        token = links.token_for(live[-1]) if live else None
        if token:
            entries.append((meeting, token))
    return entries
