"""The reading list's citation style: each title links to the work (its DOI, else its URL).

``resources/*.bib`` is rendered by sphinxcontrib-bibtex (``bibtex_default_style =
"faimi"`` in conf.py). The style is pybtex's ``unsrt`` (entries in the order of the
file) with three changes for a reading list on the web: titles are kept as written
(no "Sentence case"); the title itself is the link, so no "URL:" or "doi:" line
follows (an arXiv ``eprint`` is still shown beside it); and BibTeX's ``and others``
reads "et al.".

The build checks the files: an entry without a link or a section, a file that cannot be
parsed (reported at its line, its entries left out). The page with the bibliographies is
read again when a file is fixed, added or removed, so an incremental build (the preview)
shows what a clean one does.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Set
from pathlib import Path

from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError
from pybtex.plugin import register_plugin
from pybtex.scanner import PybtexSyntaxError
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.richtext import Text
from pybtex.style.template import FieldIsMissing, field, href, join, node, optional, sentence
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinxcontrib.bibtex.bibfile import BibData, BibFile, get_mtime, parse_bibdata

logger = logging.getLogger("faimi")

#: The name conf.py gives as ``bibtex_default_style``.
STYLE = "faimi"


def link_of(fields: dict) -> str | None:
    """Where an entry's title leads: its DOI, else its URL."""
    if fields.get("doi"):
        return f"https://doi.org/{fields['doi']}"
    return fields.get("url") or None


@node
def names_et_al(children, context, role, **kwargs):  # noqa: ANN001, ANN003, ANN201 (a pybtex node)
    """The names of ``role``, with BibTeX's ``and others`` written as "et al."."""
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    named = [style.format_name(p, style.abbreviate_names) for p in persons if str(p) != "others"]
    shown = join(**kwargs)[named].format_data(context)
    return Text(shown, " et al.") if len(named) < len(persons) else shown


class ReadingListStyle(UnsrtStyle):
    """``unsrt`` with linked titles, as their authors wrote them, and "et al."."""

    def format_names(self, role, as_sentence=True):  # noqa: ANN001, ANN201 (pybtex's signature)
        formatted = names_et_al(role, sep=", ", sep2=" and ", last_sep=", and ")
        return sentence[formatted] if as_sentence else formatted

    def format_title(self, e, which_field, as_sentence=True):  # noqa: ANN001, ANN201 (pybtex's signature)
        title = field(which_field)
        link = link_of(e.fields)
        linked = href(link)[title] if link else title
        return sentence[linked] if as_sentence else linked

    def format_btitle(self, e, which_field, as_sentence=True):  # noqa: ANN001, ANN201
        return self.format_title(e, which_field, as_sentence)

    def format_web_refs(self, e):  # noqa: ANN001, ANN201
        return sentence[optional[self.format_eprint(e)]]

    def format_eprint(self, e):  # noqa: ANN001, ANN201
        number = field("eprint", raw=True)
        return href(join["https://arxiv.org/abs/", number])[join["arXiv:", number]]


def _topics(filters: Iterable[ast.AST]) -> list[str]:
    """The words the bibliographies' filters look for (``keywords % "bias-mitigation"``)."""
    return sorted({node.value for tree in filters for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)})


def _line(path: Path, key: str) -> int | None:
    """The line of ``@type{key,`` in a BibTeX file."""
    pattern = re.compile(r"^\s*@\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", re.IGNORECASE)
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(text):
            return number
    return None


