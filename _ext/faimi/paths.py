"""Files named by the data: only inside the project, and only of the expected kind.

No Sphinx here: the check command uses it as the build does.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

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


def file_problem(root: Path, folder: PurePosixPath, shown: str, missing: str, image: bool = False) -> str | None:
    """What keeps the file ``shown`` (a path from ``folder``, itself from ``root``) from being
    read or published, if anything: it is outside the project (or a link to outside), it is
    not there (``missing`` says so), or, for an ``image``, it is not a JPEG or PNG file.

    Every file the data names goes through here, so that none outside the project is shown.
    """
    path = root / folder / shown
    if not inside(root, path):
        return outside_message(shown)
    if not path.is_file():
        return missing
    if image and image_format(path) is None:
        return (f"'{shown}' in {folder}/ is not a JPEG or PNG image (its first bytes are not those "
                "of one, whatever its name says); give the path of a .jpg or .png photo")
    return None


def usable(root: Path, relpath: str, image: bool = False) -> bool:
    """Whether the file at ``relpath`` (from ``root``) may be shown: inside, there, of its kind.

    Its problem, if any, is reported where the data names it (see :func:`file_problem`).
    """
    path = PurePosixPath(relpath)
    return file_problem(root, path.parent, path.name, "not there", image) is None


def root_of(path: Path, shown: str) -> Path:
    """The project's folder, for a file at ``path`` shown as ``shown`` (its path from there)."""
    return path.parents[len(PurePosixPath(shown).parts) - 1]
