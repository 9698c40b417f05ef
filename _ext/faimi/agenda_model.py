"""An agenda: the items of an event, in time order, in the event's zone.

A one-day agenda is a list of items; a multi-day agenda is ``{days: [...]}``, each day
with its date and items. An item may group talks that share its slot (``talks:``); a
``session`` item holds timed items of its own (``items:``), with optional chairs.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    ConfigDict, Discriminator, Field, RootModel, Tag, ValidationInfo, field_validator, model_validator,
)

from .event_model import _Strict
from .fields import Day, Identifier, WebUrl
from .speakers import TBC, PersonRef
from .timefmt import Clock

#: Each kind and how a page names it; ``None``: a plain talk, named by its title alone.
KIND_LABELS: dict[str, str | None] = {
    "talk": None,
    "invited-talk": "Invited talk",
    "oral": "Oral presentation",
    "keynote": "Keynote",
    "panel": "Panel",
    "round-table": "Round table",
    "poster-session": "Poster session",
    "poster-pitch": "Poster pitch",
    "break": "Break",
    "opening": "Opening",
    "closing": "Closing",
    "awards": "Awards",
    "social": "Social",
    "session": "Session",
}
ITEM_KINDS = tuple(KIND_LABELS)
#: Kinds that may lie outside the event's hours: arrival with coffee, a dinner after.
LOOSE_KINDS = ("break", "social")

Kind = Literal[
    "talk", "invited-talk", "oral", "keynote", "panel", "round-table", "poster-session", "poster-pitch",
    "break", "opening", "closing", "awards", "social", "session",
]


class ItemLinks(_Strict):
    slides: WebUrl | None = Field(default=None, examples=["https://example.org/slides.pdf"])
    recording: WebUrl | None = Field(default=None, examples=["https://www.youtube.com/watch?v=..."])
    paper: WebUrl | None = Field(default=None, examples=["https://doi.org/..."])
    code: WebUrl | None = Field(default=None, examples=["https://github.com/..."])
    poster: WebUrl | None = Field(default=None, examples=["https://example.org/poster.pdf"])


class Talk(_Strict):
    """A talk: its title (or a paper of the event's papers file), speakers and extras."""

    title: str | None = Field(default=None, min_length=1, examples=["Fairness in chest X-ray models"])
    speakers: list[PersonRef] = Field(default_factory=list, examples=[["ben-glocker"]])
    et_al: bool = Field(default=False, examples=[True])
    paper: Identifier | None = Field(default=None, examples=["ozbulak-frame-sampling"])
    note: str | None = Field(default=None, min_length=1, examples=["Best Oral prize winner"])
    abstract: str | None = Field(default=None, min_length=1, examples=["We show that ..."])
    links: ItemLinks | None = None

    #: Why a field of a timed item is not one of a talk grouped in a slot.
    misplaced_fields: ClassVar[dict[str, str]] = dict.fromkeys(("start", "end", "kind"), (
        "the talks grouped in a slot share its time and kind. To give each talk its own time, "
        "write them as separate items, or as the items of a session, e.g. "
        "{kind: session, start: \"14:00\", end: \"15:00\", items: [{start: \"14:00\", title: A talk}]}"))

    @model_validator(mode="after")
    def _has_title(self) -> Talk:
        if self.title is None and self.paper is None:
            raise ValueError(
                "'title' is missing: give the title (or tbc), or the id of a paper of the event's papers "
                "file, e.g. title: Opening remarks, or paper: ozbulak-frame-sampling"
            )
        return self

    @property
    def to_be_confirmed(self) -> bool:
        return self.title is not None and self.title.strip().lower() == TBC


class AgendaItem(Talk):
    """One row: a talk, a break, a panel..., or a session that holds timed items."""

    start: Clock | None = Field(default=None, examples=["14:00"])
    end: Clock | None = Field(default=None, examples=["14:20"])
    kind: Kind = Field(default="talk", examples=["keynote"])
    moderators: list[PersonRef] = Field(default_factory=list, examples=[["enzo-ferrante"]])
    talks: list[Talk] = Field(default_factory=list)
    chairs: list[PersonRef] = Field(default_factory=list, examples=[["veronika-cheplygina"]])
    items: list[AgendaItem] = Field(default_factory=list)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: dt.time | None, info: ValidationInfo) -> dt.time | None:
        start = info.data.get("start")
        if value is not None and start is not None and value <= start:
            raise ValueError(f"the item ends at {value:%H:%M}, not after it starts at {start:%H:%M}")
        return value

    @model_validator(mode="after")
    def _fits_its_kind(self) -> AgendaItem:
        if self.kind == "session":
            if self.speakers or self.talks or self.moderators:
                raise ValueError(
                    "a session holds timed items and may have chairs, not speakers, talks or moderators; "
                    "put those on its items, e.g. items: [{start: \"14:20\", title: A talk, speakers: [ben-glocker]}]"
                )
            if any(item.kind == "session" for item in self.items):
                raise ValueError("a session cannot hold another session; list the sessions one after the other")
            return self
        if self.items or self.chairs:
            raise ValueError(
                "only a session (kind: session) has 'items' and 'chairs'; for talks that share this "
                "slot use 'talks:', for the people who lead a panel 'moderators:'"
            )
        if self.start is None:
            raise ValueError(
                "'start' is missing: every item but a session has a start time, e.g. start: \"14:00\""
            )
        return self

    def extent(self) -> tuple[dt.time | None, dt.time | None]:
        """When it starts and ends; a session without times spans its items."""
        starts = [i.start for i in self.items if i.start]
        ends = [t for i in self.items for t in (i.end or i.start,) if t]
        return (self.start or min(starts, default=None), self.end or max(ends, default=None))


class AgendaDay(_Strict):
    """One day of a multi-day agenda."""

    date: Day = Field(examples=["2026-06-01"])
    title: str | None = Field(default=None, min_length=1, examples=["Tutorials"])
    items: list[AgendaItem] = Field(min_length=1)


class AgendaDays(_Strict):
    """A multi-day agenda: the days in order."""

    days: list[AgendaDay] = Field(min_length=1)


def _shape(value: Any) -> str:
    # A mapping with days is a multi-day agenda; anything else is read as a list of items
    # (so that a stray mapping is "not a list"). The tags hold "[" so that problems are
    # placed at the data's own path (validation drops such parts of a location).
    return "[days]" if isinstance(value, dict) and "days" in value else "[list]"


class Agenda(RootModel[Annotated[
    Annotated[list[AgendaItem], Tag("[list]")] | Annotated[AgendaDays, Tag("[days]")],
    Discriminator(_shape),
]]):
    """The agenda file: a list of items in time order, or ``days:`` for a multi-day event."""

    model_config = ConfigDict(frozen=True)

    @property
    def days(self) -> list[tuple[dt.date | None, str | None, list[AgendaItem]]]:
        """(date, title, items) of each day; a one-day agenda's date is the event's (None)."""
        if isinstance(self.root, AgendaDays):
            return [(d.date, d.title, d.items) for d in self.root.days]
        return [(None, None, self.root)]

    @property
    def multi_day(self) -> bool:
        return isinstance(self.root, AgendaDays)

    def day_loc(self, index: int) -> tuple[str | int, ...]:
        """Where a day's items are in the file."""
        return ("days", index, "items") if self.multi_day else ()
