"""Length ranges: the fewest and most parts a template can take over its possible values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import Problem
from nrscompose._composition.filters import (
    FILTERS,
    NUMBER_FILTERS,
    value_text,
)
from nrscompose._composition.template.parse import Alphabet, OtpConfig, Value
from nrscompose._composition.template.render import Template, render_program
from nrscompose._composition.template.split_parts import render_spans, split_protected

if TYPE_CHECKING:
    from nrscompose._counting.analysis import Analysis
    from nrscompose._counting.profiles import Profile


_UNICODE_EXTRAS: Final = "😀Жﬃΐİŉǆ’"
# The worst case renders values at their maximum length: a billion characters took the
# memory of the machine. A million is far past the parts any channel accepts.
MAX_VALUE_LENGTH: Final = 1_000_000
_CONTROLS: Final = frozenset("\n\r\x0c")


@cache
def _alphabet(kind: Alphabet) -> tuple[str, ...]:
    from nrscompose._counting import charsets

    gsm = [c for c in charsets.DEFAULT.septets_of if c not in _CONTROLS]
    if kind == "gsm":
        return tuple(sorted(gsm))
    portuguese = [c for c in charsets.PORTUGUESE.septets_of if c not in _CONTROLS]
    return tuple(sorted({*gsm, *portuguese, *_UNICODE_EXTRAS}))


@cache
def _representatives(kind: Alphabet, chains: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """One character per distinct cost signature of its filtered output, in every charset."""
    from nrscompose._counting import charsets

    tables = (
        charsets.DEFAULT,
        charsets.PORTUGUESE,
        charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
        charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    )
    seen: dict[tuple[object, ...], str] = {}
    for char in _alphabet(kind):
        outputs = [_chain_output(chain, char) for chain in chains]
        signature = tuple(
            (len(out), len(out.encode("utf-16-le")), *(table.count(out) for table in tables))
            for out in outputs
        )
        seen.setdefault(signature, char)
    return tuple(seen.values())


def _chain_output(chain: tuple[str, ...], char: str) -> str:
    for name in chain:
        char = FILTERS[name](char)
    return char


@dataclass(frozen=True, slots=True)
class _NameModel:
    name: str
    kind: Alphabet | Literal["number", "url"]
    min_length: int
    max_length: int
    chains: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One end of a range: stand-in ``values``, the billed ``text`` and its ``analysis``.

    ``sms`` holds the separate messages when counted with ``split_parts``; ``parts`` is their
    number then, else the concatenated parts.
    """

    values: Mapping[str, str]
    text: str
    analysis: Analysis
    sms: tuple[str, ...] | None = None

    @property
    def parts(self) -> int:
        return len(self.sms) if self.sms is not None else self.analysis.parts

    @property
    def encoding(self) -> str:
        return self.analysis.encoding

    @property
    def units(self) -> int:
        return self.analysis.units

    def _key(self) -> tuple[int, int, int]:
        # Parts first; between equal parts, less room left in the last part is worse (units of
        # different encodings are not comparable, room is).
        return (self.parts, -self.analysis.remaining, self.units)


@dataclass(frozen=True, slots=True)
class TemplateRange:
    """The cheapest and the costliest message a template can become under the declarations."""

    best: Case
    worst: Case

    @property
    def parts(self) -> tuple[int, int]:
        return (self.best.parts, self.worst.parts)

    @property
    def encodings(self) -> tuple[str, str]:
        return (self.best.encoding, self.worst.encoding)

    @property
    def exact(self) -> bool:
        return self.best.parts == self.worst.parts and self.best.encoding == self.worst.encoding


def analyze_template(
    template: Template | str,
    *,
    max_lengths: Mapping[str, int] | None = None,
    min_lengths: Mapping[str, int] | None = None,
    alphabets: Mapping[str, Alphabet] | None = None,
    samples: Iterable[Mapping[str, Value]] | None = None,
    default_max_length: int | None = None,
    otp: OtpConfig | None = None,
    server_lengths: Mapping[str, int] | None = None,
    split_parts: bool = False,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    channel: str = "sms",
) -> TemplateRange:
    """Best and worst case (encoding, parts) of ``template`` when values are not known yet.

    Per name: ``max_lengths``/``min_lengths`` bound the value's length in code points (before
    filters; default minimum 0); ``alphabets`` says whether values are ``"gsm"`` (default
    alphabet and extension table) or ``"unicode"``. Undeclared, both are inferred from
    ``samples`` (value mappings, like ``sub``): the longest sample, and ``"gsm"`` when every
    sample value is GSM; without samples, ``default_max_length`` and ``"unicode"``. Number
    filters bound the value to digits, ``shorten`` replaces it with a fixed-length link.

    Each end is a real stand-in rendering counted by :func:`~nrscompose.analyze`, so it is
    exact for that rendering; the worst is the maximum over fillers of every cost class (and
    the samples), the best the minimum over the shortest fillings and the single characters
    that switch encoding. ``split_parts`` counts separate SMS and raises
    ``template.split_placeholder`` when a placeholder could not fit one.
    """
    from nrscompose._counting.analysis import analyze

    if not isinstance(template, Template):
        template = Template(template)
    if channel == "landing" or "LAND_URL" in template.reserved:
        template.validate(channel)
    sample_list = [dict(s) for s in samples] if samples is not None else []
    models = _models(template, max_lengths, min_lengths, alphabets, sample_list, default_max_length)
    program = template._billed_program(otp, server_lengths)

    def count(values: Mapping[str, Value], lenient: bool = False) -> Case:
        text = render_program(program, values, lenient, None)
        analysis = analyze(
            text,
            encoding=encoding,
            candidates=candidates,
            trans=trans,
            profile=profile,
        )
        sms = None
        if split_parts:
            spans_text, spans = render_spans(program, values, lenient, trans)
            sms = tuple(split_protected(spans_text, spans, template, encoding, candidates, profile))
        return Case(MappingProxyType({k: str(v) for k, v in values.items()}), text, analysis, sms)

    worst_fills, best_fills = _fills(models)
    worst = max((count(values) for values in worst_fills), key=Case._key)
    best = min((count(values) for values in best_fills), key=Case._key)
    for values in sample_list:
        case = count(values, lenient=True)
        worst = max(worst, case, key=Case._key)
        best = min(best, case, key=Case._key)
    return TemplateRange(best, worst)


