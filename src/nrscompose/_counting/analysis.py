"""Which encoding a text needs, how many units and parts it costs, and why.

``analyze`` is the hot path of every estimate and every keystroke of a form, so it does the
least work that gives an exact answer: the script decided in the first characters by one
character class, septets counted by the C charmap encoder, and a part count by arithmetic
unless escape pairs, surrogate pairs or grapheme clusters could move a cut.
Explanations (``offending``, ``notices``, ``part_bounds``) are computed on first access.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

from nrscompose._base.vocabularies import ENCODING_CHOICES, ENCODINGS, MESSAGE_CHANNELS, require
from nrscompose._counting import charsets
from nrscompose._counting.charsets import SeptetCharset
from nrscompose._counting.cuts import (
    crlf_boundary,
    grapheme_boundary,
    no_cut_moves,
    plan_parts,
    utf16_unit_map,
    utf16_units,
)
from nrscompose._counting.profiles import PROFILES, Encoding, Limits, Profile, get_profile
from nrscompose._counting.transliterate import source_indices, transliterate

__all__ = [
    "CHEAPEST_PT",
    "NOT_IN",
    "SEPTET_CHARSETS",
    "Analysis",
    "Offending",
    "OffendingChars",
    "OffendingGroup",
    "analyze",
    "describe_char",
]

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Final, Literal, TypeVar, overload

    from nrscompose._base.errors import Problem, ValidationError
    from nrscompose._counting.cuts import Boundary

    _T = TypeVar("_T")
    EncodingChoice = Literal["auto", "cheapest", "gsm", "gsm-pt", "utf-16"]
else:
    EncodingChoice = str

    def overload(function: object) -> object:
        return function


# Which septet charsets an encoding tries, in order (ties keep the earlier one); public for the
# live counter's generator (tools/generate_counter_data.py), which copies these tables.
SEPTET_CHARSETS: Final[dict[Encoding, tuple[SeptetCharset, ...]]] = {
    "gsm": (charsets.DEFAULT,),
    "gsm-pt": (charsets.PORTUGUESE,),
}
# The 3GPP profile may use one Portuguese table with a default one: one IE instead of two.
CHEAPEST_PT: Final = (
    charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    charsets.PORTUGUESE,
)
_PROFILES: Final = dict(PROFILES)  # a plain dict: looked up on every call
# Why a character is absent from an encoding: Offending.reason joins these with "; ".
NOT_IN: Final[dict[Encoding, str]] = {
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


class _Record:
    """Immutable-by-convention value with equality, hash and repr over ``_fields``.

    Result types are plain slots classes, not dataclasses: importing dataclasses costs more
    than the rest of ``import nrscompose``, and building a frozen dataclass instance costs
    five times a plain one on the hot path.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"


class Offending(_Record):
    """A character that kept the text out of cheaper encodings.

    ``index`` is the character's position in the text given to :func:`analyze` (before
    transliteration); ``excluded_from`` the cheaper encodings that cannot carry it.
    """

    __slots__ = ("char", "excluded_from", "index")
    _fields = ("index", "char", "excluded_from")

    def __init__(self, index: int, char: str, excluded_from: tuple[Encoding, ...]) -> None:
        self.index = index
        self.char = char
        self.excluded_from = excluded_from

    @property
    def reason(self) -> str:
        return "; ".join(NOT_IN[encoding] for encoding in self.excluded_from)

    def __str__(self) -> str:
        return f"{describe_char(self.char)} at {self.index}: {self.reason}"


# Indices an OffendingGroup lists; ``count`` says how many there are in all.
MAX_GROUP_INDICES: Final = 20


