"""An event's pictures (photos, logos, the proceedings' cover), named in its facts file
by their path from that file's folder, shown through :func:`faimi.images.image_node`."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx.environment import BuildEnvironment

from .images import image_node
from .paths import usable
from .programme_model import EventPhoto


def event_image(
    env: BuildEnvironment, facts_file: str, photo: EventPhoto, width: int, classes: list[str]
) -> list[nodes.Node]:
    """An event's picture (its path is from the facts file's folder), if it may be shown:
    inside the project, there, and an image (else it is reported with the facts)."""
    src = (PurePosixPath(facts_file).parent / photo.src).as_posix()
    if not usable(Path(env.srcdir), src, image=True):
        return []  # reported with the facts
    return [image_node(env, src, photo.alt, width, classes)]
