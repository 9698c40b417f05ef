"""Which files are read, by which page: inside the project, of the expected kind, each
event file on one page, every data file checked; and the check command says the same."""

from __future__ import annotations

import subprocess
import sys

from conftest import EVENT_YAML, ROOT, Project
from test_people import PNG, with_photo

SECRET = "root:x:0:0:secret-content"


def test_an_agenda_outside_the_project_is_refused_without_its_content(event: Project) -> None:
    (event.root.parent / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    event.write("events/test.md", event.read("events/test.md").replace("test.agenda.yaml", "../../passwd"))
    build = event.build()
    assert "events/test.md:8: WARNING: '../../passwd' is outside the project" in build.warnings
    assert "secret" not in build.warnings and "secret" not in build.page("events/test").read_text()


def test_a_link_to_a_file_outside_the_project_is_refused(event: Project) -> None:
    outside = event.root.parent / "agenda.yaml"
    outside.write_text(event.read("events/test.agenda.yaml").replace("A talk", SECRET), encoding="utf-8")
    (event.root / "events/test.agenda.yaml").unlink()
    (event.root / "events/test.agenda.yaml").symlink_to(outside)
    build = event.build()
    assert "events/test.md:8: WARNING: 'test.agenda.yaml' is outside the project (or a link" in build.warnings
    assert "secret" not in build.warnings and "secret" not in build.page("events/test").read_text()


def test_a_directive_given_the_wrong_kind_of_file_says_so(event: Project) -> None:
    event.write("events/test.md", event.read("events/test.md").replace("test.agenda.yaml", "../people/people.yaml"))
    build = event.build()
    assert ("events/test.md:8: WARNING: agenda shows an agenda (events/NAME.agenda.yaml), and "
            "'../people/people.yaml' is not one: it is the people registry (people/people.yaml); "
            "name the agenda file here") in build.warnings
    assert build.warnings.count("WARNING") == 1


def test_photos_must_be_real_images_inside_the_project(mini: Project) -> None:
    mini.write("people/photos/ada.jpg", "this is text, not a photo\n")
    with_photo(mini, "{src: photos/ada.jpg, alt: Ada}")
    build = mini.build()
    assert ("people/people.yaml:6: WARNING: people.ada-lovelace.photo.src: 'photos/ada.jpg' in people/ is "
            "not a JPEG or PNG image") in build.warnings

    outside = mini.root.parent / "real.png"
    outside.write_bytes(PNG)
    (mini.root / "people/photos/ada.jpg").unlink()
    (mini.root / "people/photos/ada.jpg").symlink_to(outside)
    again = mini.build(outdir="again")
    assert ("people/people.yaml:6: WARNING: people.ada-lovelace.photo.src: 'photos/ada.jpg' is outside the "
            "project") in again.warnings
    assert not [p for p in again.app.outdir.rglob("*") if p.name.startswith(("ada", "real"))]


def test_a_page_shows_one_event(event: Project) -> None:
    event.write("events/other.yaml", EVENT_YAML.replace("2025-06-30", "2025-07-30"))
    event.write("events/test.md", event.read("events/test.md") + "\n:::{event-summary} other.yaml\n:::\n")
    build = event.build()
    assert ("events/test.md:11: WARNING: a page shows one event: this page has an event-summary above "
            "already") in build.warnings
    assert "30 July" not in build.page("events/test").read_text()


def test_event_summary_belongs_on_an_event_page(event: Project) -> None:
    event.write("index.md", "# Home\n\n:::{event-summary} events/test.yaml\n:::\n\n```{toctree}\nevents/test\n```\n")
    build = event.build()
    assert ("index.md:3: WARNING: event-summary makes its page an event's page, and event pages live in "
            "events/") in build.warnings
    assert build.html().find(class_="faimi-summary") is None


def test_an_event_file_belongs_to_one_page(event: Project) -> None:
    event.write("events/copy.md", "# Copy\n\n:::{event-summary} test.yaml\n:::\n")
    event.write("index.md", "# Home\n\n```{toctree}\nevents/test\nevents/copy\n```\n")
    build = event.build()
    assert ("events/copy.md:3: WARNING: events/test.yaml is the event of events/test.md already: one event "
            "file belongs to one page") in build.warnings
    assert build.warnings.count("WARNING") == 1


def test_data_files_no_page_shows_are_checked_too(event: Project) -> None:
    event.write("events/draft.yaml", "kind: workshop\ndescription: A draft.\ndate: 2025-13-01\n")
    event.write("events/draft.agenda.yaml", "- start: 9\n  title: x\n")
    event.write("events/notes.yml", "a: 1\n")
    build = event.build()
    assert "events/draft.yaml:3: WARNING: date:" in build.warnings
    assert "events/draft.agenda.yaml:1: WARNING: [0].start: write the time in quotes" in build.warnings
    assert "events/notes.yml:1: WARNING: 'events/notes.yml' is no kind of data file" in build.warnings
    # The check command says the same, without building.
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(event.root)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 1
    built = sorted(line for line in build.warnings.splitlines() if "WARNING" in line)
    assert sorted(check.stdout.splitlines()) == built


def test_the_check_command_passes_on_the_real_site() -> None:
    check = subprocess.run(["bash", str(ROOT / "scripts" / "check.sh")], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout
    assert check.stdout == "" and "The data files are valid" in check.stderr


def test_pre_commit_runs_the_check_command() -> None:
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    assert hook["entry"] == "bash scripts/check.sh" and hook["pass_filenames"] is False
    done = subprocess.run(hook["entry"].split(), cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


def test_a_base_url_that_is_not_http_is_a_message_naming_the_variable(site: Project, monkeypatch) -> None:
    monkeypatch.setenv("FAIMI_BASEURL", "javascript:alert(1)//")
    done = site.sphinx_build()
    assert done.returncode == 1
    assert ("WARNING: FAIMI_BASEURL is 'javascript:alert(1)//', which is not the web address of the site; "
            "give a complete http or https address") in done.stderr
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr
    assert "javascript:" not in (site.root / "_build/cli/index.html").read_text(encoding="utf-8")


def test_the_check_command_checks_an_agenda_against_its_event_as_the_build_does(event: Project) -> None:
    event.write("events/test.agenda.yaml", """\
        - start: "10:00"
          end: "10:30"
          title: A talk
        - start: "01:30"
          end: "01:45"
          title: Too early
        """)
    build = event.build()
    built = sorted(line for line in build.warnings.splitlines() if "WARNING" in line)
    assert any("events/test.agenda.yaml:4: WARNING: [1]: the items are out of order" in w for w in built), built
    assert any("before the event starts" in w for w in built), built
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(event.root)],
                           capture_output=True, text=True, check=False)
    assert sorted(check.stdout.splitlines()) == built
