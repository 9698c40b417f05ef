"""The FAIMI site's Sphinx extension: people, events and agendas from YAML data."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .agenda import setup_agenda
from .buildday import setup_buildday
from .calendar import setup_calendar
from .event_people import setup_event_people
from .event_role import setup_event_role
from .events import setup_events
from .important_dates import setup_important_dates
from .jsonld import setup_jsonld
from .listing import setup_listing
from .nodes import setup_nodes
from .people_list import setup_people_list
from .publishing import setup_publishing
from .redirects import setup_redirects
from .registry import setup_registry
from .wrapper_ids import setup_wrapper_ids

__version__ = "0.1.0"


def _plain_mailto(app: Sphinx) -> None:
    """Write mailto links as they are: entity-"cloaked" addresses only confuse readers."""
    app.env.settings["cloak_email_addresses"] = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _plain_mailto)
    setup_nodes(app)
    setup_buildday(app)
    setup_registry(app)
    setup_people_list(app)
    setup_events(app)
    setup_agenda(app)
    setup_event_people(app)
    setup_event_role(app)
    setup_listing(app)
    setup_important_dates(app)
    setup_jsonld(app)
    setup_calendar(app)
    setup_wrapper_ids(app)
    setup_redirects(app)
    setup_publishing(app)
    app.add_css_file("faimi.css")
    # Opt-in: the visitor's own time zone (the pages are complete without it).
    app.add_js_file("faimi-localtime.js", loading_method="defer")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
