"""The people registry: every person once, by id, and the groups that list them.

The model and its loading; no Sphinx here (the build's glue is :mod:`faimi.registry`)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler, StringConstraints, ValidationError,
    WithJsonSchema, model_validator,
)
from pydantic.json_schema import JsonSchemaValue

from .fields import Identifier, WebUrl
from .paths import file_problem, inside, outside_message, root_of
from .validation import validate
from .yamldata import Problem, YamlData, load_yaml, shorten

def check_orcid(value: str) -> str:
    """An ORCID iD whose last character is its check digit (ISO 7064 MOD 11-2)."""
    total = 0
    for digit in value.replace("-", "")[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if value[-1] != expected:
        raise ValueError(
            f"'{value}' is not an ORCID iD: its last character should be {expected} (a check digit); "
            "copy the iD from the person's ORCID page, e.g. 0000-0002-1825-0097"
        )
    return value


Orcid = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"), AfterValidator(check_orcid)
]


_PHOTO_PATH = re.compile(r"^[\w-][\w.-]*(/[\w-][\w.-]*)*\.(jpg|jpeg|png)$")


def check_photo_path(value: str) -> str:
    """A JPEG or PNG file under the registry's folder, named by a plain relative path."""
    if not _PHOTO_PATH.fullmatch(value):
        raise ValueError(
            f"'{shorten(value)}' is not a photo's path: give a .jpg or .png file from the folder of the "
            "people file, without '..' or a leading '/'"
        )
    return value


PhotoPath = Annotated[
    str,
    AfterValidator(check_photo_path),
    WithJsonSchema({"type": "string", "pattern": _PHOTO_PATH.pattern, "examples": ["photos/ben-glocker.jpg"]}),
]


class Photo(BaseModel):
    """A portrait: an image file beside the registry, and what it shows, for screen readers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    src: PhotoPath = Field(examples=["photos/ben-glocker.jpg"])
    alt: str = Field(min_length=1, examples=["Ben Glocker in front of a whiteboard"])


class Person(BaseModel):
    """One person, as the pages show them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, examples=["Ben Glocker"])
    homepage: WebUrl = Field(examples=["https://www.imperial.ac.uk/people/b.glocker"])
    affiliation: str = Field(min_length=1, examples=["Imperial College London"])
    country: str | None = Field(default=None, examples=["United Kingdom"])
    pronouns: str | None = Field(default=None, examples=["she/her"])
    orcid: Orcid | None = Field(default=None, examples=["0000-0002-1825-0097"])
    photo: Photo | None = None


class Member(BaseModel):
    """A person in a group: a plain id, or ``{id: x, role: Social media}`` with their role in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier = Field(examples=["akshit-achara"])
    role: str | None = Field(default=None, min_length=1, examples=["Website coordinator"])

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """In the JSON Schema too, a plain id is as good as a mapping."""
        return {"anyOf": [{"type": "string", "description": "a person id of the registry",
                           "examples": ["ben-glocker"]}, handler(schema)]}


class PeopleFile(BaseModel):
    """The registry file: people by id, and named groups of ids (with roles) in display order."""

    model_config = ConfigDict(extra="forbid")

    people: dict[Identifier, Person] = Field(
        examples=[{"ben-glocker": {"name": "Ben Glocker", "homepage": "https://example.org/",
                                   "affiliation": "Imperial College London"}}]
    )
    groups: dict[Identifier, list[Member]] = Field(
        default_factory=dict,
        examples=[{"organizers": ["ben-glocker", "enzo-ferrante"],
                   "activity-committee": [{"id": "akshit-achara", "role": "Website coordinator"}]}],
    )


@dataclass(frozen=True)
class Registry:
    """The people and groups that loaded without problems."""

    file: str
    people: Mapping[str, Person] = field(default_factory=dict)
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The roles of the groups' members who have one: group -> person id -> role.
    roles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Ids whose entries in the file are broken (and reported); None when the file has
    #: no readable mapping of people, so that any id may be one of them.
    broken: frozenset[str] | None = frozenset()
    #: Each photo the file names, by person id, as a path from the project's root.
    photo_files: Mapping[str, str] = field(default_factory=dict)
    #: The ids of the people by their names as :func:`name_key` compares them (the first
    #: id of a name given twice, which the file's check reports).
    names: Mapping[str, str] = field(default_factory=dict)

    def is_broken(self, person_id: str) -> bool:
        """Whether ``person_id`` may be a broken entry of the file, reported there already."""
        return self.broken is None or person_id in self.broken

    def suggest(self, person_id: str) -> str:
        """A hint naming the closest known ids, for an unknown ``person_id``."""
        close = difflib.get_close_matches(person_id, list(self.people), n=3, cutoff=0.5)
        if close:
            return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        return f"the people are listed in {self.file}."


def name_key(name: str) -> str:
    """A name as names are compared: ``Émma  stanley`` and ``Emma Stanley`` are one name
    (without accents, case, or extra spaces)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def load_registry(path: Path, shown_as: str) -> tuple[Registry, list[Problem]]:
    """Load and check the registry; what is broken is reported and left out. A registry
    that is a link to a file outside the project is not read."""
    root = root_of(path, shown_as)
    if not inside(root, path):
        return Registry(shown_as, broken=None), [Problem(shown_as, 1, outside_message(shown_as))]
    doc, problems = load_yaml(path, shown_as)
    if doc is None:
        return Registry(shown_as, broken=None), problems
    model, found = validate(PeopleFile, doc)
    problems += found
    registry = _registry(shown_as, model) if model else _salvage(doc)
    defined = _defined_ids(doc)
    problems += _unknown_members(doc, registry, defined or set())
    problems += _repeated_members(doc, registry) + _same_people(doc, registry)
    people, photo_files, found = _placed_photos(doc, registry, root)
    problems += found
    known = {g: tuple(m for m in ids if m in people) for g, ids in registry.groups.items()}
    broken = None if defined is None else frozenset(defined - set(people))
    names: dict[str, str] = {}
    for pid, person in people.items():
        names.setdefault(name_key(person.name), pid)
    return Registry(shown_as, people, known, registry.roles, broken, photo_files, names), problems