class OffendingGroup(_Record):
    """One character that kept the text out of cheaper encodings, with every place it is.

    ``count`` is how often it occurs; ``indices`` the first :data:`MAX_GROUP_INDICES` of its
    positions in the text given to :func:`analyze`; ``excluded_from`` as in :class:`Offending`.
    """

    __slots__ = ("char", "count", "excluded_from", "indices")
    _fields = ("char", "excluded_from", "count", "indices")

    def __init__(
        self, char: str, excluded_from: tuple[Encoding, ...], count: int, indices: tuple[int, ...]
    ) -> None:
        self.char = char
        self.excluded_from = excluded_from
        self.count = count
        self.indices = indices

    @property
    def reason(self) -> str:
        return "; ".join(NOT_IN[encoding] for encoding in self.excluded_from)


class OffendingChars:
    """:attr:`Analysis.offending`: a read-only sequence of :class:`Offending`, one a character,
    made when read.

    It keeps the positions (4 bytes each, or none when every character offends) and one entry
    per distinct character, so a 10 MB text costs a few MB here, not an object per character
    (1.96 GB before). Iterate, index, slice, ``len()`` and compare it as the tuple it used to
    be; :meth:`by_char` gives the grouped form, one :class:`OffendingGroup` per character.
    """

    __slots__ = ("_excluded", "_groups", "_positions", "_source_index", "_text")

    def __init__(
        self,
        text: str,
        positions: Sequence[int],
        excluded: dict[str, tuple[Encoding, ...]],
        source_index: Callable[[int], int],
    ) -> None:
        self._text = text
        self._positions = positions
        self._excluded = excluded
        self._source_index = source_index
        self._groups: tuple[OffendingGroup, ...] | None = None

    def __len__(self) -> int:
        return len(self._positions)

    def _at(self, position: int) -> Offending:
        char = self._text[position]
        return Offending(self._source_index(position), char, self._excluded[char])

    @overload
    def __getitem__(self, index: int) -> Offending: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Offending, ...]: ...  # noqa: F811
    def __getitem__(self, index: int | slice) -> Offending | tuple[Offending, ...]:  # noqa: F811
        if isinstance(index, slice):
            return tuple(self._at(p) for p in self._positions[index])
        return self._at(self._positions[index])

    def __iter__(self) -> Iterator[Offending]:
        return map(self._at, self._positions)

    def __reversed__(self) -> Iterator[Offending]:
        return map(self._at, reversed(self._positions))

    def __contains__(self, item: object) -> bool:
        return isinstance(item, Offending) and any(o == item for o in self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffendingChars | tuple | list):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OffendingChars({len(self)} characters, {len(self._excluded)} distinct)"

    @property
    def chars(self) -> str:
        """The distinct characters, in the order they first occur."""
        return "".join(group.char for group in self.by_char())

    @property
    def distinct(self) -> int:
        """How many distinct characters offend (``len(by_char())``, without grouping)."""
        return len(self._excluded)

    def by_char(self, limit: int | None = None) -> tuple[OffendingGroup, ...]:
        """One :class:`OffendingGroup` per distinct character, by first occurrence; the first
        ``limit`` of them (found without grouping the rest)."""
        if self._groups is not None:
            return self._groups[:limit]
        if limit is not None and limit < len(self._excluded):
            return self._first_groups(limit)
        self._groups = self._group()
        return self._groups

    def _first_groups(self, limit: int) -> tuple[OffendingGroup, ...]:
        text, seen = self._text, dict[str, None]()
        for position in self._positions:
            seen.setdefault(text[position])
            if len(seen) >= limit:
                break
        groups = []
        for char in seen:
            places: list[int] = []
            at = text.find(char)
            while at >= 0 and len(places) < MAX_GROUP_INDICES:
                places.append(self._source_index(at))
                at = text.find(char, at + 1)
            groups.append(OffendingGroup(char, self._excluded[char], text.count(char),
                                         tuple(places)))  # fmt: skip
        return tuple(groups)

    def _group(self) -> tuple[OffendingGroup, ...]:
        found: dict[str, list[int]] = {}
        counts: dict[str, int] = {}
        text = self._text
        if len(self._excluded) <= 64:  # few characters: counted and found in C
            for char in self._excluded:
                counts[char] = text.count(char)
                places: list[int] = []
                at = text.find(char)
                while at >= 0 and len(places) < MAX_GROUP_INDICES:
                    places.append(at)
                    at = text.find(char, at + 1)
                found[char] = places
            order = sorted(found, key=lambda char: found[char][0])
        else:
            for position in self._positions:
                char = text[position]
                places = found.setdefault(char, [])
                counts[char] = counts.get(char, 0) + 1
                if len(places) < MAX_GROUP_INDICES:
                    places.append(position)
            order = list(found)
        source_index = self._source_index
        return tuple(
            OffendingGroup(char, self._excluded[char], counts[char],
                           tuple(source_index(p) for p in found[char]))
            for char in order
        )  # fmt: skip

    def positions_of(self, chars: set[str]) -> list[int]:
        """The indices (in the text given to :func:`analyze`) of ``chars`` among them."""
        if not chars:
            return []
        text, source_index = self._text, self._source_index
        return [source_index(p) for p in self._positions if text[p] in chars]


