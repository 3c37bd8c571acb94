"""Deprecated: renamed :mod:`nrscompose.providers.email_contacts` (removed in the next release)."""

from __future__ import annotations

import warnings

from nrscompose.providers.email_contacts import *  # noqa: F403
from nrscompose.providers.email_contacts import __all__ as __all__

warnings.warn(
    "nrscompose.providers.seed003 is renamed nrscompose.providers.email_contacts",
    DeprecationWarning,
    stacklevel=2,
)
