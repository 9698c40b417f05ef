"""References to people from event data: a registry id, a registry group, or a one-off person.

In YAML a plain string of the id form (``ben-glocker``) is a registry id; any other
string (``Utku Ozbulak``: a capital letter, a space or a dot) is a one-off name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, ValidationInfo, model_validator
from pydantic.json_schema import JsonSchemaValue

from .fields import Identifier, WebUrl
from .registry_model import Photo, Registry, name_key


#: Written instead of a title or a speaker that is not known yet.
TBC = "tbc"

_ID_FORM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def group_title(group: str) -> str:
    """A group's name as a page shows it: ``advisory-panel`` is "Advisory panel"."""
    return group.replace("-", " ").capitalize()


@dataclass(frozen=True)
class ShownPerson:
    """A person as a page shows them, registry facts and overrides merged."""

    name: str
    homepage: str | None
    affiliation: str | None
    role: str | None = None
    photo: Photo | None = None
    #: The registry group this stands for ("the organizers"), linked to where it is listed.
    group: str | None = None


class PersonRef(BaseModel):
    """``ben-glocker``; ``{id: andrew-king, name: Andy King}``; ``{group: organizers}``;
    ``{name: ..., affiliation: ...}``; or a one-off name as a plain string, ``Utku Ozbulak``.

    A registry id may override the name or affiliation shown on this occasion;
    a one-off person (not in the registry) is given by name, affiliation and,
    optionally, homepage; a group of the registry stands for its members.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier | None = Field(default=None, examples=["ben-glocker"])
    name: str | None = Field(default=None, min_length=1, examples=["Andy King"])
    affiliation: str | None = Field(default=None, min_length=1, examples=["Google DeepMind"])
    homepage: WebUrl | None = Field(default=None, examples=["https://example.org/"])
    role: str | None = Field(default=None, min_length=1, examples=["contact editor"])
    group: Identifier | None = Field(default=None, examples=["organizers"])

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        """An id-form string is a registry id; any other string is a one-off name."""
        if isinstance(value, str):
            return {"id": value} if _ID_FORM.fullmatch(value.strip()) else {"name": value.strip()}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """In the JSON Schema too, a bare id is as good as a mapping."""
        as_mapping = handler(schema)
        return {"anyOf": [{"type": "string", "description": (
            "a person id of the registry (lower-case words joined by hyphens), tbc, or a one-off "
            "person's name"), "examples": ["ben-glocker", "Utku Ozbulak"]}, as_mapping]}

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> PersonRef:
        registry: Registry | None = (info.context or {}).get("registry")
        if self.group is not None:
            return self._known_group(registry)
        if self.id is None:
            if self.name is None:
                raise ValueError(
                    "a person needs a registry id or a name, e.g. 'ben-glocker' or "
                    "{name: Jessica Schrouff, affiliation: GSK}"
                )
            return self
        if self.id == TBC:
            return self
        if self.homepage is not None:
            raise ValueError(
                f"'{self.id}' is in the registry: change the homepage in the people file, not here"
            )
        # An id of a broken entry is reported at that entry already.
        if registry is not None and self.id not in registry.people and not registry.is_broken(self.id):
            raise ValueError(
                f"'{self.id}' is not a person of the registry; {registry.suggest(self.id)} "
                "Add them to the people file, or give a one-off person by name: Ada Example, or "
                "{name: Ada Example, affiliation: ...}"
            )
        return self

    def _known_group(self, registry: Registry | None) -> PersonRef:
        if self.id or self.name or self.affiliation or self.homepage or self.role:
            raise ValueError(
                f"a group stands for its members: give only its name, e.g. {{group: {self.group}}}"
            )
        if registry is not None and registry.broken is not None and self.group not in registry.groups:
            known = ", ".join(sorted(registry.groups)) or "none defined yet"
            raise ValueError(
                f"'{self.group}' is not a group of the registry; the groups of {registry.file} are: {known}"
            )
        return self

    def context_problems(self, context: Mapping[str, Any]) -> list[tuple[tuple[()], str]]:
        """A one-off name that is a registry person's: the name would not link to their page."""
        registry: Registry | None = context.get("registry")
        if registry is None or self.id is not None or self.name is None:
            return []
        pid = registry.names.get(name_key(self.name))
        if pid is None:
            return []
        kept = {f: getattr(self, f) for f in ("affiliation", "role") if getattr(self, f)}
        shown = "{" + ", ".join([f"id: {pid}", *(f"{f}: {v}" for f, v in kept.items())]) + "}" if kept else pid
        return [((), f"'{self.name}' is in the registry as {pid}: write {shown} so the name links to their page")]

    @property
    def bare(self) -> bool:
        """Only an id: nothing is overridden for this occasion."""
        return self.id is not None and not (self.name or self.affiliation or self.role)

    def shown(self, registry: Registry) -> ShownPerson:
        """The person with the overrides of this reference applied."""
        if self.group is not None:
            return ShownPerson(name=group_title(self.group), homepage=None, affiliation=None, group=self.group)
        known = registry.people.get(self.id) if self.id else None
        return ShownPerson(
            name=self.name or (known.name if known else str(self.id)),
            homepage=known.homepage if known else self.homepage,
            affiliation=self.affiliation or (known.affiliation if known else None),
            role=self.role,
            photo=known.photo if known else None,
        )


def at_the_time(ref: PersonRef, occasion: Mapping[str, PersonRef]) -> PersonRef:
    """``ref`` with the name and affiliation recorded for the occasion (an event's own
    entry for that person) where ``ref`` itself gives none; the registry's otherwise."""
    recorded = occasion.get(ref.id) if ref.id else None
    if recorded is None:
        return ref
    update = {f: getattr(recorded, f) for f in ("name", "affiliation") if getattr(ref, f) is None}
    return ref.model_copy(update={f: v for f, v in update.items() if v is not None})


def occasion_of(*lists: Iterable[PersonRef]) -> dict[str, PersonRef]:
    """The people an event records (organisers, keynotes, editors), by registry id: the
    first entry of each person that records a name or an affiliation."""
    found: dict[str, PersonRef] = {}
    for ref in (r for refs in lists for r in refs):
        if getattr(ref, "id", None) and (ref.affiliation or ref.name):
            found.setdefault(ref.id, ref)
    return found