class Analysis(_Record):
    """The count of one text.

    ``text`` is the text counted (after ``trans``); ``encoding`` the API value; ``units`` the
    septets (escape pairs count two) or UTF-16 code units; ``parts`` the messages billed
    (0 for an empty text); ``last_part_units`` the units in the last part; ``limits`` the
    single/concatenated limits in force. Derived: ``max_parts`` (the channel's cap in this
    profile), ``tables`` (the national language identifiers in use, ``(0, 0)`` for the default
    alphabet and UTF-16), ``per_part``, ``remaining``, ``exceeds_cap``; computed on first
    access: ``offending``, ``notices``, ``part_bounds``. Treat it as read-only.
    """

    __slots__ = (
        "_context",
        "_lazy",
        "encoding",
        "last_part_units",
        "limits",
        "parts",
        "text",
        "units",
    )
    _fields = ("text", "encoding", "parts", "units", "last_part_units", "limits")

    def __init__(
        self,
        text: str,
        encoding: Encoding,
        parts: int,
        units: int,
        last_part_units: int,
        limits: Limits,
        # What the analysis needs to explain itself later: the caller's text, the profile,
        # the candidates tried, the cheaper candidates that failed, the septet charset (None
        # for UTF-16) and the channel.
        context: tuple[str, Profile, tuple[Encoding, ...], tuple[Encoding, ...],
                       SeptetCharset | None, str],
        bounds: list[int] | None = None,  # when the count needed them, kept for split()
    ) -> None:  # fmt: skip
        self.text = text
        self.encoding = encoding
        self.parts = parts
        self.units = units
        self.last_part_units = last_part_units
        self.limits = limits
        self._context = context
        self._lazy: dict[str, object] | None = None if bounds is None else {"bounds": bounds}

    @property
    def profile(self) -> str:
        return self._context[1].name

    @property
    def max_parts(self) -> int:
        """The most parts the channel accepts in this profile (more: ``exceeds_cap``)."""
        return self._context[1].cap(self._context[5])

    @property
    def tables(self) -> tuple[int, int]:
        """National language identifiers (locking, single shift) of the septet tables used."""
        charset = self._context[4]
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
        return list(self._planned_bounds())

    def _planned_bounds(self) -> list[int]:
        """``part_bounds`` without the copy."""
        lazy = self._lazy  # _cached, inlined: split is a hot path
        if lazy is None:
            lazy = self._lazy = {}
        bounds: list[int] | None = lazy.get("bounds")  # type: ignore[assignment]  # cache: by key
        if bounds is None:
            bounds = lazy["bounds"] = self._bounds()
        return bounds

    def part_texts(self) -> list[str]:
        """The texts of the parts (what ``split`` returns)."""
        text = self.text
        if self.parts <= 1:
            return [text] if text else []
        lazy = self._lazy
        if lazy is None or "bounds" not in lazy:
            size = self.limits.concatenated
            if self._cuts_every(size):  # no bounds to build: slice every ``size``
                return [text[at : at + size] for at in range(0, len(text), size)]
        return [text[start:end] for start, end in pairwise(self._planned_bounds())]

    def _cuts_every(self, size: int) -> bool:
        """Whether the cuts fall every ``size`` characters: one-unit code points, and no
        cluster spanning a cut."""
        text, charset = self.text, self._context[4]
        return self.units == len(text) and no_cut_moves(text, size, _boundary(text, charset))

    @property
    def offending(self) -> OffendingChars:
        """Every character absent from a cheaper candidate encoding, in text order (a compact
        sequence; ``offending.by_char()`` groups it)."""
        return self._cached("offending", self._find_offending)

    @property
    def notices(self) -> tuple[Problem, ...]:
        """CRLF line breaks, invisible or control characters, a cheaper encoding available: a
        warning :class:`~nrscompose.problems.Problem` each (``text.crlf``, ``text.invisible``,
        ``text.control``, ``text.cheaper_encoding``); ``params["indices"]`` are the positions
        in the input."""
        return self._cached("notices", self._find_notices)

    def as_json(self, *, grouped: bool = False, limit: int | None = None) -> dict[str, object]:
        """Every field and explanation as JSON-ready values (what the CLI and demo print).

        ``grouped``: ``offending`` holds one entry per distinct character (its first
        ``index``, ``count`` and the first ``indices``) instead of one per character, the first
        ``limit`` of them (``offending_omitted`` counts the others)."""
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
            "offending": self._grouped_json(limit)
            if grouped
            else [
                {
                    "index": o.index,
                    "char": o.char,
                    "excluded_from": list(o.excluded_from),
                    "reason": o.reason,
                }
                for o in self.offending
            ],
            "notices": [
                {"kind": n.kind, "message": n.message, "indices": list(_indices(n))}
                for n in self.notices
            ],
        }

    def _grouped_json(self, limit: int | None) -> list[dict[str, object]]:
        return [
            {
                "index": group.indices[0],
                "char": group.char,
                "excluded_from": list(group.excluded_from),
                "reason": group.reason,
                "count": group.count,
                "indices": list(group.indices),
            }
            for group in self.offending.by_char(limit)
        ]

    def _cached(self, key: str, compute: Callable[[], _T]) -> _T:
        lazy = self._lazy  # a cache, invisible to == and repr
        if lazy is None:
            lazy = self._lazy = {}
        if key not in lazy:
            lazy[key] = compute()
        return lazy[key]  # type: ignore[return-value]  # the cache holds what compute() gave

    def _bounds(self) -> list[int]:
        text = self.text
        if self.parts <= 1:  # no cut to place
            return [0, len(text)] if text else [0]
        size = self.limits.concatenated
        if self._cuts_every(size):
            bounds = list(range(0, len(text), size))
            bounds.append(len(text))
            return bounds
        charset, profile = self._context[4], self._context[1]
        bounds, _ = _plan(text, charset, self.units, self.limits, profile)
        return bounds

    def _source_index(self, index: int) -> int:
        source = self._context[0]
        if source is self.text:
            return index
        indices = self._cached("source_indices", lambda: source_indices(source))
        return index if indices is None else indices[index]

    def _find_offending(self) -> OffendingChars:
        text, profile, cheaper = self.text, self._context[1], self._context[3]
        distinct = set(text)
        excluded = _excluded_chars(distinct, cheaper, profile) if cheaper else {}
        positions = _positions_of(text, excluded, every=len(excluded) == len(distinct))
        return OffendingChars(text, positions, excluded, self._source_index)

    def _find_notices(self) -> tuple[Problem, ...]:
        return _notices(self)


