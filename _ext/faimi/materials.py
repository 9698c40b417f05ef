"""The ``materials`` directive: what the event offers to download (slides, notebooks)
or to follow (a recording), from its facts.

    :::{materials}
    :::

A file kept in the repository is linked through Sphinx's download machinery (as the
``:download:`` role links it), so every builder copies it to the output; its type and
size are shown beside it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .events import external_link
from .paths import usable
from .programme import programme_event
from .programme_model import Material

#: File types by extension, in words; other files are named by their extension.
FILE_TYPES = {
    ".pdf": "PDF", ".ipynb": "Jupyter notebook", ".py": "Python script", ".zip": "ZIP archive",
    ".pptx": "PowerPoint slides", ".key": "Keynote slides", ".odp": "OpenDocument slides",
    ".csv": "CSV table", ".html": "web page", ".md": "Markdown text", ".txt": "text",
    ".png": "PNG image", ".jpg": "JPEG image", ".jpeg": "JPEG image", ".mp4": "MP4 video",
}


def file_type(name: str) -> str:
    """``slides.pdf`` as ``PDF``; an unknown extension as itself (``.R`` as ``R file``)."""
    suffix = PurePosixPath(name).suffix
    return FILE_TYPES.get(suffix.lower(), f"{suffix.lstrip('.').upper()} file" if suffix else "file")


def file_size(size: int) -> str:
    """A size in bytes as people write it: ``850 bytes``, ``12 kB``, ``2.4 MB``."""
    if size < 1000:
        return f"{size} bytes"
    value, unit = size / 1000, "kB"
    for bigger in ("MB", "GB"):
        if value < 1000:
            break
        value, unit = value / 1000, bigger
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def download(material: Material, src: str, path: Path, docname: str) -> list[nodes.Node]:
    """A link that downloads the file (copied to the output by Sphinx), its type and size."""
    link = addnodes.download_reference(
        "", "", nodes.inline("", material.title), refdoc=docname, reftarget=f"/{src}",
        refexplicit=True, refdomain="", reftype="download",
    )
    details = f" ({file_type(src)}, {file_size(path.stat().st_size)})"
    return [link, nodes.inline("", details, classes=["faimi-material__details"])]


class MaterialsDirective(SphinxDirective):
    """The page's event's materials, as a list."""

    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        record = programme_event(self, "materials lists the materials", "materials")
        if record is None:
            return []
        folder = PurePosixPath(record.source).parent
        items = []
        for material in record.event.materials:
            if material.url:
                host = urlsplit(material.url).hostname or ""
                shown = [external_link(material.title, material.url),
                         nodes.inline("", f" (on {host})", classes=["faimi-material__details"])]
            else:
                src = (folder / str(material.file)).as_posix()
                path = Path(self.env.srcdir, src)
                if not usable(Path(self.env.srcdir), src):
                    continue  # reported with the event's facts
                shown = download(material, src, path, self.env.docname)
            items.append(nodes.list_item("", nodes.paragraph("", "", *shown), classes=["faimi-material"]))
        return [nodes.bullet_list("", *items, classes=["faimi-materials", *self.options.get("class", [])])]


def setup_materials(app: Sphinx) -> None:
    app.add_directive("materials", MaterialsDirective)
