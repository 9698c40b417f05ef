"""Keep element ids unique when the theme wraps tables in a ``div.table-wrapper``.

furo's post-transform copies every attribute of a table, its ids included, onto the
wrapper, so a captioned table's id appears twice in the page (invalid HTML, and a
broken target for the caption's permalink). This runs after it and leaves the ids on
the table alone.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform


class UniqueWrapperIds(SphinxPostTransform):
    formats = ("html",)
    default_priority = 510  # after furo's wrapping transform (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"] and wrapper.children:
                inner = wrapper.children[0]
                if isinstance(inner, nodes.table):
                    wrapper["ids"] = [i for i in wrapper["ids"] if i not in inner["ids"]]


def setup_wrapper_ids(app: Sphinx) -> None:
    app.add_post_transform(UniqueWrapperIds)