def _excluded_chars(
    distinct: set[str], cheaper: tuple[Encoding, ...], profile: Profile
) -> dict[str, tuple[Encoding, ...]]:
    """Each of the ``distinct`` characters of a text that a cheaper encoding cannot carry,
    with those encodings: decided once a character, not once a position."""
    excluded: dict[str, tuple[Encoding, ...]] = {}
    for char in distinct:
        out = tuple(e for e in cheaper if not _represents(e, char, profile))
        if out:
            excluded[char] = out
    return excluded


def _positions_of(
    text: str, chars: dict[str, tuple[Encoding, ...]], *, every: bool
) -> Sequence[int]:
    """Where ``chars`` occur in ``text``: a range when ``every`` character is one of them,
    else 4 bytes a position."""
    from array import array

    if not chars:
        return array("I")
    if every:
        return range(len(text))
    # Every one of ``chars`` written as the first of them, then that one character found: a
    # class of 80,000 characters made the regular expression test each position against each.
    marker = next(iter(chars))
    marked = text.translate(dict.fromkeys(map(ord, chars), marker))
    positions = array("I" if len(text) < 1 << 32 else "Q")
    at = marked.find(marker)
    while at >= 0:
        positions.append(at)
        at = marked.find(marker, at + 1)
    return positions


