"""Each page loads only the styles and scripts it uses.

Sphinx adds Pygments' styles to every page, and sphinx-design its styles and its tabs
script, whether a page shows code or a design component or not: on this site that was
about a third of each page's bytes, for nothing. A page keeps them only when its
doctree has what they style (a code block; an element with an ``sd-`` class); the
local-time script only where a moment has a time of day.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Asset file names, and whether a page's doctree uses them.
PYGMENTS = ("pygments.css",)
DESIGN = ("sphinx-design.min.css", "design-tabs.js")
LOCALTIME = ("faimi-localtime.js",)


def shows_code(doctree: nodes.document) -> bool:
    return next(iter(doctree.findall(nodes.literal_block)), None) is not None


def shows_design(doctree: nodes.document) -> bool:
    return any(
        cls.startswith("sd-") for node in doctree.findall(nodes.Element) for cls in node.get("classes", ())
    )


def shows_times_of_day(doctree: nodes.document) -> bool:
    """Whether the page has a moment with a time of day, which the local-time script shows."""
    return any("T" in node.get("datetime", "") for node in doctree.findall(nodes.Element))


def _unused(doctree: nodes.document | None) -> tuple[str, ...]:
    if doctree is None:  # the search page: none of them
        return PYGMENTS + DESIGN + LOCALTIME
    return ((() if shows_code(doctree) else PYGMENTS) + (() if shows_design(doctree) else DESIGN)
            + (() if shows_times_of_day(doctree) else LOCALTIME))


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", asset)).split("?")[0].rsplit("/", 1)[-1]


def _drop_unused(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    unused = _unused(doctree)
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if _name(asset) not in unused]


def setup_assets(app: Sphinx) -> None:
    app.connect("html-page-context", _drop_unused)
