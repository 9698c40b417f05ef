"""Data files named by directives: found next to the page, recorded as dependencies."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from sphinx.util.docutils import SphinxDirective

from .report import report, warn_at
from .validation import read_model
from .yamldata import YamlData

M = TypeVar("M", bound=BaseModel)


def load_model(
    directive: SphinxDirective, filename: str, model: type[M], subtype: str,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, YamlData | None]:
    """Load ``filename`` (relative to the page) as ``model``; report every problem.

    The page is recorded as depending on the file, so editing the file reads the
    page again. Returns the model (``None`` if it is invalid) and the loaded data.
    """
    env = directive.env
    shown, path = env.relfn2path(filename, env.docname)
    env.note_dependency(path)
    if not Path(path).is_file():
        warn_at(
            directive, f"data file '{filename}' not found (looked for {shown})",
            subtype,
        )
        return None, None
    result, doc, problems = read_model(Path(path), Path(shown).as_posix(), model, context)
    report(problems, subtype)
    return result, doc
