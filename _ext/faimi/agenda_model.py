"""An agenda: the items of an event, in time order, in the event's zone."""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import ConfigDict, Field, RootModel, ValidationInfo, field_validator, model_validator

from .event_model import _Strict
from .fields import WebUrl
from .speakers import TBC, PersonRef
from .timefmt import Clock

ITEM_KINDS = ("talk", "keynote", "panel", "poster", "break", "session", "opening", "closing", "social")


class ItemLinks(_Strict):
    slides: WebUrl | None = Field(default=None, examples=["https://example.org/slides.pdf"])
    recording: WebUrl | None = Field(default=None, examples=["https://www.youtube.com/watch?v=..."])
    paper: WebUrl | None = Field(default=None, examples=["https://doi.org/..."])


class AgendaItem(_Strict):
    """One row: a talk, a break, a session heading..."""

    start: Clock | None = Field(default=None, examples=["14:00"])
    end: Clock | None = Field(default=None, examples=["14:20"])
    kind: Literal["talk", "keynote", "panel", "poster", "break", "session", "opening", "closing", "social"] = Field(
        default="talk", examples=["talk"]
    )
    title: str = Field(min_length=1, examples=["Opening remarks"])
    speakers: list[PersonRef] = Field(default_factory=list, examples=[["ben-glocker"]])
    links: ItemLinks | None = None

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: time | None, info: ValidationInfo) -> time | None:
        start = info.data.get("start")
        if value is not None and start is not None and value <= start:
            raise ValueError(f"the item ends at {value:%H:%M}, not after it starts at {start:%H:%M}")
        return value

    @model_validator(mode="after")
    def _has_start(self) -> AgendaItem:
        if self.start is None and self.kind != "session":
            raise ValueError(
                "'start' is missing: every item but a session heading has a start time, e.g. start: \"14:00\""
            )
        return self

    @property
    def to_be_confirmed(self) -> bool:
        return self.title.strip().lower() == TBC


class Agenda(RootModel[list[AgendaItem]]):
    """The agenda file: a list of items, in time order."""

    model_config = ConfigDict(frozen=True)
