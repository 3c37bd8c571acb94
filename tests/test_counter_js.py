"""The live counter (the npm package in js/, as CommonJS) answers exactly as ``analyze``.

One Node process counts a generated corpus — hypothesis texts plus multilingual samples with
emoji, ZWJ sequences, flags, escapes, CRLF and texts sitting exactly at part boundaries — under
every built-in profile, with and without ``trans``, and compares each answer with the Python
one. Skipped when ``node`` is not on PATH.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import js_fixtures
from nrscompose import PROFILES, ValidationError, analyze, suggest
from nrscompose._counting.transliterate import TRANS_TABLE
from nrscompose.forms import counter_script

NODE = shutil.which("node")
SOURCE = js_fixtures.ROOT / "js" / "src"
TABLES = SOURCE / "tables.mjs"
needs_node = pytest.mark.skipif(NODE is None, reason="node is not on PATH")
# Most of the run time is Python computing Analysis.offending with trans (see docs/counter.md).
HYPOTHESIS_TEXTS = 700

# Characters that exercise every branch: GSM basic and extension (escape pairs), Portuguese
# tables, the trans table (including the deleted º and ª), CR/LF, surrogate pairs, combining
# marks, ZWJ/ZWNJ, regional indicators, skin tones, Devanagari consonant + virama, Hangul jamo.
INTERESTING = (
    "aZ09 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!?¡¿ÄÖÑÜ§äöñüà"
    "^{}\\[~]|€\x0c"
    "êúíóçÔôÁáªÀ∞ÓÂâÊºÃÕÚãõ`Í"
    "ÈÌÒÙîûÎÛ"
    "\r\n"
    "😀👍🏽👨👩👧\u200d\u200c\u0301\u0308🇪🇸🇵🇹\U0001f3fb\ufe0f"
    "\u0915\u094d\u0937\u093e\u0941\u0600\u1100\u1161\u11a8\uac00\uac01"
    "’“”…–—\u00a0中文"
)
SEGMENTS = [
    "Olá João, a sua encomenda nº 123 chegou.",
    "Hola, ¿qué tal? Tu código es 1234.",
    "Preço: 10€ [promo] {nome} ~50% | ok\\",
    "Família 👨‍👩‍👧‍👦 em Portugal 🇵🇹 e Espanha 🇪🇸! 👍🏽",
    "नमस्ते क्षत्रिय",
    "한국어 텍스트",
    "line one\r\nline two\nline three\r",
    "ça coûte – “cher” …",
]


def _boundary_samples() -> list[str]:
    """Texts whose length sits at, just below and just above each part limit."""
    samples = []
    fills = ["a", "€", "ç", "😀", "é", "a\u0301", "\r\n", "ê", "中"]
    for size in (66, 67, 68, 69, 70, 71, 134, 135, 140, 146, 152, 153, 154, 159, 160, 161):
        for fill in fills:
            samples.append(fill * size)
            samples.append("x" * (size - 1) + fill + "y" * 10)
            samples.append("x" * (size - 1) + fill * 3)
    for size in (305, 306, 307, 459, 460):
        samples += ["a" * size, "a" * (size - 1) + "€", "a" * (size - 1) + "\r\n" + "b"]
    # One cluster longer than a part: it must be cut between code points.
    samples += ["e" + "\u0301" * 200, "👨" + "\u200d👨" * 40, "🇪🇸" * 40, "x🇪" + "🇸" * 80]
    samples += ["\u094d\u0915" * 50, " \u094d\u0915" * 30, "क्" * 60 + "क"]
    # a cut inside a joined chain that falls just before a joiner: the text's boundaries,
    # not the slice's, decide the next cut (no part of a lone joiner)
    samples += ["x" * k + "\u200d\U0001f44d\ufe0f" * 60 for k in range(4)]
    samples += ["", " ", "\n", "\r", "\r\n", "ºª", "º" * 170, "ª" + "á" * 160]
    # 3gpp: (0,3) needs more septets than (3,3) but leaves more room (a handset's choice).
    portuguese_with_sigma = 'r~\n*B\'ãe\r:"2D\\)C:;sWpΣ"5SLw'
    samples += [portuguese_with_sigma + "a" * n for n in (0, 124, 125, 126)]
    return samples


def _hypothesis_texts(count: int) -> list[str]:
    texts: list[str] = []
    pieces = st.one_of(
        st.text(alphabet=INTERESTING, max_size=30),
        st.text(max_size=12),  # any code point but surrogates
        st.sampled_from(SEGMENTS),
    )
    repeated = st.builds(
        lambda piece, times: piece * times,
        st.text(INTERESTING, min_size=1, max_size=3),
        st.integers(1, 180),
    )
    strategy = st.lists(st.one_of(pieces, repeated), max_size=8).map("".join)

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(text: str) -> None:
        texts.append(text)

    collect()
    return texts


def _crlf(text: str) -> tuple[str, list[int]]:
    """What a form submits (every line break as CRLF), and each character's input index."""
    out: list[str] = []
    to_input: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\r\n":
            out += ["\r", "\n"]
            to_input += [i, i]
            i += 2 if text.startswith("\r\n", i) else 1
            continue
        out.append(char)
        to_input.append(i)
        i += 1
    return "".join(out), to_input


