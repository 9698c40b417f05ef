"""What the programme directives (papers, awards, keynotes, materials, topics) share:
the page's event, the cross-reference labels of papers, registry photos through ``faimi.images``.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .events import EventRecord, event_for, page_event
from .images import image_node
from .registry_model import Photo


def programme_event(directive: SphinxDirective, what: str, has_part: str) -> EventRecord | None:
    """The page's event record when its facts have ``has_part`` (an Event field); else reported."""
    event = event_for(directive, f"{what} of the page's event", lambda e: getattr(e, has_part),
                      f", and give the event its {has_part} there", has_part)
    return page_event(directive.env) if event is not None else None


def paper_label(facts_file: str, paper_key: str) -> str:
    """The cross-reference label of a paper of the event whose facts are ``facts_file``."""
    return nodes.fully_normalize_name(f"paper:{PurePosixPath(facts_file).with_suffix('')}:{paper_key}")


def registry_image(env: BuildEnvironment, photo: Photo | None, width: int, classes: list[str]) -> list[nodes.Node]:
    """A person's photo from the registry (placed there as a path from the root), if any."""
    if photo is None:
        return []
    return [image_node(env, photo.src.lstrip("/"), photo.alt, width, classes)]


def paragraphs(text: str, classes: list[str]) -> list[nodes.paragraph]:
    """Plain text from the data as paragraphs: one per line (``>-`` in YAML folds the rest)."""
    return [nodes.paragraph("", line.strip(), classes=classes) for line in text.splitlines() if line.strip()]
