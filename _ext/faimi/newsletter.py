"""The ``newsletter-form`` directive: a plain sign-up form that posts to the mail service.

Nothing is loaded from the service when the page opens (no script, no style, no font):
the browser sends the form to the service's address only when the visitor submits it::

    :::{newsletter-form} https://example.sibforms.com/serve/FORM-ID
    :privacy: privacy
    :::

The argument is the form's ``action`` (the address in the service's form code); the
``:privacy:`` option names the page of the privacy notice (a document, as for
``{doc}``), linked from the consent box. HTML gets the form; other builders get a
sentence with a link to the service's own page of the form.
"""

from __future__ import annotations

import posixpath
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from .report import warn_at

#: The fields the service's form expects, as (name, label, input type, autocomplete, required).
FIELDS = (
    ("EMAIL", "Email address", "email", "email", True),
    ("FIRSTNAME", "First name", "text", "given-name", False),
    ("LASTNAME", "Last name", "text", "family-name", False),
)


class signup_form(nodes.container):  # noqa: N801
    """A sign-up form; HTML writes the form, other builders the fallback sentence it contains."""


class NewsletterForm(SphinxDirective):
    """A sign-up form posting to the newsletter service, and a link to its own page elsewhere."""

    required_arguments = 1
    option_spec = {"privacy": lambda arg: (arg or "").strip()}

    def run(self) -> list[nodes.Node]:
        action = self.arguments[0]
        if not action.startswith("https://"):
            warn_at(self, f"newsletter-form needs the https:// address the form posts to, not '{action}'; "
                          "e.g. ':::{newsletter-form} https://example.sibforms.com/serve/FORM-ID'", "newsletter")
            return []
        privacy = ""
        if self.options.get("privacy"):
            privacy = posixpath.normpath(posixpath.join(posixpath.dirname(self.env.docname), self.options["privacy"]))
            if privacy not in self.env.found_docs:
                warn_at(self, f"newsletter-form: ':privacy: {self.options['privacy']}' is not a page of the site; "
                              "name the privacy notice's page from this page's folder, e.g. ':privacy: privacy'",
                        "newsletter")
                privacy = ""
        fallback = nodes.paragraph(
            "", "Subscribe with the sign-up form of our mail service: ",
            nodes.reference("", action, refuri=action, internal=False),
        )
        return [signup_form("", fallback, action=action, privacy=privacy, classes=["faimi-signup"])]


def _privacy_link(self: HTML5Translator, docname: str) -> str:
    if not docname:
        return "the privacy notice"
    uri = self.builder.get_relative_uri(self.builder.current_docname, docname)
    return f'the <a href="{escape(uri)}">privacy notice</a>'


def _visit_html(self: HTML5Translator, node: signup_form) -> None:
    out = [self.starttag(node, "form", "", method="post", action=node["action"])]
    for name, label, kind, autocomplete, required in FIELDS:
        ident = f"faimi-signup-{name.lower()}"
        shown, limit = (f"{label} (required)", " required") if required else (label, ' maxlength="200"')
        out.append(
            f'<p><label for="{ident}">{shown}</label>'
            f'<input id="{ident}" name="{name}" type="{kind}" autocomplete="{autocomplete}"{limit}></p>\n'
        )
    out.append(
        '<p><input id="faimi-signup-opt-in" name="OPT_IN" type="checkbox" value="1" required>'
        '<label for="faimi-signup-opt-in">I agree to receive the FAIMI newsletter and accept '
        f"{_privacy_link(self, node['privacy'])}.</label></p>\n"
        # What the service's own form sends besides: an empty trap field for robots, the language.
        '<input type="hidden" name="email_address_check" value="">'
        '<input type="hidden" name="locale" value="en">\n'
        '<p><button type="submit">Subscribe</button></p>\n</form>\n'
    )
    self.body.append("".join(out))
    raise nodes.SkipNode


def setup_newsletter(app: Sphinx) -> None:
    app.add_node(signup_form, html=(_visit_html, None))
    app.add_directive("newsletter-form", NewsletterForm)
