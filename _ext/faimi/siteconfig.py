"""Settings that come from the environment, checked: a mistaken one is a warning
naming its variable, never a third-party traceback.

``conf.py`` reads ``FAIMI_BASEURL`` with :func:`faimi.fields.site_address`, which falls
back to the default address and says why in ``faimi_baseurl_problem``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from .report import logger


def _report_baseurl(app: Sphinx, config: Config) -> None:
    if config.faimi_baseurl_problem:
        logger.warning(config.faimi_baseurl_problem, type="faimi", subtype="config")


def setup_siteconfig(app: Sphinx) -> None:
    app.add_config_value("faimi_baseurl_problem", "", "", types=[str])
    app.connect("config-inited", _report_baseurl)
