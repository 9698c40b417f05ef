"""The FAIMI site's Sphinx extension: people, events, agendas and programmes from YAML data."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: The shape of what the extension keeps in the pickled build environment. Bump rule:
#: bump it whenever anything stored in the environment changes shape (EventRecord, the
#: models it holds, the listings, any new ``env.faimi_*``). It is combined with a digest
#: of the extension's source (:func:`env_version`): the environment holds model objects,
#: whose meaning is the code itself, so any change to the code starts a fresh environment
#: and every page is read and written again; a forgotten bump can never leave stale
#: pages or unpickle objects of an older class.
ENV_VERSION = 6  # 4: sponsor logos, proceedings covers; 5: env.faimi_bibfiles; 6: env.faimi_papers_section


def env_version() -> int:
    """:data:`ENV_VERSION` and a digest of every Python file of the extension, as one number."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return ENV_VERSION << 32 | int.from_bytes(digest.digest()[:4], "big")


def _plain_mailto(app: Sphinx) -> None:
    """Write mailto links as they are: entity-"cloaked" addresses only confuse readers."""
    app.env.settings["cloak_email_addresses"] = False


def setup(app: Sphinx) -> dict[str, Any]:
    # Imported here: the package itself must import without Sphinx, for the data layer
    # (models, loading, checks) and the check command.
    from .agenda import setup_agenda
    from .awards import setup_awards
    from .banner import setup_banner
    from .bibfiles import setup_bibfiles
    from .assets import setup_assets
    from .buildday import setup_buildday
    from .calendar import setup_calendar
    from .editlinks import setup_editlinks
    from .consistency import setup_consistency
    from .event_people import setup_event_people
    from .event_role import setup_event_role
    from .events import setup_events
    from .group_links import setup_group_links
    from .images import setup_images
    from .important_dates import setup_important_dates
    from .keynotes import setup_keynotes
    from .labels import setup_labels
    from .jsonld import setup_jsonld
    from .listing import setup_listing
    from .materials import setup_materials
    from .navigation import setup_navigation
    from .newsletter import setup_newsletter
    from .nodes import setup_nodes
    from .papers import setup_papers
    from .people_list import setup_people_list
    from .previews import setup_previews
    from .person_pages import setup_person_pages
    from .when import setup_when
    from .publishing import setup_publishing
    from .reading_list import setup_reading_list
    from .redirects import setup_redirects
    from .registry import setup_registry
    from .siteconfig import setup_siteconfig
    from .sitemap import setup_sitemap
    from .topics import setup_topics
    from .wrapper_ids import setup_wrapper_ids

    app.connect("builder-inited", _plain_mailto)
    setup_siteconfig(app)
    setup_nodes(app)
    setup_images(app)
    setup_buildday(app)
    setup_registry(app)
    setup_people_list(app)
    setup_person_pages(app)
    setup_group_links(app)
    setup_events(app)
    setup_agenda(app)
    setup_event_people(app)
    setup_event_role(app)
    setup_papers(app)
    setup_awards(app)
    setup_keynotes(app)
    setup_materials(app)
    setup_topics(app)
    setup_labels(app)
    setup_listing(app)
    setup_navigation(app)
    setup_banner(app)
    setup_important_dates(app)
    setup_when(app)
    setup_jsonld(app)
    setup_calendar(app)
    setup_wrapper_ids(app)
    setup_newsletter(app)
    setup_redirects(app)
    setup_publishing(app)
    setup_editlinks(app)
    setup_consistency(app)
    setup_bibfiles(app)
    setup_reading_list(app)
    setup_sitemap(app)
    setup_previews(app)
    setup_assets(app)
    app.add_css_file("faimi.css")
    # The visitor's own time beside the event's (the pages are complete without it).
    app.add_js_file("faimi-localtime.js", loading_method="defer")
    # furo's menu toggles made operable from the keyboard.
    app.add_js_file("faimi-menus.js", loading_method="defer")
    return {"version": __version__, "env_version": env_version(),
            "parallel_read_safe": True, "parallel_write_safe": True}
