"""The sidebar lists the upcoming and the most recent events, not every event.

The theme puts the whole site's navigation on every page. With every event page in
it, each page grows with the number of events, and the build with its square. The
events index stays the full archive: its toctree still includes every event page
(no page is left out of the site's structure, previous/next links go through all
of them), but the copy of that toctree the navigation is made from keeps only the
event pages a visitor is likely to look for: those still to come, and the
``faimi_navigation_recent`` most recent past ones. The other event pages are
reached from the events index (``event-list``) and listed in the sitemap. Person
pages are left out of the navigation the same way: the people index lists them all.

Which events those are is known once every page has been read (``env-updated``);
when the set, or a title in it, changes, every page is written again, since each
carries the navigation.
"""

from __future__ import annotations

from collections.abc import Set

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .buildday import now
from .events import events
from .listing import past, upcoming
from .person_pages import person_docnames

#: Where the full list of a toctree's entries is kept on its copy in ``env.tocs``.
_ALL_ENTRIES = "faimi_all_entries"


def navigation_events(env: BuildEnvironment, recent: int) -> list[str]:
    """The event pages of the navigation: the upcoming ones and the ``recent`` latest past ones."""
    records = events(env).values()
    on = now(env)
    return [r.docname for r in upcoming(records, on)] + [r.docname for r in past(records, on)[:recent]]


def trim_toctrees(env: BuildEnvironment, shown: Set[str]) -> None:
    """Keep in the navigation's toctrees the event pages of ``shown`` and every other page
    but the person pages."""
    hidden = (set(events(env)) - shown) | person_docnames(env)
    for docname in env.toctree_includes:
        toc = env.tocs.get(docname)
        if toc is None:
            continue
        for toctree in toc.findall(addnodes.toctree):
            everything = toctree.setdefault(_ALL_ENTRIES, list(toctree["entries"]))
            toctree["entries"] = [(title, ref) for title, ref in everything if ref not in hidden]


def _update(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Trim the navigation; when it changed, every page is written again."""
    shown = navigation_events(env, app.config.faimi_navigation_recent)
    trim_toctrees(env, set(shown))
    titles = [(name, env.titles[name].astext() if name in env.titles else "") for name in shown]
    previous = getattr(env, "faimi_navigation", None)
    env.faimi_navigation = titles
    if previous is None or previous == titles:
        return []
    return sorted(env.found_docs)


def setup_navigation(app: Sphinx) -> None:
    app.add_config_value("faimi_navigation_recent", 5, "html", types=[int])
    app.connect("env-updated", _update)
