"""Docutils nodes of the extension. Each falls back to a standard node in non-HTML builders."""

from __future__ import annotations

from datetime import date

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class time_element(nodes.inline):  # noqa: N801 (docutils names nodes in lower case)
    """A moment shown as text; HTML writes ``<time datetime="...">``, others the text."""


class struck(nodes.inline):  # noqa: N801
    """Text that no longer holds, such as a deadline before its extension: HTML ``<del>``."""


class calendar_link(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801
    """Placeholder for a link to the calendar file of ``docname`` (all events if empty)."""


class collapsible(nodes.container):  # noqa: N801
    """Content shown on request: HTML ``<details>`` (closed), others its content in full."""


class collapsible_summary(nodes.paragraph):  # noqa: N801
    """What a ``collapsible`` holds, named: HTML ``<summary>``, others a paragraph."""


def collapsed(summary: str, *children: nodes.Node, classes: list[str] | None = None) -> collapsible:
    """``children`` behind a ``summary`` ("Abstract") that a visitor opens."""
    return collapsible("", collapsible_summary("", summary), *children, classes=classes or [])


class header_cell(nodes.entry):  # noqa: N801
    """A table header cell; HTML writes ``<th scope="col|row">``, others a plain cell."""


def moment(text: str, when: date, *classes: str) -> time_element:
    """A ``time_element`` showing ``text`` for ``when``: a day, or an instant with its UTC offset."""
    return time_element(text, text, datetime=when.isoformat(), classes=list(classes))


def header(scope: str, *children: nodes.Node, classes: list[str] | None = None) -> header_cell:
    """A header cell for a column (``scope="col"``) or a row (``scope="row"``)."""
    return header_cell("", *children, scope=scope, classes=classes or [])


def _visit_time(self: HTML5Translator, node: time_element) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def _depart_time(self: HTML5Translator, node: time_element) -> None:
    self.body.append("</time>")


def _visit_struck(self: HTML5Translator, node: struck) -> None:
    self.body.append(self.starttag(node, "del", ""))


def _depart_struck(self: HTML5Translator, node: struck) -> None:
    self.body.append("</del>")


def _visit_collapsible(self: HTML5Translator, node: collapsible) -> None:
    self.body.append(self.starttag(node, "details", ""))


def _depart_collapsible(self: HTML5Translator, node: collapsible) -> None:
    self.body.append("</details>\n")


def _visit_summary(self: HTML5Translator, node: collapsible_summary) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def _depart_summary(self: HTML5Translator, node: collapsible_summary) -> None:
    self.body.append("</summary>\n")


def _visit_header_cell(self: HTML5Translator, node: header_cell) -> None:
    atts: dict[str, object] = {"scope": node["scope"]}
    node.parent.column += 1 + node.get("morecols", 0)
    if "morecols" in node:
        atts["colspan"] = node["morecols"] + 1
    if "morerows" in node:
        atts["rowspan"] = node["morerows"] + 1
    self.body.append(self.starttag(node, "th", "", **atts))


def _depart_header_cell(self: HTML5Translator, node: header_cell) -> None:
    self.body.append("</th>\n")


def setup_nodes(app: Sphinx) -> None:
    app.add_node(time_element, html=(_visit_time, _depart_time))
    app.add_node(calendar_link)
    app.add_node(struck, html=(_visit_struck, _depart_struck))
    app.add_node(header_cell, html=(_visit_header_cell, _depart_header_cell))
    app.add_node(collapsible, html=(_visit_collapsible, _depart_collapsible))
    app.add_node(collapsible_summary, html=(_visit_summary, _depart_summary))
