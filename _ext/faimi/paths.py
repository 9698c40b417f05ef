"""Files named by the data: only inside the project, and only of the expected kind.

No Sphinx here: the check command uses it as the build does.
"""

from __future__ import annotations

from pathlib import Path

#: The first bytes of the image formats the site shows.
_IMAGE_MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links followed, is inside ``root`` (links followed too)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def outside_message(shown: str) -> str:
    """Why a file outside the project is not read (its content is never shown)."""
    return (
        f"'{shown}' is outside the project (or a link to a file outside it): data files and "
        "images are read only from the project's own folders; put the file beside the page "
        "and name it by its path from there, e.g. 2025-london-symposium.agenda.yaml"
    )


def image_format(path: Path) -> str | None:
    """``"JPEG"`` or ``"PNG"`` when the file's first bytes say so, else ``None``."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError:
        return None
    return next((name for magic, name in _IMAGE_MAGIC.items() if head.startswith(magic)), None)
