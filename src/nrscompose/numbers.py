"""Deprecated: renamed :mod:`nrscompose.destinations` (this alias goes in the next release)."""

from __future__ import annotations

import warnings

from nrscompose.destinations import Destination, destination

__all__ = ["Destination", "destination"]

warnings.warn(
    "nrscompose.numbers is renamed nrscompose.destinations", DeprecationWarning, stacklevel=2
)
