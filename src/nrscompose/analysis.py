"""Which encoding a text needs, how many units and parts it costs, and why.

``analyze`` is the hot path of every estimate and every keystroke of a form, so it does the
least work that gives an exact answer: one scan per candidate charset (a compiled character
class that stops at the first foreign character) to count septets, and a part count by
arithmetic unless escape pairs, surrogate pairs or grapheme clusters could move a cut.
Explanations (``offending``, ``notices``, ``part_bounds``) are computed on first access.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from nrscompose import charsets
from nrscompose.charsets import SeptetCharset
from nrscompose.errors import ArgumentError, ValidationError
from nrscompose.problems import Problem
from nrscompose.profiles import Encoding, Limits, Profile, get_profile
from nrscompose.splitting import plan_parts
from nrscompose.transliterate import source_indices, transliterate
from nrscompose.vocabularies import ENCODING_CHOICES, ENCODINGS, MESSAGE_CHANNELS, require

__all__ = ["Analysis", "Notice", "Offending", "analyze", "describe_char"]

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Literal, TypeVar

    _T = TypeVar("_T")
    EncodingChoice = Literal["auto", "cheapest", "gsm", "gsm-pt", "utf-16"]
    NoticeKind = Literal["crlf", "invisible", "control", "cheaper-encoding"]
else:
    EncodingChoice = NoticeKind = str

_SEPTET_CHARSETS: Final[dict[Encoding, tuple[SeptetCharset, ...]]] = {
    "gsm": (charsets.DEFAULT,),
    "gsm-pt": (charsets.PORTUGUESE,),
}
# The 3GPP profile may use one Portuguese table with a default one: one IE instead of two.
_CHEAPEST_PT: Final = (
    charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    charsets.PORTUGUESE,
)
_NOT_IN: Final[dict[Encoding, str]] = {
    "gsm": "not in the GSM 7-bit default alphabet or its extension table",
    "gsm-pt": "not in the Portuguese GSM tables",
    "utf-16": "a lone surrogate cannot be sent",
}


def describe_char(char: str) -> str:
    """A character as a person can find it: ``"’" (RIGHT SINGLE QUOTATION MARK)``.

    Invisible and control characters are shown by code point: ``U+00A0 (NO-BREAK SPACE)``.
    """
    name = unicodedata.name(char, "") or f"U+{ord(char):04X}"
    if not char.isprintable() or char.isspace():
        return f"U+{ord(char):04X} ({name})"
    quote = "'" if char == '"' else '"'
    return f"{quote}{char}{quote} ({name})"


@dataclass(frozen=True, slots=True)
class Offending:
    """A character that kept the text out of cheaper encodings.

    ``index`` is the character's position in the text given to :func:`analyze` (before
    transliteration); ``excluded_from`` the cheaper encodings that cannot carry it.
    """

    index: int
    char: str
    excluded_from: tuple[Encoding, ...]

    @property
    def reason(self) -> str:
        return "; ".join(_NOT_IN[encoding] for encoding in self.excluded_from)

    def __str__(self) -> str:
        return f"{describe_char(self.char)} at {self.index}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something worth telling the person writing the text; ``indices`` are in the input."""

    kind: NoticeKind
    message: str
    indices: tuple[int, ...] = ()


class _Context:
    """What an Analysis needs to explain itself later (private; built once per analyze)."""

    __slots__ = ("candidates", "channel", "charset", "cheaper", "lazy", "profile", "source")

    def __init__(
        self,
        source: str,
        profile: Profile,
        candidates: tuple[Encoding, ...],
        cheaper: tuple[Encoding, ...],  # candidates cheaper than the chosen one, as ordered
        charset: SeptetCharset | None,
        channel: str,
        lazy: dict[str, object],  # explanations computed on first access
    ) -> None:
        self.source = source
        self.profile = profile
        self.candidates = candidates
        self.cheaper = cheaper
        self.charset = charset
        self.channel = channel
        self.lazy = lazy


