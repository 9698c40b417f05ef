"""An event's programme besides its agenda, as its facts file writes it: keynotes with
their talks, awards, materials to download.

Files (photos, downloads) are named by their path from the folder of the event's file
(``events/``); ``programme_checks`` checks that they are there.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, WithJsonSchema, model_validator

from .fields import Identifier, WebUrl
from .model_base import Link, Strict
from .speakers import PersonRef
from .yamldata import shorten

_PATH = re.compile(r"^[\w-][\w.-]*(/[\w-][\w.-]*)*$")
_IMAGE = re.compile(r"\.(jpg|jpeg|png)$")


def check_events_path(value: str) -> str:
    """A file under ``events/``, named by a plain relative path."""
    if not _PATH.fullmatch(value):
        raise ValueError(
            f"'{shorten(value)}' is not a file's path: give the path from the folder of the event's file "
            "(events/), without '..', spaces or a leading '/', e.g. materials/2025-miccai-tutorial/slides.pdf"
        )
    return value


def check_image_path(value: str) -> str:
    """A JPEG or PNG file under ``events/``."""
    check_events_path(value)
    if not _IMAGE.search(value):
        raise ValueError(
            f"'{shorten(value)}' is not a photo: give a .jpg or .png file, e.g. images/2025-miccai-workshop/a.jpg"
        )
    return value


#: A file under events/, named by its path from there.
EventsPath = Annotated[
    str, AfterValidator(check_events_path),
    WithJsonSchema({"type": "string", "pattern": _PATH.pattern,
                    "examples": ["materials/2025-miccai-tutorial/slides.pdf"]}),
]
#: A photo under events/, named by its path from there.
ImagePath = Annotated[
    str, AfterValidator(check_image_path),
    WithJsonSchema({"type": "string", "pattern": r"^[\w-][\w.-]*(/[\w-][\w.-]*)*\.(jpg|jpeg|png)$",
                    "examples": ["images/2025-miccai-workshop/tal-arbel.jpg"]}),
]


class EventPhoto(Strict):
    """A picture of the event: a file under events/, and what it shows, for screen readers."""

    src: ImagePath = Field(examples=["images/2025-miccai-workshop/tal-arbel.jpg"])
    alt: str = Field(min_length=1, examples=["Tal Arbel giving her keynote"])


class Keynote(PersonRef):
    """A keynote speaker (a person reference) and their talk."""

    label: str | None = Field(default=None, min_length=1, examples=["FAIMI Keynote"])
    title: str | None = Field(default=None, min_length=1, examples=["Towards Equitable Image-Based Medicine"])
    abstract: str | None = Field(default=None, min_length=1, examples=["What the talk is about, in a paragraph."])
    bio: str | None = Field(default=None, min_length=1, examples=["Who the speaker is, in a few sentences."])
    photo: EventPhoto | None = None


#: The fields of a winner that name a person.
_PERSON_FIELDS = ("id", "name", "affiliation", "homepage", "role", "group")


class AwardWinner(PersonRef):
    """A winner of an award: a paper of the event (``{paper: id}``), a person reference, or a
    paper with the person who received the award for it (``{paper: id, name: ..., affiliation: ...}``)."""

    paper: Identifier | None = Field(default=None, examples=["ozbulak-frame-sampling"])
    photo: EventPhoto | None = None

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> AwardWinner:
        """A paper, a person, or both; the person checked as every person reference is
        (replaces PersonRef's check)."""
        if self.paper is None:
            if self.id is None and self.name is None and self.group is None:
                raise ValueError(
                    "a winner is a paper of the event or a person: give paper: (an id of the papers "
                    "file), a registry id or a name, e.g. {paper: ozbulak-frame-sampling} or "
                    "{name: Ada Example, affiliation: Example University}"
                )
            return PersonRef._known(self, info)  # type: ignore[return-value]
        given = [f for f in _PERSON_FIELDS if getattr(self, f) is not None]
        if not given:
            return self
        if self.group is not None or (self.id is None and self.name is None):
            raise ValueError(
                f"beside paper: {self.paper}, a winner names the one person who received the award for "
                f"it (by registry id or name, with their affiliation), not {', '.join(given)} alone nor a "
                f"group, e.g. {{paper: {self.paper}, name: Utku Ozbulak, affiliation: Ghent University}}"
            )
        return PersonRef._known(self, info)  # type: ignore[return-value]

    @property
    def names_person(self) -> bool:
        """Whether the winner names a person (alone, or who received the award for a paper)."""
        return self.id is not None or self.name is not None or self.group is not None


class Award(Strict):
    """An award of the event, and who won it."""

    id: Identifier = Field(examples=["best-oral"])
    name: str = Field(min_length=1, examples=["Best Oral Presentation Award"])
    sponsor: Link | None = None
    winners: list[AwardWinner] = Field(
        default_factory=list, examples=[[{"paper": "ozbulak-frame-sampling"}, {"name": "Ada Example"}]]
    )
    photo: EventPhoto | None = None


class Material(Strict):
    """Something to download (a file kept in the repository) or to follow (a URL)."""

    title: str = Field(min_length=1, examples=["Slides with notes"])
    file: EventsPath | None = Field(default=None, examples=["materials/2025-miccai-tutorial/slides.pdf"])
    url: WebUrl | None = Field(default=None, examples=["https://www.youtube.com/watch?v=..."])

    @model_validator(mode="after")
    def _one_source(self) -> Material:
        if (self.file is None) == (self.url is None):
            raise ValueError(
                "give either file: (a path from events/, e.g. materials/2025-miccai-tutorial/slides.pdf) "
                "or url: (a web address), not both nor neither"
            )
        return self

