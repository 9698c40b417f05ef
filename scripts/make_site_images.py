"""Draw the site's sharing image and favicon into _static/ (run by hand, output committed).

    python -m pip install --group images && python scripts/make_site_images.py

The sharing image (OpenGraph ``og:image``) is a 1200x630 PNG, the size link previews
expect; the favicon is a small hand-written SVG. Only plain shapes and Pillow's
built-in font are used, so nothing needs to be downloaded.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "_static"
NAVY = "#16324f"
TEAL = "#2a9d8f"
SAND = "#e9c46a"
WHITE = "#ffffff"

FAVICON = f"""\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="6" fill="{NAVY}"/>
  <path d="M9 7h14v4H13v4h8v4h-8v6H9z" fill="{WHITE}"/>
  <circle cx="24" cy="23" r="3" fill="{TEAL}"/>
</svg>
"""


def sharing_image() -> Image.Image:
    """The card shown when a page of the site is shared: name and title on navy."""
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 36, width, height), fill=TEAL)
    draw.rectangle((80, 150, 92, 430), fill=SAND)
    for y, radius, colour in ((190, 46, TEAL), (320, 34, SAND), (430, 22, WHITE)):
        draw.ellipse((1010 - radius, y - radius, 1010 + radius, y + radius), fill=colour)
    draw.text((130, 140), "FAIMI", font=ImageFont.load_default(size=190), fill=WHITE)
    draw.text(
        (136, 370), "Fairness of AI in Medical Imaging",
        font=ImageFont.load_default(size=52), fill=WHITE,
    )
    return image


def main() -> None:
    sharing_image().save(STATIC / "faimi-og.png", optimize=True)
    (STATIC / "favicon.svg").write_text(FAVICON, encoding="utf-8")
    print(f"wrote {STATIC / 'faimi-og.png'} and {STATIC / 'favicon.svg'}")


if __name__ == "__main__":
    main()