def _expected(text: str, options: dict[str, Any]) -> dict[str, Any]:
    kwargs = {k: v for k, v in options.items() if k != "newlines"}
    to_input: list[int] | None = None
    if options.get("newlines") == "crlf":
        text, to_input = _crlf(text)
    try:
        a = analyze(text, **kwargs)
    except ValidationError as error:
        if options.get("trans"):
            # Python reports forced-encoding problems in the transliterated text; the script
            # reports them in the text it was given. Compare positions only where they agree.
            return {"error": None}
        found = [
            [p.start if to_input is None or p.start is None else to_input[p.start], p.kind]
            for p in error.problems
        ]
        return {"error": found}
    offending = [
        [o.index if to_input is None else to_input[o.index], o.char, list(o.excluded_from)]
        for o in a.offending
    ]
    return {
        "text": a.text,
        "encoding": a.encoding,
        "parts": a.parts,
        "units": a.units,
        "per_part": a.per_part,
        "remaining": a.remaining,
        "last_part_units": a.last_part_units,
        "tables": list(a.tables),
        "max_parts": a.max_parts,
        "offending": offending,
        "part_bounds": a.part_bounds,
    }


def _option_sets(number: int) -> list[dict[str, Any]]:
    """Every profile with and without trans; the other options on a rotating profile."""
    names = list(PROFILES)
    sets: list[dict[str, Any]] = [
        {"profile": name, "trans": trans} for name in names for trans in (False, True)
    ]
    profile, trans = names[number % len(names)], bool(number // len(names) % 2)
    for extra in (
        {"encoding": "cheapest"},
        {"candidates": ["gsm-pt", "gsm", "utf-16"]},
        {"candidates": ["gsm"]},
        {"encoding": "gsm"},
        {"encoding": "gsm-pt"},
        {"encoding": "utf-16"},
        {"newlines": "crlf"},
        {"channel": "landing"},
    ):
        sets.append({"profile": profile, "trans": trans, **extra})
    return sets


RUNNER = r"""
const fs = require("fs");
const [counterPath, casesPath] = process.argv.slice(2);
const C = require(counterPath);
const input = JSON.parse(fs.readFileSync(casesPath, "utf8"));
function canon(v) {
  if (Array.isArray(v)) return "[" + v.map(canon).join(",") + "]";
  if (v && typeof v === "object")
    return "{" + Object.keys(v).sort()
      .map(k => JSON.stringify(k) + ":" + canon(v[k])).join(",") + "}";
  return JSON.stringify(v);
}
function actual(text, options, expected) {
  try {
    const a = C.analyze(text, options);
    return {
      text: a.text, encoding: a.encoding, parts: a.parts, units: a.units, per_part: a.per_part,
      remaining: a.remaining, last_part_units: a.last_part_units, tables: a.tables,
      max_parts: a.max_parts, part_bounds: a.part_bounds,
      offending: a.offending.map(o => [o.index, o.char, o.excluded_from]),
    };
  } catch (e) {
    if (!(e instanceof C.CounterError)) throw e;
    return {error: expected.error === null ? null : e.problems.map(p => [p.start, p.kind])};
  }
}
const mismatches = [];
let cases = 0;
for (const c of input.cases) {
  const text = input.texts[c[0]];
  cases++;
  const got = actual(text, c[1], c[2]);
  if (canon(got) !== canon(c[2])) mismatches.push({text, options: c[1], expected: c[2], got});
}
const graphemeMismatches = [];
let segmenterDisagrees = 0;
const seg = typeof Intl.Segmenter === "function"
  ? new Intl.Segmenter("und", {granularity: "grapheme"}) : null;
input.graphemes.forEach(([text, expected]) => {
  const got = C.graphemeBoundaries(text);
  if (canon(got) !== canon(expected)) graphemeMismatches.push({text, expected, got});
  if (seg) {
    const icu = [];
    for (const s of seg.segment(text)) {
      icu.push(Array.from(text.slice(0, s.index + s.segment.length)).length);
    }
    if (canon(icu) !== canon(expected)) segmenterDisagrees++;
  }
});
process.stdout.write(JSON.stringify({
  cases, mismatches: mismatches.slice(0, 20), mismatchCount: mismatches.length,
  graphemes: input.graphemes.length, graphemeMismatches: graphemeMismatches.slice(0, 20),
  graphemeMismatchCount: graphemeMismatches.length, segmenterDisagrees,
}));
"""


def _cluster_ends(text: str) -> list[int]:
    return [m.end() for m in regex.finditer(r"\X", text)]


def _grapheme_pool_texts() -> list[str]:
    """Short strings over one character of each cluster class, in every order (length 3)."""
    pool = (
        "\u0915", "\u094d", "\u0301", "\u200d", "\u200c", " ", "\u093e", "\u0600",
        "\U0001f600", "\U0001f1ea", "\r", "\n", "\u1100", "\u1161", "\u11a8", "\uac00",
        "\uac01", "\x01", "\U0001f3fb",
    )  # fmt: skip
    return [a + b + c for a in pool for b in pool for c in pool]


def _run_node(tmp_path: Path, payload: dict[str, Any]) -> dict[str, Any]:
    assert NODE is not None
    cases_path = tmp_path / "cases.json"
    cases_path.write_text(json.dumps(payload), encoding="utf-8")
    runner = tmp_path / "runner.js"
    runner.write_text(RUNNER, encoding="utf-8")
    counter = tmp_path / "nrscompose-counter.cjs"
    counter.write_text(counter_script.commonjs_script(SOURCE), encoding="utf-8")
    completed = subprocess.run(
        [NODE, str(runner), str(counter), str(cases_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def test_generated_data_is_current() -> None:
    assert TABLES.read_text(encoding="utf-8") == js_fixtures.generator().render(), (
        "js/src/tables.mjs is stale: run python tools/generate_counter_data.py"
    )


def test_generator_check_reports_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    generator = js_fixtures.generator()
    stale = tmp_path / "tables.mjs"
    fresh = TABLES.read_text(encoding="utf-8")
    stale.write_text(fresh.replace('"\\u00e1":"a"', '"\\u00e1":"x"', 1), encoding="utf-8")
    monkeypatch.setattr(generator, "TABLES_JS", stale)
    assert generator.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().out
    assert generator.write(stale) is True
    assert stale.read_text(encoding="utf-8") == fresh
    assert generator.write(stale) is False
    assert generator.main(["--check"]) == 0


def test_generated_tables_are_compact_and_marked_generated() -> None:
    text = TABLES.read_text(encoding="utf-8")
    assert text.startswith("// GENERATED by tools/generate_counter_data.py")
    assert len(text.splitlines()) < 15  # one line per table
    assert text.count('"compatibility form"') == 1  # each reason once, not once per rewrite
    code = (SOURCE / "counter.mjs").read_text(encoding="utf-8")
    assert "GENERATED" not in code  # the hand-written code holds no generated data


def test_generated_tables_come_from_python_data() -> None:
    data = js_fixtures.generator().counter_data()
    assert data["TRANS_TABLE"] == dict(TRANS_TABLE)
    assert data["PROFILES"]["3gpp"]["limits"]["gsm-pt"][2] == [152, 146]
    assert data["PROFILES"]["360nrs"]["limits"]["utf-16"][0] == [70, 67]


@needs_node
def test_counter_matches_analyze_on_generated_corpus(tmp_path: Path) -> None:
    texts = SEGMENTS + _boundary_samples() + _hypothesis_texts(HYPOTHESIS_TEXTS)
    texts += ["a\ud800b", "\udfff", "€\ud83d"]  # lone surrogates: both sides refuse them
    cases = []
    for number, text in enumerate(texts):
        for options in _option_sets(number):
            cases.append([number, options, _expected(text, options)])
    graphemes = [[t, _cluster_ends(t)] for t in texts if not re.search("[\ud800-\udfff]", t)]
    graphemes += [[t, _cluster_ends(t)] for t in _grapheme_pool_texts()]
    report = _run_node(tmp_path, {"texts": texts, "cases": cases, "graphemes": graphemes})
    print(
        f"\ncounter exactness: {report['cases']} analyses of {len(texts)} texts, "
        f"{report['mismatchCount']} mismatches; {report['graphemes']} grapheme checks, "
        f"{report['graphemeMismatchCount']} mismatches; Intl.Segmenter disagrees with the "
        f"regex module on {report['segmenterDisagrees']} of them"
    )
    assert report["graphemeMismatchCount"] == 0, report["graphemeMismatches"]
    assert report["mismatchCount"] == 0, json.dumps(report["mismatches"][:5], indent=1)


@needs_node
def test_crlf_option_counts_what_the_form_submits(tmp_path: Path) -> None:
    text = "Hola\nque tal\r\nbien\r"
    payload = {
        "texts": [text],
        "cases": [[0, {"newlines": "crlf"}, _expected(text, {"newlines": "crlf"})]],
        "graphemes": [],
    }
    report = _run_node(tmp_path, payload)
    assert report["mismatchCount"] == 0, report["mismatches"]
    expected = payload["cases"][0][2]  # type: ignore[index]
    assert expected["units"] == len(text) + 2  # two LFs became CRLF; CRLF and CR stay 2 units


SUGGEST_RUNNER = r"""
const fs = require("fs");
const [counterPath, textsPath] = process.argv.slice(2);
const C = require(counterPath);
const out = JSON.parse(fs.readFileSync(textsPath, "utf8")).map((text) => {
  const s = C.suggest(text);
  const rows = s.replacements.map(
    (r) => [r.char, r.replacement, r.indices, r.reason, r.partsSaved]
  );
  return [s.text, rows];
});
process.stdout.write(JSON.stringify(out));
"""
# Emoji sequences and their parts, invisible characters, decomposed accents, rewritable marks.
SUGGEST_ALPHABET = (
    "a é’“–…\u00a0\u200b\u00ad\u200d\u200c\ufe0f\u20e3\u0301\u0308e1#o"
    "😀👨👩👧👍\U0001f3fd🇵🇹🇪🇸🏴\U000e0067\U000e0062\U000e007f©™‼\u0600ﬁ"
)


@needs_node
def test_suggest_answers_as_python_on_emoji_and_decomposed_texts(tmp_path: Path) -> None:
    """The JavaScript suggest keeps emoji sequences and composes accents exactly as Python."""
    texts: list[str] = []
    pieces = st.one_of(
        st.text(alphabet=SUGGEST_ALPHABET, max_size=12),
        st.sampled_from(["👨‍👩‍👧", "1️⃣", "🇵🇹", "👍🏽", "❤️", "e\u0301", "x" * 60, "’" * 70]),
        st.sampled_from(["x" * 150, "e\u0301" * 40, "a\u200bb" * 30, "ok – “yes” " * 7]),
    )

    @settings(
        max_examples=400,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(pieces, max_size=10).map("".join))
    def collect(text: str) -> None:
        texts.append(text)

    collect()
    texts_path = tmp_path / "texts.json"
    texts_path.write_text(json.dumps(texts), encoding="utf-8")
    runner = tmp_path / "suggest.js"
    runner.write_text(SUGGEST_RUNNER, encoding="utf-8")
    counter = tmp_path / "nrscompose-counter.cjs"
    counter.write_text(counter_script.commonjs_script(SOURCE), encoding="utf-8")
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(runner), str(counter), str(texts_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    got = json.loads(done.stdout)
    offered = 0
    for text, (js_text, js_replacements) in zip(texts, got, strict=True):
        s = suggest(text)
        expected = [
            [r.char, r.replacement, list(r.indices), r.reason, r.parts_saved]
            for r in s.replacements
        ]
        assert [js_text, js_replacements] == [s.text, expected], repr(text)
        offered += bool(expected)
    print(f"\nsuggest: {len(texts)} texts, {offered} with replacements, 0 differences")
    assert offered > 40  # the corpus does exercise the rewrites
