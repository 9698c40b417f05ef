"""Images: resized WebP variants with srcset, never the multi-MB original (faimi.images)."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from conftest import Project

#: Bigger than any image a page should send: it must never reach the output.
ORIGINAL_BYTES = 2_000_000


def noisy_jpeg(width: int, height: int) -> bytes:
    """A photo-sized JPEG of noise (which does not compress): several MB."""
    pixels = random.Random(1).randbytes(width * height * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), pixels).save(out, "JPEG", quality=95)
    return out.getvalue()


@pytest.fixture
def photographed(mini: Project) -> Project:
    """The small project whose Ada Lovelace has a 3000x2000 photo, shown by people-list."""
    original = noisy_jpeg(3000, 2000)
    assert len(original) > ORIGINAL_BYTES
    mini.write_bytes("people/photos/ada.jpg", original)
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace(
        "    affiliation: Analytical Engine Society\n",
        "    affiliation: Analytical Engine Society\n    photo: {src: photos/ada.jpg, alt: Ada Lovelace}\n"))
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:photos:\n:::\n")
    return mini


def test_html_gets_resized_webp_variants_with_srcset(photographed: Project) -> None:
    build = photographed.build()
    assert build.warnings == ""
    img = build.html().find("img", class_="faimi-person__photo")
    assert img["alt"] == "Ada Lovelace"
    assert (img["width"], img["height"]) == ("56", "37")  # 3:2, as the original
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    one, two = (part.split() for part in img["srcset"].split(", "))
    assert (one[1], two[1]) == ("1x", "2x") and img["src"] == one[0]
    for url, width in ((one[0], 56), (two[0], 112)):
        assert url.startswith("_images/faimi/ada-") and url.endswith(f"-{width}w.webp")
        with Image.open(build.page().parent / url) as variant:
            assert (variant.format, variant.size) == ("WEBP", (width, round(width * 2 / 3)))
    # Nothing big reaches the output: no copy of the original, nothing near its size.
    outputs = [p for p in build.app.outdir.rglob("*") if p.is_file()]
    assert not [p for p in outputs if p.name.startswith("ada") and not p.name.endswith(".webp")]
    assert max(p.stat().st_size for p in outputs if "_images" in p.parts) < 20_000


def test_variants_are_made_once_and_kept_in_the_build_cache(photographed: Project) -> None:
    first = photographed.build()
    cached = sorted(first.app.doctreedir.joinpath("faimi-images").iterdir())
    assert [p.name.rsplit("-", 1)[1] for p in cached] == ["112w.webp", "56w.webp"]
    stamps = [p.stat().st_mtime_ns for p in cached]
    # The page written again, into an emptied image folder: the cache serves it.
    for published in first.app.outdir.joinpath("_images", "faimi").iterdir():
        published.unlink()
    photographed.write("index.md", photographed.read("index.md") + "\nMore words.\n")
    again = photographed.build()
    assert again.warnings == ""
    assert [p.stat().st_mtime_ns for p in cached] == stamps
    assert sorted(p.name for p in again.app.outdir.joinpath("_images", "faimi").iterdir()) == [
        p.name for p in cached]


def test_a_changed_image_gets_new_variants(photographed: Project) -> None:
    before = photographed.build().html().find("img", class_="faimi-person__photo")["src"]
    photographed.write_bytes("people/photos/ada.jpg", noisy_jpeg(300, 300))
    after = photographed.build()
    assert after.read == ["index"]
    img = after.html().find("img", class_="faimi-person__photo")
    assert img["src"] != before and img["height"] == "56"


def test_eager_images_for_the_top_of_a_page(mini: Project) -> None:
    mini.write_bytes("logo.png", _png(400, 100))
    mini.write("conf.py", mini.read("conf.py") + (
        "from docutils.parsers.rst import Directive\n"
        "class Logo(Directive):\n"
        "    def run(self):\n"
        "        from faimi.images import image_node\n"
        "        env = self.state.document.settings.env\n"
        "        return [image_node(env, 'logo.png', 'The logo', 200, classes=['logo'], lazy=False)]\n"
        "def setup(app):\n"
        "    app.add_directive('logo', Logo)\n"))
    mini.write("index.md", "# Home\n\n```{logo}\n```\n")
    build = mini.build()
    assert build.warnings == ""
    img = build.html().find("img", class_="logo")
    assert "loading" not in img.attrs and img["decoding"] == "async"
    assert (img["width"], img["height"]) == ("200", "50")
    assert [part.split()[1] for part in img["srcset"].split(", ")] == ["1x", "2x"]


def test_a_small_original_is_never_upscaled(mini: Project) -> None:
    mini.write_bytes("people/photos/ada.png", _png(80, 80))
    mini.write("people/people.yaml", mini.read("people/people.yaml").replace(
        "    affiliation: Analytical Engine Society\n",
        "    affiliation: Analytical Engine Society\n    photo: {src: photos/ada.png, alt: Ada}\n"))
    mini.write("index.md", "# Home\n\n:::{people-list} pioneers\n:photos:\n:::\n")
    img = mini.build().html().find("img", class_="faimi-person__photo")
    # 1x is 56 pixels; 2x would be 112, but the original has 80: that is the best there is.
    assert [part.split()[1] for part in img["srcset"].split(", ")] == ["1x", "1.42857x"]


@pytest.mark.parametrize("builder", ["text", "latex", "singlehtml"])
def test_other_builders(photographed: Project, builder: str) -> None:
    build = photographed.build(builder)
    assert build.warnings == ""
    out = build.app.outdir
    if builder == "text":
        assert "[image: Ada Lovelace]" in (out / "index.txt").read_text()
    elif builder == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert r"\sphinxincludegraphics[width=56\sphinxpxdimen]{{ada}.jpg}" in tex
        assert (out / "ada.jpg").is_file()  # LaTeX gets the original, for print
    else:
        img = build.html().find("img", class_="faimi-person__photo")
        assert img["src"].startswith("_images/faimi/ada-") and (out / img["src"]).is_file()


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()
