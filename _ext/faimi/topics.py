"""The ``topics`` directive: the topics of the event's call for papers, as a list.

    :::{topics}
    :::
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .programme import programme_event


class TopicsDirective(SphinxDirective):
    """The page's event's topics, in the order of its facts."""

    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        record = programme_event(self, "topics lists the topics", "topics")
        if record is None:
            return []
        items = [nodes.list_item("", nodes.paragraph("", topic)) for topic in record.event.topics]
        return [nodes.bullet_list("", *items, classes=["faimi-topics", *self.options.get("class", [])])]


def setup_topics(app: Sphinx) -> None:
    app.add_directive("topics", TopicsDirective)
