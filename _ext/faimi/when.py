"""The ``when`` directive: prose that holds only in one state of the page's event.

::

    :::{when} submissions-open
    Papers are submitted through {event}`OpenReview <submission>`.
    :::

    :::{when} submissions-closed
    Papers were submitted through OpenReview.
    :::

The state is decided when the site is built, against the build date, like the rest
(:mod:`faimi.buildday`); the event pages are read again when the day changes, so the
prose follows by itself. A state that does not exist, or a page without an event, is
reported at the directive's line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .buildday import now
from .event_model import Event
from .events import event_for
from .report import warn_at

#: Each state, and whether the event is in it on a day.
STATES: dict[str, Callable[[Event, dt.datetime], bool]] = {
    "upcoming": lambda event, at: not event.is_past(at),
    "past": lambda event, at: event.is_past(at),
    "submissions-open": lambda event, at: not event.submissions_closed(at),
    "submissions-closed": lambda event, at: event.submissions_closed(at),
}


class When(SphinxDirective):
    """``:::{when} upcoming`` (``past``, ``submissions-open``, ``submissions-closed``)."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        state = self.arguments[0]
        if state not in STATES:
            warn_at(self, f"when: '{state}' is not a state of an event; write one of {', '.join(STATES)}, "
                          "e.g. :::{when} upcoming", "events")
            return []
        event = event_for(self, f"when {state} shows its text by the state of the page's event",
                          lambda e: True, "", "events")
        if event is None or not STATES[state](event, now(self.env)):
            return []
        return self.parse_content_to_nodes(allow_section_headings=True)


def setup_when(app: Sphinx) -> None:
    app.add_directive("when", When)
