"""The texts of the parts a message is sent as.

The cuts come from :mod:`nrscompose._counting.cuts`, the one planner that :func:`nrscompose.analyze`
also counts with, so ``len(split(text)) == analyze(text).parts`` always. This module depends
on :mod:`nrscompose._counting.analysis`, never the other way round.
"""

from __future__ import annotations

from nrscompose._counting.analysis import Analysis, analyze

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from nrscompose._counting.profiles import Profile

__all__ = ["parts_of", "split"]


def split(
    text: str,
    *,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: str | Profile = "360nrs",
) -> list[str]:
    """The texts of the parts ``text`` is sent as, consistent with :func:`analyze`.

    Takes the same arguments as :func:`nrscompose.analyze`; with ``trans=True`` the parts are
    of the transliterated text. ``"".join(split(text))`` is the counted text.
    """
    analysis = analyze(text, encoding=encoding, candidates=candidates, trans=trans, profile=profile)
    return parts_of(analysis)


def parts_of(analysis: Analysis) -> list[str]:
    """The part texts of an existing analysis."""
    return analysis.part_texts()
