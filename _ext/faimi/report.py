"""Reporting data problems through Sphinx's logger, so that ``-W`` fails the build."""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.util import logging

from .yamldata import Problem

logger = logging.getLogger("faimi")


def report(problems: Iterable[Problem], subtype: str) -> None:
    """Log each problem as a warning at its file and line."""
    for problem in problems:
        logger.warning(problem.message, location=problem.location, type="faimi", subtype=subtype)
