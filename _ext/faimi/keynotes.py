"""The ``keynotes`` directive: the event's keynote speakers as cards, with their talks.

    :::{keynotes}
    :::

Cards and a responsive grid of sphinx-design (their nodes made here, as its
``card`` and ``grid`` directives make them), each with the speaker's photo (the
event's, else the registry's), name, affiliation at the time, label, talk title, and
the abstract and biography collapsed (sphinx-design's dropdown: ``<details>`` in HTML,
plain text elsewhere).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx_design.shared import create_component

from .people_list import person_name
from .event_photos import event_image
from .programme import paragraphs, programme_event, registry_image
from .programme_model import Keynote
from .registry import note_photo_dependencies, registry
from .speakers import TBC, ShownPerson, at_the_time, occasion_of

#: The width of a speaker's photo on a card, in CSS pixels.
PHOTO_WIDTH = 128


def dropdown(title: str, text: str, kind: str) -> nodes.container:
    """A collapsed block, as sphinx-design's ``dropdown`` directive makes it."""
    block = create_component(
        "dropdown", opened=False, type="dropdown", has_title=True, icon=None, chevron=None,
        container_classes=["sd-mb-2", f"faimi-keynote__{kind}"], title_classes=[], body_classes=[],
    )
    block += nodes.rubric("", title)
    block += paragraphs(text, ["sd-card-text"])
    return block


def card_body(keynote: Keynote, person: ShownPerson, photo: list[nodes.Node]) -> list[nodes.Node]:
    """What a card holds, top to bottom."""
    out: list[nodes.Node] = list(photo)
    if keynote.label:
        out.append(nodes.paragraph("", keynote.label, classes=["sd-card-text", "faimi-keynote__label"]))
    out.append(nodes.paragraph("", "", person_name(person), classes=["sd-card-text", "faimi-keynote__name"]))
    if person.affiliation:
        out.append(nodes.paragraph("", person.affiliation, classes=["sd-card-text", "faimi-keynote__affiliation"]))
    if keynote.title:
        out.append(nodes.paragraph("", keynote.title, classes=["sd-card-text", "faimi-keynote__title"]))
    if keynote.abstract:
        out.append(dropdown("Abstract", keynote.abstract, "abstract"))
    if keynote.bio:
        out.append(dropdown("About the speaker", keynote.bio, "bio"))
    return out


class KeynotesDirective(SphinxDirective):
    """The page's event's keynotes, one card each, in a grid."""

    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        record = programme_event(self, "keynotes shows the keynotes", "keynotes")
        if record is None:
            return []
        note_photo_dependencies(self.env, [k.id for k in record.event.keynotes if k.id and not k.photo])
        people = registry(self.env)
        event = record.event
        occasion = occasion_of(event.organisers, event.keynotes, event.editors)
        row = create_component("grid-row", ["sd-row", "sd-row-cols-1", "sd-row-cols-md-2", "sd-g-3"])
        for keynote in record.event.keynotes:
            person = (ShownPerson("Speaker to be confirmed", None, None) if keynote.id == TBC
                      else at_the_time(keynote, occasion).shown(people))
            classes = ["faimi-keynote__photo"]
            photo = (event_image(self.env, record.source, keynote.photo, PHOTO_WIDTH, classes) if keynote.photo
                     else registry_image(self.env, person.photo, PHOTO_WIDTH, classes))
            body = create_component("card-body", ["sd-card-body"], children=card_body(keynote, person, photo))
            card = create_component("card", ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm",
                                             "faimi-keynote"], children=[body])
            row += create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])
        grid = create_component("grid-container", ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                                                   "faimi-keynotes", *self.options.get("class", [])], children=[row])
        return [grid]


def setup_keynotes(app: Sphinx) -> None:
    app.setup_extension("sphinx_design")
    app.add_directive("keynotes", KeynotesDirective)
