"""The links of an event that may carry a picture: its sponsors, each with its logo, and
its proceedings, with the book's cover.

Logos and covers are :class:`~faimi.programme_model.EventPhoto` (a file under ``events/``
and its alt text; only the examples of the alt text differ), checked as every photo of
an event is (``programme_checks``).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from .fields import WebUrl
from .model_base import Link, Strict
from .programme_model import EventPhoto


class Logo(EventPhoto):
    """A sponsor's logo; its alt text names the sponsor."""

    alt: str = Field(min_length=1, examples=["Royal Academy of Engineering"])


class Cover(EventPhoto):
    """The cover of a book of proceedings; its alt text says what it shows."""

    alt: str = Field(min_length=1, examples=["The cover of the proceedings, Fairness of AI in Medical Imaging"])


class Sponsor(Link):
    """A sponsor: its name, its web page, and its logo, which then stands for the name."""

    name: str = Field(min_length=1, examples=["Royal Academy of Engineering"])
    logo: Logo | None = Field(default=None, examples=[{
        "src": "images/2025-london-symposium/royal-academy-of-engineering.png",
        "alt": "Royal Academy of Engineering"}])

    @model_validator(mode="after")
    def _logo_says_the_name(self) -> Sponsor:
        if self.logo and self.name.casefold() not in self.logo.alt.casefold():
            raise ValueError(
                f"the logo is shown in place of the name, so its alt text is what screen readers say "
                f"for the sponsor: make it name '{self.name}', e.g. alt: {self.name}"
            )
        return self


class Proceedings(Strict):
    """Where the event's papers are published, and the cover of the book."""

    url: WebUrl = Field(examples=["https://link.springer.com/book/10.1007/978-3-032-05870-6"])
    cover: Cover | None = Field(default=None, examples=[{
        "src": "images/2025-miccai-workshop/proceedings.png",
        "alt": "The book's page at Springer: Fairness of AI in Medical Imaging, with its red cover"}])


def _address_alone(value: Any) -> Any:
    """``proceedings: URL`` is short for ``proceedings: {url: URL}``."""
    return {"url": value} if isinstance(value, str) else value


#: The proceedings, written as their web address alone or as ``{url, cover}``.
ProceedingsField = Annotated[
    Proceedings, BeforeValidator(_address_alone, json_schema_input_type=WebUrl | Proceedings),
]
