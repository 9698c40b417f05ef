"""The ``event`` role: a fact of the page's event inside a sentence of prose.

    The symposium was supported by the {event}`sponsors`.
    Questions about it can be sent to {event}`contact`.
    All talks are in {event}`the playlist <recordings>`.

The fact is taken from the event's YAML file, so the prose never repeats a name, an
address or a link that could drift from the data. A link (the contact, the
registration, recordings, proceedings or submission site) takes a text of its own, as
Sphinx roles do: ``text <fact>``.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from .event_model import Event
from .events import contact, event_for, external_link, named_link, people_line, sponsors, when
from .registry import Registry, registry
from .report import warn_at

#: Facts shown as a link, with the text a link has when the role gives none.
LINKS = {
    "registration": "the registration form",
    "recordings": "the recordings",
    "proceedings": "the proceedings",
    "submission": "the submission site",
}

Render = Callable[[Event, Registry], list[nodes.Node]]


def _people(role: str) -> Render:
    return lambda event, people: people_line(getattr(event, role), people, role)


def _optional_link(name: str) -> Render:
    return lambda event, _: [named_link(getattr(event, name))] if getattr(event, name) else []


#: The facts the role shows, each from the event and the registry.
FACTS: dict[str, Render] = {
    "when": lambda event, _: when(event),
    "where": lambda event, _: [nodes.Text(event.location)] if event.location else [],
    "contact": lambda event, _: contact(event),
    "sponsors": lambda event, _: sponsors(event),
    "organisers": _people("organisers"),
    "keynotes": _people("keynotes"),
    "editors": _people("editors"),
    "host-conference": _optional_link("host_conference"),
    "joint-with": _optional_link("joint_with"),
    "journal": _optional_link("journal"),
    **{name: (lambda event, _, name=name: [external_link(LINKS[name], event.address(name))]
              if event.address(name) else []) for name in LINKS},
}


class EventFact(SphinxRole):
    """``{event}`contact```: the fact, as the event's data has it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        has_text, text, fact = split_explicit_title(self.text)
        if fact not in FACTS:
            warn_at(self, f"{{event}}`{fact}`: there is no such fact; the role shows one of "
                          f"{', '.join(FACTS)}, e.g. {{event}}`contact`", "events")
            return [], []
        people = registry(self.env)
        event = event_for(self, f"{{event}}`{fact}` shows the {fact} of the page's event",
                          lambda e: FACTS[fact](e, people),
                          f", and give the event its {fact.replace('-', '_')}", "events")
        if event is None:
            return [], []
        content = FACTS[fact](event, people)
        if has_text:
            if fact != "contact" and fact not in LINKS:
                warn_at(self, f"{{event}}`{text} <{fact}>`: only a link takes a text of its own "
                              f"({', '.join(['contact', *LINKS])}); write {{event}}`{fact}`", "events")
            else:
                content = [external_link(text, event.contact if fact == "contact" else event.address(fact))]
        return [nodes.inline("", "", *content, classes=["faimi-fact", f"faimi-fact--{fact}"])], []


def setup_event_role(app: Sphinx) -> None:
    app.add_role("event", EventFact())
