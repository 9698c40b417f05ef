"""Reporting data problems through Sphinx's logger, so that ``-W`` fails the build."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .yamldata import Problem

logger = logging.getLogger("faimi")


def report(problems: Iterable[Problem], subtype: str) -> None:
    """Log each problem as a warning at its file and line."""
    for problem in problems:
        logger.warning(problem.message, location=problem.location, type="faimi", subtype=subtype)


def warn_at(part: SphinxDirective | SphinxRole, message: str, subtype: str) -> None:
    """Log a warning at a directive's or role's line, the page named as in the project (``index.md:5``)."""
    source, line = part.get_source_info()
    path = Path(source)
    shown = path.relative_to(part.env.srcdir).as_posix() if path.is_relative_to(part.env.srcdir) else source
    logger.warning(message, location=f"{shown}:{line}", type="faimi", subtype=subtype)
