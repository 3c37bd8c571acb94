"""Write the live counter's data from the Python tables: one source of truth.

The browser counter (``static/nrscompose-counter.js``) must answer exactly as
:func:`nrscompose.analyze`, so everything it knows is generated here from the Python objects it
mirrors — the charsets, the ``trans=1`` table, each profile's limits and caps — and embedded in
the script between two marker lines. Grapheme cluster data comes from the ``regex`` module that
:mod:`nrscompose.splitting` uses, not from the browser's ``Intl.Segmenter``: browsers ship
different Unicode versions, and ``regex`` applies rule GB9c without its leading consonant
(``" \\u094d\\u0915"`` is one cluster there, two in ICU), so only the same data and the same
rules give the same cuts (docs/counter.md, "Grapheme clusters").

The same file is the npm package's (``js/nrscompose-counter.js`` in a source checkout): the
generator copies it there. Run ``python -m nrscompose.forms._generate_js`` after changing any
of that data or the script; ``--check`` exits with status 1 when the committed script or its
package copy is stale (a test does the same).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from nrscompose import analysis, charsets
from nrscompose.charsets import SeptetCharset
from nrscompose.profiles import PROFILES, Profile
from nrscompose.suggestions import candidate
from nrscompose.transliterate import TRANS_TABLE
from nrscompose.vocabularies import ENCODINGS

__all__ = [
    "COUNTER_JS",
    "PACKAGE_JS",
    "copy_to_package",
    "counter_data",
    "render",
    "stale_copies",
    "write",
]

COUNTER_JS: Final = Path(__file__).parent / "static" / "nrscompose-counter.js"
# The npm package's copy (js/ in a source checkout; absent from an installed wheel): the same
# file byte for byte, so the demo, the Django widget and the package count alike.
PACKAGE_JS: Final = Path(__file__).parents[3] / "js" / "nrscompose-counter.js"
BEGIN: Final = "/* BEGIN GENERATED DATA: python -m nrscompose.forms._generate_js */"
END: Final = "/* END GENERATED DATA */"

# Grapheme_Cluster_Break values, numbered as the script's GCB_* constants.
_GCB: Final = (
    "Other", "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator", "Prepend",
    "SpacingMark", "L", "V", "T", "LV", "LVT",
)  # fmt: skip
_INCB: Final = ("None", "Consonant", "Extend", "Linker")
_HANGUL_SYLLABLES: Final = range(0xAC00, 0xD7A4)  # LV when (cp - 0xAC00) % 28 == 0, else LVT
_EXT_PICT_BIT: Final = 64


def _charset(charset: SeptetCharset) -> dict[str, object]:
    return {
        "locking": "".join(charset.locking[code] for code in sorted(charset.locking)),
        "shift": "".join(charset.single_shift[code] for code in sorted(charset.single_shift)),
        "tables": [charset.locking_language, charset.shift_language],
    }


def _profile(profile: Profile) -> dict[str, object]:
    limits = {
        encoding: [
            [profile.limits(encoding, n).single, profile.limits(encoding, n).concatenated]
            for n in (0, 1, 2)
        ]
        for encoding in ENCODINGS
    }
    return {
        "limits": limits,
        "flat": profile.flat_limit is not None,
        "cheapest_tables": profile.cheapest_tables,
        "max_parts": dict(profile.max_parts),
    }


def _grapheme_runs() -> str:
    """Each code point's GCB, InCB and Extended_Pictographic, run-length encoded.

    A code point's value is ``gcb | incb << 4 | ext_pict << 6``; the string lists
    ``start,value`` pairs in base 36, start as the distance from the previous run's start.
    Hangul syllables are all marked LVT; the script tells LV from LVT arithmetically.
    """
    import regex  # the same module, hence the same Unicode data, as nrscompose.splitting

    every = "".join(map(chr, range(0x110000)))
    values = bytearray(0x110000)
    properties = [(f"Grapheme_Cluster_Break={name}", n) for n, name in enumerate(_GCB) if n]
    properties += [(f"Indic_Conjunct_Break={name}", n << 4) for n, name in enumerate(_INCB) if n]
    properties.append(("Extended_Pictographic", _EXT_PICT_BIT))
    for prop, bits in properties:
        for match in regex.finditer(rf"\p{{{prop}}}+", every):
            for code_point in range(match.start(), match.end()):
                values[code_point] |= bits
    lv, lvt = _GCB.index("LV"), _GCB.index("LVT")
    for code_point in _HANGUL_SYLLABLES:
        expected = lv if (code_point - 0xAC00) % 28 == 0 else lvt
        if values[code_point] & 15 != expected:
            raise AssertionError(f"U+{code_point:04X} is not Hangul {_GCB[expected]}")
        values[code_point] = values[code_point] & ~15 | lvt
    runs: list[str] = []
    previous_start, previous_value = 0, -1
    for code_point, value in enumerate(values):
        if value != previous_value:
            runs.append(f"{code_point - previous_start:x},{value:x}")
            previous_start, previous_value = code_point, value
    return ";".join(runs)


def _code_point_runs(code_points: list[int]) -> str:
    """Sorted code points as ``distance[+extra]`` runs in hex, the distance from the previous
    run's last code point (``"41+2,3"`` is A, B, C, F)."""
    runs: list[str] = []
    previous = start = 0
    for index, code_point in enumerate(code_points):
        if index and code_point == code_points[index - 1] + 1:
            continue
        if index:
            runs.append(_run(start, code_points[index - 1], previous))
            previous = code_points[index - 1]
        start = code_point
    if code_points:
        runs.append(_run(start, code_points[-1], previous))
    return ",".join(runs)