@dataclass(frozen=True, slots=True)
class Analysis:
    """The count of one text.

    ``text`` is the text counted (after ``trans``); ``encoding`` the API value; ``units`` the
    septets (escape pairs count two) or UTF-16 code units; ``parts`` the messages billed
    (0 for an empty text); ``last_part_units`` the units in the last part; ``limits`` the
    single/concatenated limits in force. Derived: ``max_parts`` (the channel's cap in this
    profile), ``tables`` (the national language identifiers in use, ``(0, 0)`` for the default
    alphabet and UTF-16), ``per_part``, ``remaining``, ``exceeds_cap``; computed on first
    access: ``offending``, ``notices``, ``part_bounds``.
    """

    text: str
    encoding: Encoding
    parts: int
    units: int
    last_part_units: int
    limits: Limits
    _context: _Context = field(repr=False, compare=False)

    @property
    def profile(self) -> str:
        return self._context.profile.name

    @property
    def max_parts(self) -> int:
        """The most parts the channel accepts in this profile (more: ``exceeds_cap``)."""
        return self._context.profile.cap(self._context.channel)

    @property
    def tables(self) -> tuple[int, int]:
        """National language identifiers (locking, single shift) of the septet tables used."""
        charset = self._context.charset
        return (charset.locking_language, charset.shift_language) if charset else (0, 0)

    @property
    def per_part(self) -> int:
        """Units one part holds for this text: the single limit, or the concatenated one."""
        return self.limits.single if self.parts <= 1 else self.limits.concatenated

    @property
    def remaining(self) -> int:
        """Units left in the last part before the text needs another part."""
        return self.per_part - self.last_part_units

    @property
    def exceeds_cap(self) -> bool:
        return self.parts > self.max_parts

    @property
    def part_bounds(self) -> list[int]:
        """Offsets in ``text`` delimiting the parts: ``[0, cut1, …, len(text)]``."""
        return list(self._cached("bounds", self._bounds))

    @property
    def offending(self) -> tuple[Offending, ...]:
        """Every character absent from a cheaper candidate encoding, in text order."""
        return self._cached("offending", self._find_offending)

    @property
    def notices(self) -> tuple[Notice, ...]:
        """CRLF line breaks, invisible or control characters, a cheaper encoding available."""
        return self._cached("notices", self._find_notices)

    def as_json(self) -> dict[str, object]:
        """Every field and explanation as JSON-ready values (what the CLI and demo print)."""
        return {
            "encoding": self.encoding,
            "parts": self.parts,
            "units": self.units,
            "per_part": self.per_part,
            "remaining": self.remaining,
            "last_part_units": self.last_part_units,
            "max_parts": self.max_parts,
            "exceeds_cap": self.exceeds_cap,
            "tables": list(self.tables),
            "profile": self.profile,
            "text": self.text,
            "part_bounds": self.part_bounds,
            "offending": [
                {
                    "index": o.index,
                    "char": o.char,
                    "excluded_from": list(o.excluded_from),
                    "reason": o.reason,
                }
                for o in self.offending
            ],
            "notices": [
                {"kind": n.kind, "message": n.message, "indices": list(n.indices)}
                for n in self.notices
            ],
        }

    def _cached(self, key: str, compute: Callable[[], _T]) -> _T:
        lazy = self._context.lazy  # a cache, invisible to == and repr
        if key not in lazy:
            lazy[key] = compute()
        return lazy[key]  # type: ignore[return-value]

    def _bounds(self) -> tuple[int, ...]:
        if self.parts <= 1:  # no cut to place
            return (0, len(self.text)) if self.text else (0,)
        context = self._context
        bounds, _ = _plan(self.text, context.charset, self.units, self.limits, context.profile)
        return tuple(bounds)

    def _source_index(self, index: int) -> int:
        source = self._context.source
        if source is self.text:
            return index
        indices = self._cached("source_indices", lambda: source_indices(source))
        return index if indices is None else indices[index]

    def _find_offending(self) -> tuple[Offending, ...]:
        cheaper = self._context.cheaper
        if not cheaper:
            return ()
        found = []
        profile = self._context.profile
        for index, char in enumerate(self.text):
            excluded = tuple(e for e in cheaper if not _represents(e, char, profile))
            if excluded:
                found.append(Offending(self._source_index(index), char, excluded))
        return tuple(found)

    def _find_notices(self) -> tuple[Notice, ...]:
        return _notices(self)


def _represents(encoding: Encoding, char: str, profile: Profile) -> bool:
    if encoding == "utf-16":
        return not "\ud800" <= char <= "\udfff"
    return any(charset.represents(char) for charset in _charsets_for(encoding, profile))


def _charsets_for(encoding: Encoding, profile: Profile) -> tuple[SeptetCharset, ...]:
    if encoding == "gsm-pt" and profile.cheapest_tables:
        return _CHEAPEST_PT
    return _SEPTET_CHARSETS[encoding]


def _national_tables(charset: SeptetCharset | None) -> int:
    if charset is None:
        return 0
    return (charset.locking_language != 0) + (charset.shift_language != 0)


