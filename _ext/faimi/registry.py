"""The people registry: every person once, by id, and the groups that list them."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .fields import Identifier, WebUrl
from .report import report
from .validation import validate
from .yamldata import Problem, YamlData, load_yaml

Orcid = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]


class Photo(BaseModel):
    """A portrait: an image file beside the registry, and what it shows, for screen readers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    src: str = Field(pattern=r"^[\w-][\w.-]*(/[\w-][\w.-]*)*\.(jpg|jpeg|png|webp|svg)$",
                     examples=["photos/ben-glocker.jpg"])
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


class PeopleFile(BaseModel):
    """The registry file: people by id, and named groups of ids in display order."""

    model_config = ConfigDict(extra="forbid")

    people: dict[Identifier, Person] = Field(
        examples=[{"ben-glocker": {"name": "Ben Glocker", "homepage": "https://example.org/",
                                   "affiliation": "Imperial College London"}}]
    )
    groups: dict[Identifier, list[str]] = Field(
        default_factory=dict, examples=[{"organizers": ["ben-glocker", "enzo-ferrante"]}]
    )


@dataclass(frozen=True)
class Registry:
    """The people and groups that loaded without problems."""

    file: str
    people: Mapping[str, Person] = field(default_factory=dict)
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: False when the file has problems: an id missing here may be a broken entry.
    complete: bool = True

    def suggest(self, person_id: str) -> str:
        """A hint naming the closest known ids, for an unknown ``person_id``."""
        close = difflib.get_close_matches(person_id, list(self.people), n=3, cutoff=0.5)
        if close:
            return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        return f"the people are listed in {self.file}."


def load_registry(path: Path, shown_as: str) -> tuple[Registry, list[Problem]]:
    """Load and check the registry; what is broken is reported and left out."""
    doc, problems = load_yaml(path, shown_as)
    if doc is None:
        return Registry(shown_as, complete=False), problems
    model, found = validate(PeopleFile, doc)
    problems += found
    registry = _registry(shown_as, model) if model else _salvage(doc)
    problems += _unknown_members(doc, registry)
    people, found = _placed_photos(doc, registry, path.parent)
    problems += found
    known = {g: tuple(m for m in ids if m in people) for g, ids in registry.groups.items()}
    return Registry(shown_as, people, known, complete=not problems), problems


def _registry(shown_as: str, model: PeopleFile) -> Registry:
    return Registry(shown_as, model.people, {g: tuple(ids) for g, ids in model.groups.items()})


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
    valid_groups = {
        str(g): tuple(str(m) for m in ids)
        for g, ids in (groups.items() if isinstance(groups, dict) else ())
        if isinstance(ids, list)
    }
    return Registry(doc.file, people, valid_groups)


def _unknown_members(doc: YamlData, registry: Registry) -> list[Problem]:
    """Group members that are not defined at all (a defined but broken entry is reported already)."""
    entries = doc.data.get("people") if isinstance(doc.data, dict) else None
    defined = {str(pid) for pid in entries} if isinstance(entries, dict) else set()
    return [
        doc.problem(
            ("groups", group, i),
            f"groups.{group}[{i}]: '{member}' is not a person of the registry; "
            f"{registry.suggest(member)} Each group lists ids defined under 'people:', "
            "for example: - ben-glocker",
        )
        for group, ids in registry.groups.items()
        for i, member in enumerate(ids)
        if member not in defined
    ]


def _placed_photos(doc: YamlData, registry: Registry, folder: Path) -> tuple[dict[str, Person], list[Problem]]:
    """The people with each photo's path made relative to the project; a missing photo is reported and left out."""
    people: dict[str, Person] = {}
    problems: list[Problem] = []
    base = PurePosixPath(doc.file).parent
    for pid, person in registry.people.items():
        if person.photo is not None and not (folder / person.photo.src).is_file():
            problems.append(doc.problem(("people", pid, "photo", "src"), (
                f"people.{pid}.photo.src: there is no image '{person.photo.src}' in {base}/; give the "
                f"image's path from that folder, e.g. src: photos/{pid}.jpg")))
            person = person.model_copy(update={"photo": None})
        elif person.photo is not None:
            photo = person.photo.model_copy(update={"src": f"/{base / person.photo.src}"})
            person = person.model_copy(update={"photo": photo})
        people[pid] = person
    return people, problems


# The registry is read once per build process and kept while its file is unchanged.
# It is process-local on purpose: it is not part of the pickled environment.
_cache: dict[Path, tuple[tuple[int, int], Registry]] = {}


def _path(env: BuildEnvironment) -> tuple[Path, str]:
    shown = env.config.faimi_people_file
    return Path(env.srcdir, shown), shown


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def registry(env: BuildEnvironment) -> Registry:
    """The current registry, read again only if its file has changed."""
    path, shown = _path(env)
    stamp = _stamp(path)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    loaded, problems = load_registry(path, shown)
    report(problems, "people")
    _cache[path] = (stamp, loaded)
    return loaded


def note_registry_dependency(env: BuildEnvironment) -> None:
    """Record that the current document must be read again when the registry changes."""
    env.note_dependency(str(_path(env)[0]))


def _check_registry(app: Sphinx) -> None:
    """Read (and report on) the registry once, before any document is read."""
    _cache.pop(_path(app.env)[0], None)
    registry(app.env)


def setup_registry(app: Sphinx) -> None:
    app.add_config_value("faimi_people_file", "people/people.yaml", "env", types=[str])
    app.connect("builder-inited", _check_registry)
