"""The ``people-list`` directive, and how a person is shown on any page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .group_links import group_reference, note_group_listed
from .images import image_node
from .registry import Person, Photo, note_photo_dependencies, registry
from .report import warn_at

#: The details a people list can show after each name, in display order.
DETAILS = ("pronouns", "affiliation", "country", "orcid")


class Shown(Protocol):
    """What the renderer needs of a person: a registry entry or a one-off speaker."""

    @property
    def name(self) -> str: ...
    @property
    def homepage(self) -> str | None: ...
    @property
    def affiliation(self) -> str | None: ...
    @property
    def photo(self) -> Photo | None: ...


def person_name(person: Shown) -> nodes.Node:
    """The name, linked to the homepage where there is one (a group: to where it is listed)."""
    if group := getattr(person, "group", None):
        return group_reference(group, person.name)
    if person.homepage:
        return nodes.reference(
            "", person.name, refuri=person.homepage, internal=False, classes=["faimi-person__name"]
        )
    return nodes.inline("", person.name, classes=["faimi-person__name"])


def person_nodes(person: Shown, details: Sequence[str] = ("affiliation",)) -> list[nodes.Node]:
    """The name followed by the chosen details, as inline nodes."""
    out: list[nodes.Node] = [person_name(person)]
    for detail in details:
        value = getattr(person, detail, None)
        if not value:
            continue
        if detail == "pronouns":
            out += [nodes.Text(" "), nodes.inline("", f"({value})", classes=["faimi-person__pronouns"])]
        elif detail == "orcid":
            link = nodes.reference(
                "", f"ORCID {value}", refuri=f"https://orcid.org/{value}", internal=False
            )
            out += [nodes.Text(", "), nodes.inline("", "", link, classes=["faimi-person__orcid"])]
        else:
            out += [nodes.Text(", "), nodes.inline("", value, classes=[f"faimi-person__{detail}"])]
    return out


def byline(people: Sequence[Shown], details: Sequence[str] = ("affiliation",)) -> list[nodes.Node]:
    """People on one line: "A (X), B (Y) and C (Z)"."""
    out: list[nodes.Node] = []
    for i, person in enumerate(people):
        if i:
            out.append(nodes.Text(" and " if i == len(people) - 1 else ", "))
        out.append(person_name(person))
        shown = [str(v) for d in details if d != "orcid" and (v := getattr(person, d, None))]
        if shown:
            out.append(nodes.inline("", f" ({', '.join(shown)})", classes=["faimi-person__details"]))
    return out


def details_option(argument: str | None) -> tuple[str, ...]:
    """``:details: affiliation, country`` (or ``none``) as a tuple of known details."""
    words = [w.strip() for w in (argument or "").replace(",", " ").split()]
    if words == ["none"]:
        return ()
    unknown = [w for w in words if w not in DETAILS]
    if unknown or not words:
        raise ValueError(
            f"unknown detail {', '.join(unknown) or '(empty)'}; choose from {', '.join(DETAILS)}, "
            "or none, e.g. ':details: affiliation, country'"
        )
    return tuple(w for w in DETAILS if w in words)


#: The options of every directive that lists people.
LIST_OPTIONS = {
    "style": lambda arg: directives.choice(arg, ("list", "byline")),
    "photos": directives.flag,
    "class": directives.class_option,
}


#: The width, in CSS pixels, at which a people list shows photos (see faimi.css).
PHOTO_WIDTH = 56


@dataclass(frozen=True)
class GroupMember:
    """A registry person as a group lists them: with their role in the group, if any."""

    person: Person
    role: str | None = None

    def __getattr__(self, name: str) -> object:
        return getattr(self.person, name)


def photo(env: BuildEnvironment, person: Shown) -> list[nodes.Node]:
    """The person's photo (a path from the project's root), if the registry has one."""
    if person.photo is None:
        return []
    return [image_node(env, person.photo.src, person.photo.alt, PHOTO_WIDTH, classes=["faimi-person__photo"])]


def people_nodes(
    env: BuildEnvironment, people: Sequence[Shown], details: Sequence[str], options: dict
) -> list[nodes.Node]:
    """People as a list, one per item (``:photos:`` adds their photos), or a ``byline``."""
    classes = ["faimi-people", *options.get("class", [])]
    if options.get("style") == "byline":
        return [nodes.paragraph("", "", *byline(people, details), classes=[*classes, "faimi-byline"])]
    if "photos" in options:
        classes.append("faimi-people--photos")
    items = [
        nodes.list_item("", *(photo(env, p) if "photos" in options else []),
                        nodes.paragraph("", "", *person_nodes(p, details)), classes=["faimi-person"])
        for p in people
    ]
    return [nodes.bullet_list("", *items, classes=classes)]


class PeopleList(SphinxDirective):
    """List a group of the registry: ``:::{people-list} organizers``."""

    required_arguments = 1
    option_spec = {"details": details_option, **LIST_OPTIONS}

    def run(self) -> list[nodes.Node]:
        people = registry(self.env)
        group = self.arguments[0]
        if group not in people.groups:
            known = ", ".join(sorted(people.groups)) or "none defined yet"
            warn_at(
                self, f"unknown group '{group}' in people-list; the groups of {people.file} are: {known}",
                "people",
            )
            return []
        if "photos" in self.options:
            note_photo_dependencies(self.env, people.groups[group])
        roles = people.roles.get(group, {})
        members = [GroupMember(people.people[pid], roles.get(pid)) for pid in people.groups[group]]
        details = (*self.options.get("details", ("affiliation",)), "role")
        shown = people_nodes(self.env, members, details, self.options)
        anchor = note_group_listed(self.env, group)
        if anchor not in self.state.document.ids:
            shown[0]["ids"].append(anchor)
            self.state.document.set_id(shown[0])
        return shown


def setup_people_list(app: Sphinx) -> None:
    app.add_directive("people-list", PeopleList)