def _represents(encoding: Encoding, char: str, profile: Profile) -> bool:
    if encoding == "utf-16":
        return not "\ud800" <= char <= "\udfff"
    return any(charset.represents(char) for charset in _charsets_for(encoding, profile))


def _charsets_for(encoding: Encoding, profile: Profile) -> tuple[SeptetCharset, ...]:
    if encoding == "gsm-pt" and profile.cheapest_tables:
        return CHEAPEST_PT
    return SEPTET_CHARSETS[encoding]


def _boundary(text: str, charset: SeptetCharset | None) -> Boundary | None:
    """The cluster rule at a cut: grapheme clusters for UTF-16; the septet tables hold no
    combining or joining characters, so only a CRLF can span a cut of a septet text."""
    if charset is None:
        return grapheme_boundary
    return crlf_boundary if "\r\n" in text else None


def _plan(
    text: str,
    charset: SeptetCharset | None,
    units: int,
    limits: Limits,
    profile: Profile,
    unit_map: bytes | None = None,  # when the count built it
) -> tuple[list[int], int]:
    """Part bounds and last part units, from C-level scans and O(parts) work at the cuts."""
    if unit_map is None and units != len(text):  # some code points cost two units
        if charset is None:
            unit_map = utf16_unit_map(text.encode("utf-16-le"))
        else:
            unit_map = charset.unit_map(text)
    units_of = utf16_units if charset is None else charset.count
    return plan_parts(
        text, unit_map, units_of, units, limits.single, limits.concatenated,
        _boundary(text, charset),
    )  # fmt: skip


if TYPE_CHECKING:
    # One encoding's count of a text: units, parts, last part units, limits, septet charset
    # (None for UTF-16), and the part bounds when the count needed them. A tuple: built up to
    # three times per analyze.
    _Count = tuple[int, int, int, Limits, SeptetCharset | None, list[int] | None]


def _count(
    text: str, encoding: Encoding, profile: Profile, charset: SeptetCharset | None
) -> _Count | None:
    """Units and parts of ``text`` in ``encoding`` (with ``charset`` when septets)."""
    if charset is not None:
        measured = charset.measure(text)
        if measured is None:
            return None
        units, unit_map = measured
        national = (charset.locking_language != 0) + (charset.shift_language != 0)
    else:
        try:
            octets = text.encode("utf-16-le")
        except UnicodeEncodeError:  # a lone surrogate
            return None
        units = len(octets) >> 1
        unit_map = None  # built below, from the bytes, when the text needs cuts
        national = 0
    if profile.flat_limit is not None:
        units, unit_map = len(text), None
    limits = profile.limits(encoding, national)
    if units <= limits.single:
        return (units, 1 if units else 0, units, limits, charset, None)
    size = limits.concatenated
    if units == len(text) and no_cut_moves(text, size, _boundary(text, charset)):
        full, rest = divmod(units, size)  # every part full but the last
        return (units, full + (rest > 0), rest or size, limits, charset, None)
    if charset is None and units != len(text):
        unit_map = utf16_unit_map(octets)
    bounds, last = _plan(text, charset, units, limits, profile, unit_map)
    return (units, len(bounds) - 1, last, limits, charset, bounds)


