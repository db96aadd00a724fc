"""Life events (sự kiện cuộc sống): a citizen's situation, and the procedures it needs, in order."""
import json
import re
from pathlib import Path

from sqlalchemy import func, select

from app.catalog.folding import slugify
from app.catalog.models import STATUS_ACTIVE, LifeEvent, LifeEventProcedure, Procedure
from app.extensions import db

SEED_DIR = Path(__file__).parent / "seed"
OTHER_SLUG = "thu-tuc-khac"
ICON_SPRITE = Path(__file__).parent.parent / "static" / "icons" / "life-events.svg"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def available_icons() -> list[str]:
    """The icon names the kiosk's sprite holds (symbol ids without 'icon-')."""
    if not ICON_SPRITE.exists():
        return ["more"]
    return re.findall(r'<symbol[^>]*\bid="icon-([a-z0-9-]+)"', ICON_SPRITE.read_text(encoding="utf-8"))


def events_with_counts() -> list[tuple[LifeEvent, int]]:
    """Every life event with its number of in-force procedures, in display order."""
    count = (
        select(func.count(LifeEventProcedure.procedure_id))
        .join(Procedure)
        .where(LifeEventProcedure.life_event_id == LifeEvent.id, Procedure.status == STATUS_ACTIVE)
        .scalar_subquery()
    )
    rows = db.session.execute(select(LifeEvent, count).order_by(LifeEvent.position, LifeEvent.id))
    return [(event, n) for event, n in rows]


def events_of(procedure: Procedure) -> list[LifeEvent]:
    query = (select(LifeEvent).join(LifeEventProcedure)
             .where(LifeEventProcedure.procedure_id == procedure.id).order_by(LifeEvent.position))
    return list(db.session.scalars(query))


def unique_slug(name: str) -> str:
    """A slug for a new event; fixed from then on, whatever it is renamed to."""
    base = slugify(name)
    taken = set(db.session.scalars(select(LifeEvent.slug).where(LifeEvent.slug.startswith(base))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_event(name: str, icon: str) -> LifeEvent:
    last = db.session.scalar(select(func.max(LifeEvent.position))) or 0
    event = LifeEvent(slug=unique_slug(name), name=name, icon=icon, position=last + 1)
    db.session.add(event)
    return event


def move_event(event: LifeEvent, step: int) -> None:
    """Swap `event` with its neighbour above (-1) or below (+1), renumbering 1..n."""
    events = list(db.session.scalars(LifeEvent.ordered()))
    index, other = events.index(event), events.index(event) + step
    if 0 <= other < len(events):
        events[index], events[other] = events[other], events[index]
    for position, each in enumerate(events, start=1):
        each.position = position


def move_procedure(event: LifeEvent, procedure_id: int, step: int) -> None:
    """Move one procedure up (-1) or down (+1) in the event's list."""
    links = list(event.links)
    index = next((i for i, link in enumerate(links) if link.procedure_id == procedure_id), None)
    if index is None:
        return
    other = index + step
    if 0 <= other < len(links):
        links[index], links[other] = links[other], links[index]
    for position, link in enumerate(links):
        link.position = position


def add_procedure(event: LifeEvent, procedure: Procedure) -> bool:
    """Append `procedure` to the event; False when it is there already."""
    if any(link.procedure_id == procedure.id for link in event.links):
        return False
    last = max((link.position for link in event.links), default=-1)
    event.links.append(LifeEventProcedure(procedure=procedure, position=last + 1))
    return True


def remove_procedure(event: LifeEvent, procedure_id: int) -> None:
    event.links = [link for link in event.links if link.procedure_id != procedure_id]


def procedures_in_no_event() -> list[Procedure]:
    """In-force procedures a citizen cannot reach through any life event."""
    linked = select(LifeEventProcedure.procedure_id)
    query = select(Procedure).where(Procedure.status == STATUS_ACTIVE, Procedure.id.not_in(linked))
    return list(db.session.scalars(query.order_by(Procedure.code)))


# --- Seed: the bundled life events, short names and "what to bring" ---------------------------

def load_citizen_seed() -> str:
    """Fill what a first install (or the upgrade that brought life events) lacks; officers' edits are kept.

    Runs only while no life event exists, so deleting the seed's choices later sticks."""
    if db.session.scalar(select(func.count(LifeEvent.id))):
        return ""
    procedures = {p.code: p for p in db.session.scalars(select(Procedure))}
    named = _fill(procedures, read_short_names(), "short_name")
    brought = _fill(procedures, read_what_to_bring(), "what_to_bring")
    for procedure in procedures.values():
        procedure.refresh_search_text()
    events = read_life_events()
    for position, entry in enumerate(events, start=1):
        event = LifeEvent(slug=entry["slug"], name=entry["name"], icon=entry.get("icon", "more"),
                          position=position)
        event.set_procedures([procedures[c] for c in dict.fromkeys(entry["codes"]) if c in procedures])
        db.session.add(event)
    return f"{len(events)} sự kiện cuộc sống, {named} tên ngắn gọn, {brought} danh sách giấy tờ cần mang theo"


def _fill(procedures: dict, values: dict[str, str], column: str) -> int:
    filled = 0
    for code, value in values.items():
        procedure = procedures.get(code)
        if procedure is not None and not getattr(procedure, column):
            setattr(procedure, column, value)
            filled += 1
    return filled


def read_short_names(path: Path = SEED_DIR / "short_names.tsv") -> dict[str, str]:
    """code -> short name, from 'code<TAB>name' lines ('#' comments)."""
    names = {}
    for line in _data_lines(path):
        code, _, name = line.partition("\t")
        if name.strip():
            names[code.strip()] = name.strip()
    return names


def read_what_to_bring(path: Path = SEED_DIR / "what_to_bring.txt") -> dict[str, str]:
    """code -> lines, from '## code' headings each followed by '- document' lines."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in _data_lines(path):
        if line.startswith("## "):
            current = blocks.setdefault(line[3:].strip(), [])
        elif current is not None and line.startswith("-"):
            current.append(line.lstrip("- ").strip())
    return {code: "\n".join(lines) for code, lines in blocks.items() if lines}


def read_life_events(path: Path = SEED_DIR / "life_events.json") -> list[dict]:
    if not path.exists():
        return []
    events = json.loads(path.read_text(encoding="utf-8"))
    return [event for event in events if _SLUG.match(event.get("slug", ""))]


def _data_lines(path: Path):
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and (not stripped.startswith("#") or stripped.startswith("## ")):
            yield line.rstrip()
