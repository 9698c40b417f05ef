"""Images served at the size they are shown: resized WebP variants, made at build time.

Every image of the site (people photos, keynote photos, award pictures, logos) is
shown through :func:`image_node`. In HTML it becomes an ``<img>`` whose ``srcset``
offers the image at 1x and 2x the width it is shown at, as WebP, with its ``width``
and ``height`` (no layout shift), ``loading="lazy"`` and ``decoding="async"``. The
variants are made with Pillow the first time they are needed, kept in the build's
cache folder under the source's content hash (a rebuild makes none again), and
copied to ``_images/faimi/`` of the output. The original file never reaches the
output. Other builders (LaTeX, text...) get a plain image node of the original.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from PIL import Image, ImageOps, UnidentifiedImageError
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from .paths import inside, outside_message

logger = logging.getLogger("faimi")

#: The output folder of the variants, under the builder's image folder.
OUTPUT_FOLDER = "faimi"
#: The cache of variants, under the build's doctree folder (kept from build to build).
CACHE_FOLDER = "faimi-images"
#: WebP quality of the variants: photos look right, files stay small.
QUALITY = 80
#: Pixel densities offered in ``srcset``.
DENSITIES = (1, 2)


class responsive_image(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801
    """An image shown ``width`` CSS pixels wide; HTML writes resized variants, others the original."""


@dataclass(frozen=True)
class Source:
    """What the build needs to know of an image file: its content hash and pixel size."""

    digest: str
    width: int
    height: int


# Process-local: the hash and size of each file, kept while the file is unchanged.
_sources: dict[Path, tuple[tuple[int, int], Source]] = {}


def read_source(path: Path) -> Source:
    """The content hash and the (upright) pixel size of the image at ``path``.

    Raises ``OSError`` or ``UnidentifiedImageError`` for a missing or unreadable file.
    """
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _sources.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    with Image.open(path) as image:
        width, height = image.size
        if image.getexif().get(0x0112) in (5, 6, 7, 8):  # EXIF orientation: turned a quarter
            width, height = height, width
    source = Source(digest, width, height)
    _sources[path] = (stamp, source)
    return source


def image_node(
    env: BuildEnvironment, src: str, alt: str, width: int, classes: tuple[str, ...] | list[str] = (),
    lazy: bool = True,
) -> nodes.Element:
    """The image at ``src`` (a path from the project root), shown ``width`` CSS pixels wide.

    The current document is read again when the file changes. A file that is missing or
    not an image is reported, and shown as its alt text.
    """
    relpath = src.lstrip("/")
    path = Path(env.srcdir, relpath)
    env.note_dependency(str(path))
    source = _source_or_problem(Path(env.srcdir), relpath)
    if isinstance(source, str):
        # The data's checks report a missing, outside or mislabelled image at its line and
        # do not show it: this is the last guard (a damaged file, a caller without checks).
        logger.warning(source, location=env.docname, type="faimi", subtype="image")
        return nodes.inline("", alt, classes=list(classes))
    env.images.add_file(env.docname, relpath)  # for the fallback of non-HTML builders
    height = max(1, round(width * source.height / source.width))
    return responsive_image(
        "", src=relpath, alt=alt, width=width, height=height, digest=source.digest,
        lazy=lazy, classes=list(classes),
    )


def _source_or_problem(root: Path, relpath: str) -> Source | str:
    """The image at ``relpath`` (from ``root``), or why it is not shown, in words."""
    if not inside(root, root / relpath):
        return outside_message(relpath)
    try:
        return read_source(root / relpath)
    except FileNotFoundError:
        why = "there is no such file"
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        why = "it is not a JPEG or PNG image that opens (the file is damaged, or of another kind)"
    return (f"the image '{relpath}' cannot be read: {why}; give the path, from the project's folder, "
            "of a JPEG or PNG file, e.g. people/photos/ada-lovelace.jpg")


def variant_name(src: str, digest: str, width: int) -> str:
    """The file name of one variant: the source's name, its content hash and the width."""
    return f"{Path(src).stem}-{digest}-{width}w.webp"


def variant_widths(shown: int, original: int) -> list[int]:
    """Pixel widths to offer for an image shown ``shown`` CSS pixels wide (never upscaled)."""
    widths: list[int] = []
    for density in DENSITIES:
        candidate = min(shown * density, original)
        if candidate not in widths:
            widths.append(candidate)
    return widths


def make_variant(source: Path, target: Path, width: int) -> None:
    """Write ``source`` resized to ``width`` pixels as WebP to ``target`` (atomically)."""
    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        height = max(1, round(width * image.height / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(handle)
    try:
        resized.save(temporary, "WEBP", quality=QUALITY, method=4)
        os.replace(temporary, target)  # parallel writers of the same variant both succeed
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def publish_variant(builder: StandaloneHTMLBuilder, node: responsive_image, width: int) -> str:
    """Make (or reuse) one variant in the cache, copy it to the output; its file name."""
    name = variant_name(node["src"], node["digest"], width)
    cached = Path(builder.doctreedir, CACHE_FOLDER, name)
    if not cached.exists():
        make_variant(Path(builder.srcdir, node["src"]), cached, width)
    published = Path(builder.outdir, builder.imagedir, OUTPUT_FOLDER, name)
    if not published.exists() or published.stat().st_size != cached.stat().st_size:
        published.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, published)
    return name


def _visit_html(self: HTML5Translator, node: responsive_image) -> None:
    source = read_source(Path(self.builder.srcdir, node["src"]))
    widths = variant_widths(node["width"], source.width)
    urls = [
        posixpath.join(self.builder.imgpath, OUTPUT_FOLDER, publish_variant(self.builder, node, w))
        for w in widths
    ]
    srcset = ", ".join(f"{url} {w / node['width']:g}x" for url, w in zip(urls, widths, strict=True))
    atts: dict[str, object] = {
        "src": urls[0], "srcset": srcset, "alt": node["alt"],
        "width": node["width"], "height": node["height"], "decoding": "async",
    }
    if node["lazy"]:
        atts["loading"] = "lazy"
    self.body.append(self.emptytag(node, "img", "", **atts))
    raise nodes.SkipNode


class PlainImages(SphinxPostTransform):
    """For builders other than HTML: the original file as a standard image node."""

    default_priority = 5  # before Sphinx's image converters
    #: Every output format but HTML ("" is that of linkcheck, xml, gettext...).
    formats = ("latex", "text", "man", "texinfo", "")

    def run(self, **kwargs: object) -> None:
        for node in list(self.document.findall(responsive_image)):
            image = nodes.image(
                "", uri=node["src"], alt=node["alt"], candidates={"*": node["src"]},
                width=f"{node['width']}px", classes=node["classes"],
            )
            node.replace_self(image)


def setup_images(app: Sphinx) -> None:
    app.add_node(responsive_image, html=(_visit_html, None))
    app.add_post_transform(PlainImages)
