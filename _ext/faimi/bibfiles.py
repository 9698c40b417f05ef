"""The reading list's BibTeX files (``bibtex_bibfiles``) are read only from inside the
project: a link to a file outside it (or a name outside it) is refused, reported, and
left out before sphinxcontrib-bibtex reads the files."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .paths import inside, outside_message
from .report import logger


def refuse_outside_bibfiles(app: Sphinx) -> None:
    """Leave out of ``bibtex_bibfiles`` each file outside the project, and say so."""
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    kept = []
    for name in app.config.bibtex_bibfiles or []:
        if inside(Path(app.srcdir), Path(app.confdir, name)):
            kept.append(name)
        else:
            logger.warning(outside_message(name), location=f"{name}:1", type="faimi", subtype="reading_list")
    app.config.bibtex_bibfiles = kept


def setup_bibfiles(app: Sphinx) -> None:
    # Before the reading list's syntax check (400) and sphinxcontrib-bibtex (500) read them.
    app.connect("builder-inited", refuse_outside_bibfiles, priority=300)