def _plan(
    text: str, charset: SeptetCharset | None, units: int, limits: Limits, profile: Profile
) -> tuple[list[int], int]:
    costs: list[int] | None = None
    if units != len(text):
        if charset is not None:
            costs = charset.costs(text)
        else:
            costs = [2 if char > "\uffff" else 1 for char in text]
    # The septet tables hold no combining or joining characters: only CRLF can be a cluster.
    clusters = "\r\n" in text if charset is not None else True
    return plan_parts(text, costs, units, limits, clusters)


class _Count:
    """One encoding's count of a text (private; built up to three times per analyze)."""

    __slots__ = ("bounds", "charset", "encoding", "last_part_units", "limits", "parts", "units")

    def __init__(
        self,
        encoding: Encoding,
        units: int,
        parts: int,
        last_part_units: int,
        limits: Limits,
        charset: SeptetCharset | None,
        bounds: tuple[int, ...] | None = None,  # when the count needed them, kept for split()
    ) -> None:
        self.encoding = encoding
        self.units = units
        self.parts = parts
        self.last_part_units = last_part_units
        self.limits = limits
        self.charset = charset
        self.bounds = bounds


def _count(
    text: str, encoding: Encoding, profile: Profile, charset: SeptetCharset | None
) -> _Count | None:
    """Units and parts of ``text`` in ``encoding`` (with ``charset`` when septets)."""
    if charset is not None:
        septets = charset.count(text)
        if septets is None:
            return None
        units = len(text) if profile.flat_limit is not None else septets
    else:
        try:
            units = len(text.encode("utf-16-le")) // 2
        except UnicodeEncodeError:
            return None
        if profile.flat_limit is not None:
            units = len(text)
    limits = profile.limits(encoding, _national_tables(charset))
    if units <= limits.single:
        return _Count(encoding, units, 1 if units else 0, units, limits, charset)
    if units == len(text) and charset is not None and "\r\n" not in text:
        full, rest = divmod(units, limits.concatenated)
        parts = full + (rest > 0)
        return _Count(encoding, units, parts, rest or limits.concatenated, limits, charset)
    bounds, last = _plan(text, charset, units, limits, profile)
    return _Count(encoding, units, len(bounds) - 1, last, limits, charset, tuple(bounds))


def _room_left(counted: _Count) -> int:
    per_part = counted.limits.single if counted.parts <= 1 else counted.limits.concatenated
    return per_part - counted.last_part_units


def _count_encoding(text: str, encoding: Encoding, profile: Profile) -> _Count | None:
    """The count in the table pair a handset picks: fewest parts, then most septets left.

    Android's ``GsmAlphabet.calculateLength`` keeps the pair with the fewest messages and, on
    a tie, the most ``codeUnitsRemaining``; fewest septets would be wrong where a pair costs
    more septets but a smaller header (Portuguese text with ``Σ``: (0,3) leaves 125, (3,3) 124).
    """
    if encoding == "utf-16":
        return _count(text, encoding, profile, None)
    best: _Count | None = None
    for charset in _charsets_for(encoding, profile):
        counted = _count(text, encoding, profile, charset)
        if counted is not None and (
            best is None
            or counted.parts < best.parts
            or (counted.parts == best.parts and _room_left(counted) > _room_left(best))
        ):
            best = counted
    return best


def _check_candidates(candidates: Sequence[str] | None) -> tuple[Encoding, ...]:
    if candidates is None:
        return ENCODINGS
    if isinstance(candidates, str):
        candidates = (candidates,)
    chosen: list[Encoding] = []
    for candidate in candidates:
        if candidate not in ENCODINGS:
            raise ArgumentError(
                f"unknown encoding {candidate!r}; use one of: {', '.join(ENCODINGS)}"
            )
        chosen.append(candidate)
    if not chosen:
        raise ArgumentError("no candidate encoding given")
    return tuple(dict.fromkeys(chosen))


def _positions(text: str, source: str) -> list[int] | None:
    """Maps indices of the counted ``text`` to the caller's ``source`` (None: the same)."""
    return None if source is text else source_indices(source)


def _unrepresentable(
    text: str, encoding: Encoding, profile: Profile, source: str
) -> ValidationError:
    positions = _positions(text, source)
    problems = []
    for index, char in enumerate(text):
        if not _represents(encoding, char, profile):
            at = positions[index] if positions else index
            params = {"char": describe_char(char), "index": at, "encoding": encoding}
            problems.append(Problem("text.unencodable", "message", (at, at + 1), params))
            if len(problems) == 50:
                break
    fallback = Problem("text.not_encodable", "message", None, {"encoding": encoding})
    return ValidationError(problems or [fallback])


def _lone_surrogates(text: str, source: str) -> ValidationError:
    positions = _positions(text, source)
    problems = []
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            at = positions[index] if positions else index
            params = {"codepoint": f"U+{ord(char):04X}", "index": at}
            problems.append(Problem("text.lone_surrogate", "message", (at, at + 1), params))
    return ValidationError(problems)


