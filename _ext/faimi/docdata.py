"""Data the extension keeps in the build environment by docname (the ``sphinx.ext.todo``
pattern): purged when a page is read again, merged from parallel readers."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def per_doc(env: BuildEnvironment, name: str) -> dict[str, Any]:
    """The environment's ``name`` mapping, by docname (made empty the first time)."""
    if not hasattr(env, name):
        setattr(env, name, {})
    return getattr(env, name)


def keep_per_doc(app: Sphinx, name: str) -> None:
    """Purge the environment's ``name`` mapping by docname, and merge it from parallel readers."""

    def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        per_doc(env, name).pop(docname, None)

    def merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
        theirs = per_doc(other, name)
        per_doc(env, name).update({doc: theirs[doc] for doc in docnames if doc in theirs})

    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
