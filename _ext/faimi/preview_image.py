"""The link-preview image of an event: its title, date and place on the site's colours.

Pure Pillow, with Pillow's built-in font: nothing is downloaded and no Sphinx is
imported. An image depends only on its :class:`Card`, so it is cached under the
card's fingerprint and drawn again only when what it shows changes.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import astuple, dataclass
import functools
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
NAVY, TEAL, SAND, WHITE, MIST = "#16324f", "#2a9d8f", "#e9c46a", "#ffffff", "#d7e3ee"
#: Bumped whenever the drawing changes, so that cached images are drawn again.
STYLE = "3"
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN


@dataclass(frozen=True)
class Card:
    """What a preview image shows."""

    title: str
    kind: str
    when: str
    where: str

    def fingerprint(self) -> str:
        data = "\x1f".join((STYLE, *astuple(self))).encode("utf-8")
        return hashlib.sha256(data).hexdigest()[:16]


#: Characters that Pillow's built-in font lacks, and what is drawn instead.
_PLAIN = str.maketrans({"–": "-", "—": "-", "…": "...", "\u202f": " ", "\u00a0": " "})


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of at most ``width`` pixels (the last one cut with "…")."""
    out: list[str] = []
    for word in text.translate(_PLAIN).split():
        if out and draw.textlength(f"{out[-1]} {word}", font=font) <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] += " ..."
    for i, line in enumerate(out):  # a single word longer than the line: cut it
        while draw.textlength(line, font=font) > width and len(line) > 4:
            line = line[:-4] + "..."
        out[i] = line
    return out


def draw_card(card: Card) -> Image.Image:
    """The 1200×630 image (the size link previews expect)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=TEAL)
    draw.rectangle((MARGIN, 70, MARGIN + 10, 130), fill=SAND)
    draw.text((MARGIN + 30, 66), "FAIMI", font=_font(56), fill=WHITE)
    kind_at = MARGIN + 70 + draw.textlength("FAIMI", font=_font(56))
    draw.text((kind_at, 84), card.kind, font=_font(34), fill=SAND)
    y = 180
    title_font = _font(60)
    for line in wrap(draw, card.title, title_font, TEXT_WIDTH, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += 76
    y = max(y + 24, 430)
    for text in (card.when, card.where):
        for line in wrap(draw, text, _font(36), TEXT_WIDTH, 2):
            draw.text((MARGIN, y), line, font=_font(36), fill=MIST)
            y += 46
    return image


@functools.cache
def palette() -> Image.Image:
    """The card's colours: the background, the bar, and 16 steps from the background to
    each text colour (the shades of anti-aliased text)."""
    background = ImageColor.getrgb(NAVY)
    colours = [ImageColor.getrgb(TEAL)]
    for text in (WHITE, SAND, MIST):
        ink = ImageColor.getrgb(text)
        colours += [tuple(round(b + (i - b) * step / 15) for b, i in zip(background, ink)) for step in range(16)]
    image = Image.new("P", (1, 1))
    image.putpalette([value for colour in colours for value in colour])
    return image


def encode(image: Image.Image, path: Path) -> None:
    """Save ``image`` as a PNG of the card's few colours: a third of the size of a
    full-colour one, and a tenth of the time of an optimised one (a build draws a card
    per event)."""
    image.quantize(palette=palette(), dither=Image.Dither.NONE).save(path, format="PNG", compress_level=6)


def write_card(card: Card, target: Path, cache: Path) -> None:
    """Write the card's PNG to ``target``, drawing it only if ``cache`` has no copy."""
    cached = cache / f"{card.fingerprint()}.png"
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{id(card)}.tmp")
        encode(draw_card(card), partial)
        partial.replace(cached)  # atomic: parallel writers never see half a file
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != cached.read_bytes():
        shutil.copyfile(cached, target)
