"""Deprecated: renamed :mod:`nrscompose.providers.bulk_sms` (removed in the next release)."""

from __future__ import annotations

import warnings

from nrscompose.providers.bulk_sms import *  # noqa: F403
from nrscompose.providers.bulk_sms import BulkSmsApi
from nrscompose.providers.bulk_sms import __all__ as __all__

Seed004Api = BulkSmsApi  # the old name

warnings.warn(
    "nrscompose.providers.seed004 is renamed nrscompose.providers.bulk_sms",
    DeprecationWarning,
    stacklevel=2,
)
