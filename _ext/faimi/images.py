"""Images of the site (photos, award pictures, logos): one function shows any of them.

A minimal version: the image as it is stored. The image pipeline (resized variants,
``srcset``, explicit sizes) replaces it with the same signature.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx.environment import BuildEnvironment


def image_node(
    env: BuildEnvironment, src: str, alt: str, width: int, classes: Sequence[str] = (), lazy: bool = True
) -> nodes.image:
    """The image at ``src`` (a path from the project's root), shown ``width`` CSS pixels wide."""
    node = nodes.image("", uri=f"/{src.lstrip('/')}", alt=alt, classes=list(classes))
    if lazy:
        node["loading"] = "lazy"
    return node
