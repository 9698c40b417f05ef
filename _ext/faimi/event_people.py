"""The ``event-people`` directive: the organisers, keynotes or editors of the page's event.

The people come from the event's facts (registry ids, with the event's overrides), so
a page never types a name or an affiliation that could drift from the registry::

    :::{event-people} organisers
    :::
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .events import confirmed, event_for, unconfirmed_note
from .people_list import LIST_OPTIONS, people_nodes
from .registry import note_photo_dependencies, registry
from .report import warn_at

#: The event's fields that list people.
ROLES = ("organisers", "keynotes", "editors")


class EventPeople(SphinxDirective):
    """List the people of one role of the page's event, as ``people-list`` lists a group."""

    required_arguments = 1
    option_spec = LIST_OPTIONS

    def run(self) -> list[nodes.Node]:
        role = self.arguments[0]
        if role not in ROLES:
            warn_at(self, f"event-people shows the {', '.join(ROLES[:-1])} or {ROLES[-1]} of the "
                          f"page's event, not '{role}'; e.g. ':::{{event-people}} organisers'", "events")
            return []
        event = event_for(self, f"event-people shows the '{role}' of the page's event",
                          lambda e: getattr(e, role), f", and list the {role} in that file", "events")
        if event is None:
            return []
        refs = getattr(event, role)
        known = confirmed(refs)
        if "photos" in self.options:
            note_photo_dependencies(self.env, [ref.id for ref in known if ref.id])
        people = [ref.shown(registry(self.env)) for ref in known]
        shown = people_nodes(self.env, people, ("affiliation", "role"), self.options)
        if note := unconfirmed_note(refs, role):
            add_unconfirmed(shown[0], note)
        return shown


def add_unconfirmed(shown: nodes.Element, note: nodes.inline) -> None:
    """Those still to be confirmed, after the people shown: the list's last item, or the
    end of the byline ("... and a speaker to be confirmed")."""
    if isinstance(shown, nodes.bullet_list):
        shown += nodes.list_item("", nodes.paragraph("", "", note), classes=["faimi-person"])
    else:
        shown += [nodes.Text(" and "), note] if shown.children else [note]


def setup_event_people(app: Sphinx) -> None:
    app.add_directive("event-people", EventPeople)
