"""The facts of an event, as written in its YAML file."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator, Field, StringConstraints, ValidationInfo, WithJsonSchema, field_validator, model_validator,
)

from .event_links_model import Proceedings, ProceedingsField, Sponsor
from .fields import Day, WebUrl
from .model_base import Link, Strict
from .programme_model import Award, Keynote, Material
from .speakers import PersonRef
from .timefmt import AOE, Clock, Zone, local_time_fault, localize
from .yamldata import Loc

KINDS: dict[str, str] = {
    "workshop": "Workshop",
    "online-workshop": "Online workshop",
    "symposium": "Symposium",
    "tutorial": "Tutorial",
    "special-issue": "Special issue",
}
MODES: dict[str, str] = {"in-person": "In person", "online": "Online", "hybrid": "Hybrid"}


def _mailto(value: Any) -> Any:
    """Let editors write a plain e-mail address where a contact link is expected."""
    if isinstance(value, str) and "@" in value and ":" not in value:
        return f"mailto:{value}"
    return value


#: A contact: an e-mail address (written plain or as mailto:) or a web page.
Contact = Annotated[
    WebUrl,
    BeforeValidator(_mailto),
    WithJsonSchema({"type": "string", "pattern": r"^(https?://[^\s]+|(mailto:)?[^\s:]+@[^\s]+)$",
                    "examples": ["someone@example.org"]}),
]

#: The base of the models (``Strict``), under the name the other models import.
_Strict = Strict


class Venue(_Strict):
    """Where an in-person event happens."""

    name: str = Field(min_length=1, examples=["Imperial College London, Huxley Building, Rooms 217/218"])
    directions: WebUrl | None = Field(default=None, examples=["https://www.openstreetmap.org/"])


class ImportantDate(_Strict):
    what: str = Field(min_length=1, examples=["Full paper deadline"])
    date: Day = Field(examples=["2025-06-30"])
    #: The date before it changed: an extension, unless ``brought_forward`` says it moved earlier.
    was: Day | None = Field(default=None, examples=["2025-06-25"])
    brought_forward: bool = Field(default=False, examples=[True])

    @model_validator(mode="after")
    def _extended(self) -> ImportantDate:
        if self.was is not None and self.was == self.date:
            raise ValueError("'was' is the date before an extension: it cannot equal 'date'")
        if self.was is None and self.brought_forward:
            raise ValueError("brought_forward says the date moved earlier: give the date it was, e.g. was: 2025-07-02")
        if self.was is not None and self.was > self.date and not self.brought_forward:
            raise ValueError(
                f"'was' ({self.was}) is later than 'date' ({self.date}): 'was' is the date before an "
                "extension, and an extension moves a deadline later; swap the two dates, or, if the "
                "date really moved earlier, say so with brought_forward: true"
            )
        if self.was is not None and self.was < self.date and self.brought_forward:
            raise ValueError(
                f"brought_forward says the date moved earlier, but 'was' ({self.was}) is before 'date' "
                f"({self.date}): that is an extension; remove brought_forward"
            )
        return self


class ImportantDates(_Strict):
    """Deadlines, all at one time of day in one zone (AoE: Anywhere on Earth, UTC-12)."""

    timezone: Literal["AoE"] | Zone = Field(examples=["AoE"])
    time: Clock = Field(default=dt.time(23, 59), examples=["23:59"])
    dates: list[ImportantDate] = Field(min_length=1)

    def located_problems(self, last_day: dt.date | None) -> list[tuple[Loc, str]]:
        """Deadlines out of order, after the event, or at a time that is skipped or repeated."""
        found: list[tuple[Loc, str]] = []
        for i, item in enumerate(self.dates):
            at: Loc = ("important_dates", "dates", i, "date")
            if i and item.date < self.dates[i - 1].date:
                found.append((at, f"the dates are out of order: {item.date} comes before the date above it "
                              f"({self.dates[i - 1].date}); list them in time order"))
            if last_day is not None and item.date > last_day:
                found.append((at, f"{item.date} is after the event ({last_day}): a deadline comes before "
                              "the event; check the year and the month"))
            if fault := local_time_fault(item.date, self.time, self.timezone):
                found.append((at, f"the deadline at {fault}"))
        return found


class Event(_Strict):
    """One event of the initiative: its facts, not its prose."""

    kind: Literal["workshop", "online-workshop", "symposium", "tutorial", "special-issue"] = Field(
        examples=["symposium"]
    )
    description: str = Field(
        min_length=1, max_length=300,
        examples=["A hybrid afternoon of talks on fairness in medical imaging, in London."],
    )
    date: Day | None = Field(default=None, examples=["2025-06-30"])
    end_date: Day | None = Field(default=None, examples=["2025-07-01"])
    start: Clock | None = None
    end: Clock | None = None
    timezone: Zone | None = None
    submission_deadline: Day | None = Field(default=None, examples=["2025-03-31"])
    mode: Literal["in-person", "online", "hybrid"] | None = Field(default=None, examples=["hybrid"])
    stream: str | None = Field(default=None, examples=["Zoom webinar"])
    venue: Venue | None = None
    city: str | None = Field(default=None, examples=["London, United Kingdom"])
    cost: str | None = Field(default=None, examples=["free"])
    registration: WebUrl | None = Field(default=None, examples=["https://example.org/register"])
    contact: Contact | None = Field(default=None, examples=["someone@example.org"])
    host_conference: Link | None = None
    joint_with: Link | None = None
    journal: Link | None = None
    organisers: list[PersonRef] = Field(default_factory=list, examples=[["ben-glocker"]])
    editors: list[PersonRef] = Field(default_factory=list, examples=[["veronika-cheplygina"]])
    keynotes: list[Keynote] = Field(default_factory=list, examples=[["judy-gichoya"]])
    sponsors: list[Sponsor] = Field(default_factory=list)
    submission: WebUrl | None = None
    recordings: WebUrl | None = None
    proceedings: ProceedingsField | None = Field(
        default=None, examples=["https://link.springer.com/book/10.1007/978-3-032-05870-6"])
    important_dates: ImportantDates | None = None
    topics: list[Annotated[str, StringConstraints(min_length=1)]] = Field(
        default_factory=list, examples=[["Assessment of bias in machine learning for medical imaging"]]
    )
    awards: list[Award] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.kind == "special-issue":
            if self.submission_deadline is None:
                raise ValueError("a special issue needs its submission_deadline, e.g. 2025-03-31")
            return self
        if self.date is None:
            raise ValueError("'date' is missing: when does the event take place? e.g. date: 2025-06-30")
        if self.timezone is None:
            raise ValueError("'timezone' is missing: give the IANA zone of the event, e.g. Europe/London")
        if self.mode is None:
            raise ValueError("'mode' is missing: in-person, online or hybrid")
        return self

    @field_validator("end_date")
    @classmethod
    def _end_date_after_date(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        first = info.data.get("date")
        if value is not None and first is not None and value <= first:
            raise ValueError(f"end_date {value} is not after date {first}; leave it out for a one-day event")
        return value

    #: Fields checked against another one: no message of theirs when that one is wrong.
    checked_against: ClassVar[dict[str, str]] = {"end": "start"}

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: dt.time | None, info: ValidationInfo) -> dt.time | None:
        if value is None:
            return value
        start = info.data.get("start")
        if start is None:
            raise ValueError("'end' is given without 'start'; add start, e.g. start: \"14:00\"")
        if info.data.get("end_date") is None and value <= start:
            raise ValueError(f"the event ends at {value:%H:%M}, not after it starts at {start:%H:%M}")
        return value

    def located_problems(self) -> list[tuple[Loc, str]]:
        """Facts that are each valid but do not fit together, at their place in the file."""
        found: list[tuple[Loc, str]] = []
        if self.mode == "online" and self.venue is not None:
            found.append((("venue",), "an online event has no venue, and it would not be shown: remove "
                          "the venue, or write mode: hybrid"))
        if self.date and self.timezone:
            for name, clock in (("start", self.start), ("end", self.end)):
                day = self.end_date if name == "end" and self.end_date else self.date
                if clock and (fault := local_time_fault(day, clock, self.timezone)):
                    found.append(((name,), fault))
        if self.important_dates:
            found += self.important_dates.located_problems(self.last_day if self.date else None)
        return found

    def address(self, fact: str) -> str | None:
        """The web address of a linked fact (registration, recordings, proceedings, submission)."""
        value = getattr(self, fact)
        return value.url if isinstance(value, Proceedings) else value

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def day(self) -> dt.date:
        """The day that places the event in time: its date, or a special issue's deadline."""
        return self.date or self.submission_deadline  # type: ignore[return-value]

    @property
    def last_day(self) -> dt.date:
        return self.end_date or self.day

    def starts(self) -> dt.datetime | None:
        """The instant it starts, when a start time is known."""
        if self.date and self.start and self.timezone:
            return localize(self.date, self.start, self.timezone)
        return None

    def ends(self) -> dt.datetime | None:
        if self.date and self.end and self.timezone:
            return localize(self.end_date or self.date, self.end, self.timezone)
        return None

    def over_at(self) -> dt.datetime:
        """The instant the event is over: its end, else the end of its last day in its zone;
        a special issue's at the end of its deadline, Anywhere on Earth."""
        if end := self.ends():
            return end
        return localize(self.last_day + dt.timedelta(days=1), dt.time(0), self.timezone or AOE)

    def is_past(self, now: dt.datetime) -> bool:
        """Whether the event is over at the instant ``now``."""
        return now >= self.over_at()

    @property
    def submissions_close(self) -> dt.date:
        """The last day to submit: the first important date (the paper deadline comes
        first), else the submission deadline, else the day of the event."""
        if self.important_dates:
            return self.important_dates.dates[0].date
        return self.submission_deadline or self.day

    def submissions_close_at(self) -> dt.datetime:
        """The instant submissions close: the first important date at its time in its zone
        (23:59 AoE is 11:59 UTC the next day), else the end of the submission deadline's day
        Anywhere on Earth, else the event's start."""
        if self.important_dates:
            dates = self.important_dates
            return localize(dates.dates[0].date, dates.time, dates.timezone)
        if self.submission_deadline:
            return localize(self.submission_deadline + dt.timedelta(days=1), dt.time(0), AOE)
        return self.starts() or localize(self.day, dt.time(0), self.timezone or AOE)

    def submissions_closed(self, now: dt.datetime) -> bool:
        return now >= self.submissions_close_at()

    @property
    def location(self) -> str:
        """Where, in full: the venue and the city, or "Online"."""
        if self.mode == "online":
            return "Online"
        venue = self.venue.name if self.venue else ""
        if self.city and self.city not in venue:
            return f"{venue}, {self.city}" if venue else self.city
        return venue

    @property
    def place(self) -> str:
        """Where, in a few words, for listings: the city, or "Online"."""
        if self.mode == "online":
            return "Online"
        where = self.city or (self.venue.name if self.venue else "")
        return f"{where} and online" if self.mode == "hybrid" and where else where


__all__ = ["AOE", "Event", "ImportantDates", "KINDS", "MODES"]
