"""Files the extension writes beside the pages, written only when their content changes."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: bytes | str) -> bool:
    """Write ``content`` unless the file holds it already; True if it was written.

    An unchanged file keeps its time, so a rebuild with nothing new rewrites nothing.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