def _sample_texts(
    template: Template, name: str, samples: Sequence[Mapping[str, Value]]
) -> list[str]:
    """The texts of ``name`` in ``samples``; a value that cannot be one (``Decimal('NaN')``,
    a list) is refused as :meth:`Template.render` refuses it."""
    texts = []
    for number, sample in enumerate(samples):
        value = sample.get(name)
        if value is None:
            continue
        try:
            texts.append(value_text(value))
        except (TypeError, ValueError) as error:
            slot = next(p for p in template.placeholders if p.name == name)
            params = {"placeholder": slot.written, "index": slot.start, "detail": str(error)}
            raise ValidationError.single(
                "template.filter_failed", f"samples[{number}]", (slot.start, slot.end), params
            ) from None
    return texts


def _models(
    template: Template,
    max_lengths: Mapping[str, int] | None,
    min_lengths: Mapping[str, int] | None,
    alphabets: Mapping[str, Alphabet] | None,
    samples: Sequence[Mapping[str, Value]],
    default_max_length: int | None,
) -> list[_NameModel]:
    from nrscompose._counting import charsets

    models = []
    problems = []
    for name in template.names:
        chains = tuple(dict.fromkeys(p.filters for p in template.placeholders if p.name == name))
        filters = {f for chain in chains for f in chain}
        seen = _sample_texts(template, name, samples)
        kind: Alphabet | Literal["number", "url"]
        if "shorten" in filters:
            kind = "url"
        elif filters & NUMBER_FILTERS:
            kind = "number"
        elif alphabets is not None and name in alphabets:
            kind = alphabets[name]
            if kind not in ("gsm", "unicode"):
                raise ValidationError.single(
                    "template.unknown_alphabet",
                    "alphabets",
                    None,
                    {"name": repr(name), "value": repr(kind), "known": ("gsm", "unicode")},
                )
        elif seen and all(charsets.DEFAULT.count(v) is not None for v in seen):
            kind = "gsm"
        else:
            kind = "unicode"
        maximum = (max_lengths or {}).get(name)
        if maximum is None:
            maximum = max(map(len, seen)) if seen else default_max_length
        if maximum is None:
            problems.append(
                Problem(
                    "template.undeclared_length",
                    "max_lengths",
                    None,
                    {"placeholder": "{" + name + "}"},
                )
            )
            continue
        if maximum > MAX_VALUE_LENGTH:
            problems.append(_too_long(name, maximum))
            continue
        minimum = (min_lengths or {}).get(name, 0)
        if not 0 <= minimum <= maximum:
            problems.append(
                Problem(
                    "template.min_length_range",
                    "min_lengths",
                    None,
                    {"placeholder": "{" + name + "}", "minimum": minimum, "maximum": maximum},
                )
            )
            continue
        models.append(_NameModel(name, kind, minimum, maximum, chains))
    if problems:
        raise ValidationError(problems)
    return models


_URL_FILLER: Final = "https://example.com/"


def _too_long(name: str, maximum: int) -> Problem:
    return Problem(
        "template.max_length_too_large",
        "max_lengths",
        None,
        {
            "placeholder": "{" + name + "}",
            "maximum": maximum,
            "limit": MAX_VALUE_LENGTH,
            "limit_text": f"{MAX_VALUE_LENGTH:,}",
        },
    )


def _fills(models: Sequence[_NameModel]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Stand-in value sets whose counts bound the template: (worst candidates, best ones)."""
    fixed_worst: dict[str, str] = {}
    fixed_best: dict[str, str] = {}
    free: list[tuple[_NameModel, tuple[str, ...]]] = []
    for model in models:
        if model.kind == "url":
            fixed_worst[model.name] = fixed_best[model.name] = _URL_FILLER
        elif model.kind == "number":
            fixed_worst[model.name] = "9" * model.max_length
            fixed_best[model.name] = "0" * min(model.min_length, 1)
        else:
            free.append((model, _representatives(model.kind, model.chains)))
    kinds = sorted({model.kind for model, _ in free})
    per_kind = {
        kind: sorted({c for model, chars in free if model.kind == kind for c in chars})
        for kind in kinds
    }
    worst: list[dict[str, str]] = []
    choices: list[dict[str, str]] = [{}]
    for kind in kinds:
        choices = [{**choice, kind: char} for choice in choices for char in per_kind[kind]]
    for choice in choices:
        values = dict(fixed_worst)
        for model, _ in free:
            values[model.name] = choice[model.kind] * model.max_length
        worst.append(values)
    base = dict(fixed_best)
    for model, _ in free:
        base[model.name] = "a" * model.min_length
    best = [base]
    for model, chars in free:
        if model.max_length == 0:
            continue
        rest = "a" * max(model.min_length - 1, 0)
        best.extend({**base, model.name: char + rest} for char in chars)
    return worst, best