def _run(first: int, last: int, previous: int) -> str:
    return f"{first - previous:x}" + (f"+{last - first:x}" if last > first else "")


def _suggestions() -> list[list[str]]:
    """:func:`nrscompose.suggestions.candidate` of every code point that has a GSM rewrite,
    as ``[replacement, reason, code point runs]`` (one entry per rewrite)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for code_point in range(0x110000):
        if 0xD800 <= code_point <= 0xDFFF:
            continue
        char = chr(code_point)
        if charsets.DEFAULT.count(char) is None and (found := candidate(char)) is not None:
            groups.setdefault(found, []).append(code_point)
    return [[*found, _code_point_runs(points)] for found, points in groups.items()]


def counter_data() -> dict[str, object]:
    """Everything the script needs, as JSON-ready data."""
    septet_charsets = {
        "gsm": charsets.DEFAULT,
        "gsm-pt": charsets.PORTUGUESE,
        "gsm-pt/default-locking": charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
        "gsm-pt/default-shift": charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    }
    name_of = {id(charset): name for name, charset in septet_charsets.items()}
    return {
        "encodings": list(ENCODINGS),
        "charsets": {name: _charset(charset) for name, charset in septet_charsets.items()},
        # Which charsets an encoding tries, in order (ties keep the earlier one).
        "septet_charsets": {
            encoding: [name_of[id(c)] for c in group]
            for encoding, group in analysis.SEPTET_CHARSETS.items()
        },
        "cheapest_pt": [name_of[id(c)] for c in analysis.CHEAPEST_PT],
        "not_in": dict(analysis.EXCLUSION_REASONS),
        "profiles": {name: _profile(profile) for name, profile in PROFILES.items()},
        "trans": dict(TRANS_TABLE),
        "graphemes": _grapheme_runs(),
        "suggestions": _suggestions(),
    }


def render(source: str) -> str:
    """``source`` (the script) with its generated block replaced by fresh data."""
    head, begin, rest = source.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"markers {BEGIN!r} / {END!r} not found")
    data = json.dumps(counter_data(), ensure_ascii=True, sort_keys=True, indent=1)
    return f"{head}{BEGIN}\nvar DATA = {data};\n{END}{tail}"


def write(path: Path = COUNTER_JS) -> bool:
    """Regenerate the data block of ``path``; ``True`` if the file changed."""
    current = path.read_text(encoding="utf-8")
    fresh = render(current)
    if fresh == current:
        return False
    path.write_text(fresh, encoding="utf-8")
    return True


def stale_copies(source: Path = COUNTER_JS) -> list[Path]:
    """The copies of ``source`` that differ from it (the npm package's, in a checkout)."""
    copies = [PACKAGE_JS] if PACKAGE_JS.parent.is_dir() else []
    text = source.read_bytes()
    return [copy for copy in copies if not copy.exists() or copy.read_bytes() != text]


def copy_to_package(source: Path = COUNTER_JS) -> bool:
    """Copy the script into the npm package (``js/``) when there is one; ``True`` if it changed."""
    stale = stale_copies(source)
    for copy in stale:
        copy.write_bytes(source.read_bytes())
    return bool(stale)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--check"]:
        current = COUNTER_JS.read_text(encoding="utf-8")
        stale = [COUNTER_JS] if render(current) != current else stale_copies()
        for path in stale:
            print(f"{path} is stale: run python -m nrscompose.forms._generate_js")
        return 1 if stale else 0
    if args:
        print("usage: python -m nrscompose.forms._generate_js [--check]", file=sys.stderr)
        return 2
    changed = write()
    print(f"{COUNTER_JS}: {'updated' if changed else 'up to date'}")
    if PACKAGE_JS.parent.is_dir():
        copied = copy_to_package()
        print(f"{PACKAGE_JS}: {'updated' if copied else 'up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