def check_entries(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every entry of the BibTeX files has a link and is shown in some section of the page."""
    if "cite" not in env.domains:
        return []
    domain = env.domains["cite"]
    if not domain.bibliographies:  # no reading list in this project
        return []
    shown = {citation.key for citation in domain.citations}
    topics = _topics(value.filter_ for value in domain.bibliographies.values())
    for path, bibfile in domain.bibdata.bibfiles.items():
        where = Path(path).relative_to(app.srcdir).as_posix() if Path(path).is_relative_to(app.srcdir) else path
        for key in bibfile.keys:
            fields = domain.bibdata.data.entries[key].fields
            location = f"{where}:{_line(Path(path), key) or 0}"
            if not link_of(fields):
                logger.warning(f"{key}: the entry has no link; give the work's doi = {{10.1000/xyz123}} or "
                               "url = {https://...}", location=location, type="faimi", subtype="reading_list")
            if key not in shown:
                logger.warning(
                    f"{key}: the entry is in no section of the reading list: its keywords "
                    f"({fields.get('keywords') or 'none'}) name none of the topics ({', '.join(topics)}); "
                    "add one, e.g. keywords = {bias-mitigation}",
                    location=location, type="faimi", subtype="reading_list")
    return []


def _readable(path: Path, name: str, encoding: str) -> bool:
    """Whether a BibTeX file can be decoded and parsed; if not, the problem is reported at its line."""
    try:
        data = path.read_bytes()
        Parser(encoding=encoding).parse_string(data.decode(encoding))
        return True
    except UnicodeDecodeError as error:
        line, problem = data[:error.start].count(b"\n") + 1, f"byte {data[error.start]:#04x} is not {encoding} text"
        advice = "save the file as UTF-8"
    except PybtexSyntaxError as error:
        line, problem = error.lineno, PybtexError.__str__(error)
        advice = "look for a missing brace, comma or quote in the entry above"
    except (PybtexError, OSError):  # a duplicate key, a missing file: sphinxcontrib-bibtex reports these
        return True
    logger.warning(
        f"this BibTeX file cannot be read here: {problem}; {advice}. An entry reads: @article{{key, "
        "author = {Surname, Given and others}, title = {{Title}}, journal = {Journal}, year = {2025}, "
        "doi = {10.1000/xyz123}, keywords = {segmentation}}",
        location=f"{name}:{line or 0}", type="faimi", subtype="reading_list")
    return False


def check_syntax(app: Sphinx) -> None:
    """Report a BibTeX file that cannot be decoded or parsed at its line; leave its entries out.

    sphinxcontrib-bibtex would stop the build with a traceback. The file stays in its cache
    of parsed files, with no entries and its current time, so it is not parsed again; the
    pages with a bibliography still depend on it and are read again once it is fixed.
    """
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    encoding = app.config.bibtex_encoding
    names = app.config.bibtex_bibfiles or []
    paths = [(Path(app.confdir) / name).resolve() for name in names]  # as sphinxcontrib-bibtex names them
    broken = [path for path, name in zip(paths, names, strict=True) if not _readable(path, name, encoding)]
    if broken:
        parsed = parse_bibdata([path for path in paths if path not in broken], encoding)
        files = {path: parsed.bibfiles.get(path) or BibFile(mtime=get_mtime(path), keys={}) for path in paths}
        app.env.domains["cite"].data["bibdata"] = BibData(encoding=encoding, bibfiles=files, data=parsed.data)


def _outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
              removed: Set[str]) -> list[str]:
    """The pages with a bibliography, when a BibTeX file has been added or removed since they were read.

    (sphinxcontrib-bibtex parses the files again, but its bibliographies keep the files
    they were read with.)
    """
    if "sphinxcontrib.bibtex" not in app.extensions:
        return []
    now = list(app.config.bibtex_bibfiles or [])
    before = getattr(env, "faimi_bibfiles", now)
    env.faimi_bibfiles = now
    if before == now:
        return []
    return sorted({key.docname for key in env.domains["cite"].bibliographies} - removed)


def setup_reading_list(app: Sphinx) -> None:
    register_plugin("pybtex.style.formatting", STYLE, ReadingListStyle, force=True)
    app.connect("builder-inited", check_syntax, priority=400)  # before sphinxcontrib-bibtex reads them
    app.connect("env-get-outdated", _outdated)
    # After sphinxcontrib-bibtex has placed the entries (its own env-updated, priority 500).
    app.connect("env-updated", check_entries, priority=600)