def _rank(counted: _Count) -> tuple[int, int]:
    """Fewest parts first, then the most units left in the last part."""
    _, parts, last, limits, _, _ = counted
    per_part = limits.single if parts <= 1 else limits.concatenated
    return parts, last - per_part


def _count_encoding(text: str, encoding: Encoding, profile: Profile) -> _Count | None:
    """The count in the table pair a handset picks: fewest parts, then most septets left.

    Android's ``GsmAlphabet.calculateLength`` keeps the pair with the fewest messages and, on
    a tie, the most ``codeUnitsRemaining``; fewest septets would be wrong where a pair costs
    more septets but a smaller header (Portuguese text with ``Σ``: (0,3) leaves 125, (3,3) 124).
    """
    if encoding == "utf-16":
        return _count(text, encoding, profile, None)
    if encoding == "gsm" or not profile.cheapest_tables:
        return _count(text, encoding, profile, SEPTET_CHARSETS[encoding][0])
    best: _Count | None = None
    for charset in CHEAPEST_PT:
        counted = _count(text, encoding, profile, charset)
        if counted is not None and (best is None or _rank(counted) < _rank(best)):
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
            from nrscompose._base.errors import (
                ArgumentError,
            )  # on error only: keeps the import cheap

            raise ArgumentError(
                f"unknown encoding {candidate!r}; use one of: {', '.join(ENCODINGS)}"
            )
        chosen.append(candidate)
    if not chosen:
        from nrscompose._base.errors import ArgumentError

        raise ArgumentError("no candidate encoding given")
    return tuple(dict.fromkeys(chosen))


def _positions(text: str, source: str) -> list[int] | None:
    """Maps indices of the counted ``text`` to the caller's ``source`` (None: the same)."""
    return None if source is text else source_indices(source)


def _unrepresentable(
    text: str, encoding: Encoding, profile: Profile, source: str
) -> ValidationError:
    from nrscompose._base.errors import Problem, ValidationError

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
    from nrscompose._base.errors import Problem, ValidationError

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
    if type(text) is not str and not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    chosen_profile = _PROFILES.get(profile) if type(profile) is str else None
    if chosen_profile is None:
        chosen_profile = get_profile(profile)
    if channel not in MESSAGE_CHANNELS:
        require(channel, MESSAGE_CHANNELS, "channel")  # raises ArgumentError
    counted_text = transliterate(text) if trans else text
    if encoding == "auto" and candidates is None:  # the common case, without detours
        order = ENCODINGS
        result, cheaper = _choose_auto(counted_text, chosen_profile, text)
    elif encoding in ENCODINGS:
        order = (encoding,)
        found = _count_encoding(counted_text, encoding, chosen_profile)
        if found is None:
            raise _unrepresentable(counted_text, encoding, chosen_profile, text)
        result = (encoding, found)
        cheaper = ENCODINGS[: ENCODINGS.index(encoding)]
    elif encoding in ("auto", "cheapest"):
        order = _check_candidates(candidates)
        result, cheaper = _choose(counted_text, order, chosen_profile, encoding == "cheapest", text)
    else:
        from nrscompose._base.errors import ArgumentError  # on error only: keeps the import cheap

        raise ArgumentError(
            f"unknown encoding {encoding!r}; use one of: {', '.join(ENCODING_CHOICES)}"
        )
    chosen, (units, parts, last, limits, charset, bounds) = result
    context = (text, chosen_profile, order, cheaper, charset, channel)
    return Analysis(counted_text, chosen, parts, units, last, limits, context, bounds)