def analyze(
    text: str,
    *,
    encoding: EncodingChoice | str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    channel: str = "sms",
) -> Analysis:
    """Count ``text`` as the provider bills it.

    ``encoding``: ``"auto"`` takes the first of ``candidates`` (default ``gsm``, ``gsm-pt``,
    ``utf-16``) that represents the whole text; ``"cheapest"`` the one with the fewest parts
    (ties go to the earlier candidate); an API value forces that encoding and raises
    :class:`~nrscompose.errors.ValidationError` naming every character it cannot carry.
    ``trans=True`` counts the text as the server rewrites it with ``trans=1``. ``channel`` is
    ``"sms"`` or ``"landing"`` and only selects the part cap.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    chosen_profile = get_profile(profile)
    require(channel, MESSAGE_CHANNELS, "channel")
    counted_text = transliterate(text) if trans else text
    if encoding in ENCODINGS:
        order: tuple[Encoding, ...] = (encoding,)
        result = _count_encoding(counted_text, encoding, chosen_profile)
        if result is None:
            raise _unrepresentable(counted_text, encoding, chosen_profile, text)
        cheaper = tuple(e for e in ENCODINGS[: ENCODINGS.index(result.encoding)])
    elif encoding in ("auto", "cheapest"):
        order = _check_candidates(candidates)
        result, cheaper = _choose(counted_text, order, chosen_profile, encoding == "cheapest", text)
    else:
        raise ArgumentError(
            f"unknown encoding {encoding!r}; use one of: {', '.join(ENCODING_CHOICES)}"
        )
    lazy: dict[str, object] = {} if result.bounds is None else {"bounds": result.bounds}
    context = _Context(text, chosen_profile, order, cheaper, result.charset, channel, lazy)
    return Analysis(
        counted_text,
        result.encoding,
        result.parts,
        result.units,
        result.last_part_units,
        result.limits,
        context,
    )


def _choose(
    text: str, order: tuple[Encoding, ...], profile: Profile, cheapest: bool, source: str
) -> tuple[_Count, tuple[Encoding, ...]]:
    failed: list[Encoding] = []
    best: _Count | None = None
    for candidate in order:
        counted = _count_encoding(text, candidate, profile)
        if counted is None:
            failed.append(candidate)
            continue
        if not cheapest:
            return counted, tuple(failed)
        if best is None or counted.parts < best.parts:
            best = counted
    if best is not None:
        return best, tuple(failed)
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise _lone_surrogates(text, source)
    raise _unrepresentable(text, order[-1], profile, source)


_INVISIBLE_CATEGORIES: Final = frozenset({"Zs", "Zl", "Zp", "Cf"})


def _notices(analysis: Analysis) -> tuple[Notice, ...]:
    text = analysis.text
    source_index = analysis._source_index
    found: list[Notice] = []
    crlf = [source_index(i) for i in _find_all(text, "\r\n")]
    if crlf:
        found.append(
            Notice(
                "crlf",
                f"{len(crlf)} CRLF line break(s): each counts as 2 units (a web form "
                "submits every line break as CRLF)",
                tuple(crlf),
            )
        )
    invisible = [
        o.index
        for o in analysis.offending
        if o.char != " " and unicodedata.category(o.char) in _INVISIBLE_CATEGORIES
    ]
    if invisible:
        found.append(
            Notice(
                "invisible",
                "invisible or look-alike space characters that are not GSM",
                tuple(invisible),
            )
        )
    control = [
        source_index(i)
        for i, char in enumerate(text)
        if unicodedata.category(char) == "Cc" and char not in "\n\r"
    ]
    if control:
        found.append(Notice("control", "control characters in the text", tuple(control)))
    cheaper = _cheaper_alternative(analysis)
    if cheaper is not None:
        found.append(cheaper)
    return tuple(found)


def _find_all(text: str, needle: str) -> list[int]:
    positions = []
    at = text.find(needle)
    while at >= 0:
        positions.append(at)
        at = text.find(needle, at + 1)
    return positions


def _cheaper_alternative(analysis: Analysis) -> Notice | None:
    profile = analysis._context.profile
    for encoding in ENCODINGS:
        if encoding == analysis.encoding:
            continue
        other = _count_encoding(analysis.text, encoding, profile)
        if other is not None and other.parts < analysis.parts:
            return Notice(
                "cheaper-encoding",
                f"{encoding} would need {other.parts} part(s) instead of {analysis.parts}; "
                f"opt in with encoding='{encoding}' or encoding='cheapest'",
            )
    return None
