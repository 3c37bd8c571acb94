"""Optional dependencies: each feature's library, imported on first need, or one clear error
naming the extra that installs it.

The core (counting, splitting, templates, transliteration, request building for texts) needs
only ``regex``. Phone numbers, send windows and Jinja need libraries of tens of megabytes, so
they are extras; a missing one is a :class:`MissingExtraError`, never a bare ``ImportError``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from nrscompose._base.error_base import NrsComposeError

__all__ = ["EXTRAS", "MissingExtraError", "require"]

# top-level module -> (extra that installs it, what needs it)
EXTRAS: dict[str, tuple[str, str]] = {
    "phonenumbers": ("phone", "Phone numbers (recipients, destinations, estimates)"),
    "holidays": ("windows", "Send windows"),
    "jinja2": ("jinja", "Jinja templates"),
}


class MissingExtraError(NrsComposeError, ImportError):
    """A feature's optional dependency is not installed; the message names the extra."""

    __module__ = "nrscompose._base.errors"


def require(module: str) -> ModuleType:
    """``importlib.import_module(module)``, or :class:`MissingExtraError` naming its extra."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.partition(".")[0]
        if error.name != top or top not in EXTRAS:
            raise
        extra, feature = EXTRAS[top]
        raise MissingExtraError(
            f"{feature} need the '{extra}' extra: pip install 'nrscompose[{extra}]'"
        ) from None
