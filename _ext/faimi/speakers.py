"""References to people from event data: a registry id, or a one-off person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, ValidationInfo, model_validator
from pydantic.json_schema import JsonSchemaValue

from .fields import Identifier, WebUrl
from .registry_model import Photo, Registry


#: Written instead of a title or a speaker that is not known yet.
TBC = "tbc"


@dataclass(frozen=True)
class ShownPerson:
    """A person as a page shows them, registry facts and overrides merged."""

    name: str
    homepage: str | None
    affiliation: str | None
    role: str | None = None
    photo: Photo | None = None


class PersonRef(BaseModel):
    """``ben-glocker``; ``{id: andrew-king, name: Andy King}``; or ``{name: ..., affiliation: ...}``.

    A registry id may override the name or affiliation shown on this occasion;
    a one-off person (not in the registry) is given by name, affiliation and,
    optionally, homepage.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier | None = Field(default=None, examples=["ben-glocker"])
    name: str | None = Field(default=None, min_length=1, examples=["Andy King"])
    affiliation: str | None = Field(default=None, min_length=1, examples=["Google DeepMind"])
    homepage: WebUrl | None = Field(default=None, examples=["https://example.org/"])
    role: str | None = Field(default=None, min_length=1, examples=["contact editor"])

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """In the JSON Schema too, a bare id is as good as a mapping."""
        as_mapping = handler(schema)
        return {"anyOf": [{"type": "string", "description": "a person id of the registry, or tbc",
                           "examples": ["ben-glocker"]}, as_mapping]}

    @model_validator(mode="after")
    def _known(self, info: ValidationInfo) -> PersonRef:
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
        registry: Registry | None = (info.context or {}).get("registry")
        # An id of a broken entry is reported at that entry already.
        if registry is not None and self.id not in registry.people and not registry.is_broken(self.id):
            raise ValueError(
                f"'{self.id}' is not a person of the registry; {registry.suggest(self.id)} "
                "Add them to the people file, or give a one-off person as {name: ..., affiliation: ...}"
            )
        return self

    @property
    def bare(self) -> bool:
        """Only an id: nothing is overridden for this occasion."""
        return self.id is not None and not (self.name or self.affiliation or self.role)

    def shown(self, registry: Registry) -> ShownPerson:
        """The person with the overrides of this reference applied."""
        known = registry.people.get(self.id) if self.id else None
        return ShownPerson(
            name=self.name or (known.name if known else str(self.id)),
            homepage=known.homepage if known else self.homepage,
            affiliation=self.affiliation or (known.affiliation if known else None),
            role=self.role,
            photo=known.photo if known else None,
        )
