"""What the data models share: strict mappings, and named links."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .fields import WebUrl


class Strict(BaseModel):
    """A mapping of known fields only (a misspelt field is an error), read-only once checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(Strict):
    """Something with a name and, usually, a web page: a conference, a journal, a sponsor."""

    name: str = Field(min_length=1, examples=["MICCAI 2025"])
    url: WebUrl | None = Field(default=None, examples=["https://conferences.miccai.org/2025/en/"])