def _registry(shown_as: str, model: PeopleFile) -> Registry:
    groups = {g: tuple(m.id for m in members) for g, members in model.groups.items()}
    roles = {g: {m.id: m.role for m in members if m.role} for g, members in model.groups.items()}
    return Registry(shown_as, model.people, groups, roles)


def _salvage(doc: YamlData) -> Registry:
    """The valid entries of a registry file that failed validation as a whole."""
    data = doc.data if isinstance(doc.data, dict) else {}
    people: dict[str, Person] = {}
    entries = data.get("people")
    for pid, entry in entries.items() if isinstance(entries, dict) else ():
        try:
            people[str(pid)] = Person.model_validate(entry)
        except ValidationError:
            continue
    groups = data.get("groups")
    valid_groups: dict[str, tuple[str, ...]] = {}
    roles: dict[str, dict[str, str]] = {}
    for group, members in groups.items() if isinstance(groups, dict) else ():
        if not isinstance(members, list):
            continue
        valid = []
        for value in members:
            try:
                valid.append(Member.model_validate(value))
            except ValidationError:
                continue
        valid_groups[str(group)] = tuple(m.id for m in valid)
        roles[str(group)] = {m.id: m.role for m in valid if m.role}
    return Registry(doc.file, people, valid_groups, roles)


def _defined_ids(doc: YamlData) -> set[str] | None:
    """The ids under ``people:``, valid entries or not; None if there is no such mapping."""
    entries = doc.data.get("people") if isinstance(doc.data, dict) else None
    return {str(pid) for pid in entries} if isinstance(entries, dict) else None


def _unknown_members(doc: YamlData, registry: Registry, defined: set[str]) -> list[Problem]:
    """Group members that are not defined at all (a defined but broken entry is reported already)."""
    return [
        doc.problem(
            ("groups", group, i),
            f"groups.{group}[{i}]: '{member}' is not a person of the registry; "
            f"{registry.suggest(member)} Each group lists ids defined under 'people:', "
            "for example: - ben-glocker, or with a role: - {id: ben-glocker, role: Website coordinator}",
        )
        for group, ids in registry.groups.items()
        for i, member in enumerate(ids)
        if member not in defined
    ]


def photo_problem(root: Path, folder: PurePosixPath, shown: str) -> str | None:
    """What is wrong with the image ``shown`` (a path from ``folder``, itself from ``root``),
    if anything: not there, outside the project (a link), not an image."""
    missing = f"there is no image '{shown}' in {folder}/; give the image's path from that folder"
    return file_problem(root, folder, shown, missing, image=True)


def _repeated_members(doc: YamlData, registry: Registry) -> list[Problem]:
    """An id listed twice in one group."""
    found = []
    for group, ids in registry.groups.items():
        for i, member in enumerate(ids):
            if member in ids[:i]:
                found.append(doc.problem(("groups", group, i), (
                    f"groups.{group}[{i}]: '{member}' is listed already, at [{ids.index(member)}]; "
                    "a group lists each person once: remove one")))
    return found


def _same_people(doc: YamlData, registry: Registry) -> list[Problem]:
    """Two ids with the same name or the same homepage: most likely one person, twice."""
    found = []
    first: dict[tuple[str, str], str] = {}
    for pid, person in registry.people.items():
        for fact, value in (("name", " ".join(person.name.casefold().split())),
                            ("homepage", person.homepage.rstrip("/").removeprefix("https://").removeprefix("http://"))):
            other = first.setdefault((fact, value), pid)
            if other != pid:
                found.append(doc.problem(("people", pid), (
                    f"people.{pid}: the same {fact} as people.{other} (line {doc.line_of(('people', other))}): "
                    "a person is registered once, under one id, so that their name and affiliation never "
                    "drift apart; keep one entry and use its id everywhere")))
                break
    return found


def _placed_photos(
    doc: YamlData, registry: Registry, root: Path
) -> tuple[dict[str, Person], dict[str, str], list[Problem]]:
    """The people with their photos' paths from the project's root, and those paths.

    A photo that is not there, not inside the project or not an image is reported,
    and left out of the person.
    """
    people: dict[str, Person] = {}
    photo_files: dict[str, str] = {}
    problems: list[Problem] = []
    base = PurePosixPath(doc.file).parent
    for pid, person in registry.people.items():
        if person.photo is not None:
            photo_files[pid] = str(base / person.photo.src)
            wrong = photo_problem(root, base, person.photo.src)
            if wrong is None:
                placed = person.photo.model_copy(update={"src": f"/{photo_files[pid]}"})
                person = person.model_copy(update={"photo": placed})
            else:
                problems.append(doc.problem(("people", pid, "photo", "src"), (
                    f"people.{pid}.photo.src: {wrong}, e.g. src: photos/{pid}.jpg")))
                person = person.model_copy(update={"photo": None})
        people[pid] = person
    return people, photo_files, problems
