"""The newsletter: a plain form that posts to the mail service, and nothing loaded before."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import Build, Project

ACTION = "https://c0facda0.sibforms.com/serve/"


def test_the_sign_up_form_posts_to_the_service(built_site: Build) -> None:
    page = built_site.html("newsletter/index")
    (form,) = page.find_all("form", class_="faimi-signup")
    assert form["method"] == "post" and form["action"].startswith(ACTION)
    fields = {field["name"]: field for field in form.find_all("input")}
    assert set(fields) == {"EMAIL", "FIRSTNAME", "LASTNAME", "OPT_IN", "email_address_check", "locale"}
    assert fields["EMAIL"]["type"] == "email" and fields["EMAIL"].has_attr("required")
    assert fields["OPT_IN"]["type"] == "checkbox" and fields["OPT_IN"].has_attr("required")
    for field in form.find_all("input", type=lambda t: t != "hidden"):  # every field is labelled
        assert form.find("label", attrs={"for": field["id"]}).get_text().strip()
    privacy = form.find("label", attrs={"for": "faimi-signup-opt-in"}).a["href"]
    assert (built_site.page("newsletter/index").parent / privacy / "index.html").is_file()
    assert form.find("button", type="submit").get_text() == "Subscribe"


def test_the_newsletter_pages_load_nothing_from_elsewhere(built_site: Build) -> None:
    for docname in ("newsletter/index", "newsletter/privacy", "newsletter/confirmation"):
        page = built_site.html(docname)
        loaded = [tag["src"] for tag in page.find_all(["script", "img", "iframe"], src=True)]
        loaded += [link["href"] for link in page.find_all("link", href=True)
                   if {"stylesheet", "icon", "preload", "modulepreload"} & set(link["rel"])]
        assert loaded and [url for url in loaded if urlsplit(url).netloc] == [], docname


def test_the_privacy_notice_says_what_happens_on_submit(built_site: Build) -> None:
    text = built_site.html("newsletter/privacy").get_text(" ", strip=True)
    assert "when you press Subscribe , and not before" in text
    assert built_site.html("newsletter/privacy").find("a", href="https://www.brevo.com/")


def test_other_builders_get_a_link_to_the_service(mini: Project) -> None:
    mini.write("index.md", f"# Home\n\n:::{{newsletter-form}} {ACTION}FORM\n:::\n")
    build = mini.build("text")
    assert build.warnings == ""
    text = " ".join((build.app.outdir / "index.txt").read_text().split())
    assert f"Subscribe with the sign-up form of our mail service: {ACTION}FORM" in text


def test_a_form_address_that_is_not_https_is_reported(mini: Project) -> None:
    mini.write("index.md", "# Home\n\n:::{newsletter-form} http://example.org/form\n:privacy: nowhere\n:::\n")
    build = mini.build()
    assert "index.md:3: WARNING: newsletter-form needs the https:// address the form posts to, not " \
        "'http://example.org/form'" in build.warnings
    mini.write("index.md", f"# Home\n\n:::{{newsletter-form}} {ACTION}FORM\n:privacy: nowhere\n:::\n")
    assert "index.md:3: WARNING: newsletter-form: ':privacy: nowhere' is not a page of the site" in \
        mini.build(outdir="again").warnings
