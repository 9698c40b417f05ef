"""Data files named by directives: found next to the page, recorded as dependencies.

A file is read only from inside the project (links followed), and only when it is
of the kind the directive shows (an agenda directive is given an agenda file).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .datakinds import kind_for_model, kind_of
from .paths import inside, outside_message
from .report import report, warn_at
from .validation import read_model
from .yamldata import YamlData

M = TypeVar("M", bound=BaseModel)


def _refusal(directive: SphinxDirective, filename: str, shown: str, path: Path, model: type[BaseModel]) -> str | None:
    """Why the file (inside the project) is not read for this directive, if it is not."""
    if not path.is_file():
        return f"data file '{filename}' not found (looked for {shown})"
    expected = kind_for_model(model)
    actual = kind_of(shown, directive.env.config.faimi_people_file)
    if expected is not None and actual is not expected:
        what = f"it is {actual.what}" if actual else "its name is not that of a data file"
        return (f"{directive.name} shows {expected.what}, and '{filename}' is not one: {what}; "
                f"name the {expected.name} file here")
    return None


def named_path(env: BuildEnvironment, filename: str) -> Path:
    """The file a page names (relative to the page, or to the project with a leading
    ``/``), links not followed, unlike ``env.relfn2path``."""
    folder = Path(env.srcdir)
    if not filename.startswith("/"):
        folder /= env.doc2path(env.docname, base=False).parent
    return Path(os.path.normpath(folder / filename.lstrip("/")))


def load_model(
    directive: SphinxDirective, filename: str, model: type[M], subtype: str,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, YamlData | None]:
    """Load ``filename`` (relative to the page) as ``model``; report every problem.

    The page is recorded as depending on the file, so editing the file reads the
    page again. Returns the model (``None`` if it is invalid) and the loaded data.
    """
    env = directive.env
    shown, path = env.relfn2path(filename, env.docname)  # links followed
    shown = Path(shown).as_posix()
    # The file as named (a link, too), refused, missing or not: the page is read again
    # once the file changes or is put right.
    env.note_dependency(named_path(env, filename))
    if not inside(Path(env.srcdir), Path(path)):
        warn_at(directive, outside_message(filename), subtype)
        return None, None
    env.note_dependency(path)
    if refusal := _refusal(directive, filename, shown, Path(path), model):
        warn_at(directive, refusal, subtype)
        return None, None
    result, doc, problems = read_model(Path(path), shown, model, context)
    report(problems, subtype)
    return result, doc