def _choose_auto(
    text: str, profile: Profile, source: str
) -> tuple[tuple[Encoding, _Count], tuple[Encoding, ...]]:
    """``_choose`` for ``encoding="auto"`` and the default candidates, the case of almost
    every call: the first character near the start that the default alphabet lacks decides
    whether ``gsm-pt`` can be tried (every Portuguese table pair is drawn from the
    Portuguese tables and the default ones) or the text goes straight to UTF-16."""
    foreign = "" if text.isascii() else charsets.DEFAULT.foreign_near_start(text)
    if not foreign:
        counted = _count(text, "gsm", profile, charsets.DEFAULT)
        if counted is not None:
            return ("gsm", counted), ()
    if not foreign or foreign in charsets.PORTUGUESE.septets_of:
        counted = _count_encoding(text, "gsm-pt", profile)
        if counted is not None:
            return ("gsm-pt", counted), ("gsm",)
    counted = _count(text, "utf-16", profile, None)
    if counted is not None:
        return ("utf-16", counted), ("gsm", "gsm-pt")
    raise _lone_surrogates(text, source)


def _choose(
    text: str, order: tuple[Encoding, ...], profile: Profile, cheapest: bool, source: str
) -> tuple[tuple[Encoding, _Count], tuple[Encoding, ...]]:
    failed: list[Encoding] = []
    best: tuple[Encoding, _Count] | None = None
    pairs = profile.cheapest_tables  # gsm-pt may then use several table pairs
    for candidate in order:
        if candidate == "utf-16":  # one call less per candidate: this runs for every text
            counted = _count(text, candidate, profile, None)
        elif candidate == "gsm" or not pairs:
            counted = _count(text, candidate, profile, SEPTET_CHARSETS[candidate][0])
        else:
            counted = _count_encoding(text, candidate, profile)
        if counted is None:
            failed.append(candidate)
            continue
        if not cheapest:
            return (candidate, counted), tuple(failed)
        if best is None or counted[1] < best[1][1]:
            best = (candidate, counted)
    if best is not None:
        return best, tuple(failed)
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise _lone_surrogates(text, source)
    raise _unrepresentable(text, order[-1], profile, source)


_INVISIBLE_CATEGORIES: Final = frozenset({"Zs", "Zl", "Zp", "Cf"})


def _notices(analysis: Analysis) -> tuple[Problem, ...]:
    from nrscompose._base.problems import Problem  # on first access: dataclasses cost

    text = analysis.text
    source_index = analysis._source_index
    found: list[Problem] = []

    def notice(kind: str, indices: Sequence[int], **params: object) -> None:
        found.append(Problem(kind, "message", None, {**params, "indices": tuple(indices)}))

    crlf = [source_index(i) for i in _find_all(text, "\r\n")]
    if crlf:
        notice("text.crlf", crlf, count=len(crlf))
    offending = analysis.offending
    invisible = offending.positions_of({
        char for char in offending._excluded
        if char != " " and unicodedata.category(char) in _INVISIBLE_CATEGORIES
    })  # fmt: skip
    if invisible:
        notice("text.invisible", invisible)
    control = [
        source_index(i)
        for i, char in enumerate(text)
        if unicodedata.category(char) == "Cc" and char not in "\n\r"
    ]
    if control:
        notice("text.control", control)
    cheaper = _cheaper_alternative(analysis)
    if cheaper is not None:
        notice("text.cheaper_encoding", (), **cheaper)
    return tuple(found)


def _indices(notice: Problem) -> tuple[int, ...]:
    indices = notice.params.get("indices", ())
    return indices if isinstance(indices, tuple) else ()


def _find_all(text: str, needle: str) -> list[int]:
    positions = []
    at = text.find(needle)
    while at >= 0:
        positions.append(at)
        at = text.find(needle, at + 1)
    return positions


def _cheaper_alternative(analysis: Analysis) -> dict[str, object] | None:
    """The params of ``text.cheaper_encoding`` when another encoding needs fewer parts."""
    profile = analysis._context[1]
    for encoding in ENCODINGS:
        if encoding == analysis.encoding:
            continue
        other = _count_encoding(analysis.text, encoding, profile)
        if other is not None and other[1] < analysis.parts:
            return {"encoding": encoding, "parts": other[1], "current": analysis.parts}
    return None
