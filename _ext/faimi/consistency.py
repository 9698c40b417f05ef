"""Checks over the whole site once every page is read (``env-updated``, every build).

- Every data file under ``events/`` and ``people/`` that no page shows is checked
  all the same (those that pages show are checked, and reported, where they are shown).
- One event file belongs to one page (the page named like it, else the first by
  name): another page showing it is reported.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .checker import check_files, data_files
from .events import EventRecord, events
from .registry import registry
from .report import logger, report


def _shown_files(env: BuildEnvironment) -> set[str]:
    """The files (from the project's root) that some page depends on."""
    # Links are not followed: a page that names a link to outside the project shows
    # (and refuses) it already.
    root = Path(os.path.abspath(env.srcdir))
    shown = set()
    for paths in env.dependencies.values():
        for path in paths:
            normal = Path(os.path.abspath(path))
            if normal.is_relative_to(root):
                shown.add(normal.relative_to(root).as_posix())
    return shown


def check_unshown_files(env: BuildEnvironment) -> None:
    """Check (and report on) the data files that no page shows."""
    root = Path(env.srcdir)
    people_file = env.config.faimi_people_file
    shown = _shown_files(env)  # once: for each file, it would cost a build the square of its pages
    unshown = [f for f in data_files(root) if f != people_file and f not in shown]
    for kind, problem in check_files(root, unshown, registry(env), people_file):
        report([problem], kind.name if kind else "data")


def check_event_owners(env: BuildEnvironment) -> None:
    """An event file shown by two pages is reported at the second one's summary."""
    by_file: dict[str, list[EventRecord]] = defaultdict(list)
    for record in events(env).values():
        by_file[record.source].append(record)
    for source, records in sorted(by_file.items()):
        # The page named like the file owns it (events/x.md, events/x.yaml), else the first.
        first, *others = sorted(records, key=lambda r: (r.docname != source.removesuffix(".yaml"), r.docname))
        for other in others:
            page = env.doc2path(other.docname, base=False).as_posix()
            logger.warning(
                f"{source} is the event of {env.doc2path(first.docname, base=False).as_posix()} "
                "already: one event file belongs to one page (two would list the event twice); "
                "show it on one page and link to that page from the other",
                location=f"{page}:{other.line}", type="faimi", subtype="event",
            )


def _check(app: Sphinx, env: BuildEnvironment) -> None:
    check_event_owners(env)
    check_unshown_files(env)


def setup_consistency(app: Sphinx) -> None:
    app.connect("env-updated", _check)
