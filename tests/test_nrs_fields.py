"""The field table of the 360nrs send builders (``nrscompose.providers.nrs.fields``) says what
the builders take: every keyword parameter, in order, required exactly when it has no default,
of the kind its annotation says. A parameter added, renamed or retyped fails here."""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import datetime

import pytest

from nrscompose._base.vocabularies import ENCODING_CHOICES
from nrscompose.providers import nrs
from nrscompose.providers.nrs.fields import (
    DATE,
    FIELDS,
    NOT_FIELDS,
    TEXT,
    TRUE_FALSE,
    WHOLE_NUMBER,
    Kind,
    choice,
    find,
    list_of,
    object_of,
    one_of,
    python_object,
)

# Annotations that are a Literal for the type checker but ``str`` at run time (importing
# typing at run time would slow ``import nrscompose``): the values they stand for.
_RUN_TIME_STR: dict[str, tuple[str, ...]] = {"EncodingChoice": ENCODING_CHOICES}


def _kind_of(hint: object, written: str = "") -> Kind:
    """The kind a type hint describes (``written``: the annotation as the source spells it)."""
    members = [m for m in typing.get_args(hint) if m is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if set(members) == {datetime, str}:
            return DATE
        kinds = [_kind_of(member) for member in members]
        return kinds[0] if len(kinds) == 1 else one_of(*kinds)
    if origin is typing.Literal:
        return choice(typing.get_args(hint))
    if origin is Sequence:
        return list_of(_kind_of(members[0]))
    if origin is Mapping:
        return object_of(_kind_of(members[1]))
    simple = {str: TEXT, int: WHOLE_NUMBER, bool: TRUE_FALSE}
    if hint is str and written in _RUN_TIME_STR:
        return choice(_RUN_TIME_STR[written])
    if hint in simple:
        return simple[hint]  # type: ignore[index]
    assert isinstance(hint, type), hint
    return python_object(hint.__name__)


def _normal(kind: Kind) -> Kind:
    """``kind`` with the alternatives of every ``one_of`` in one order (the table orders
    them as a sentence names them)."""
    inner = tuple(_normal(k) for k in kind.of)
    if kind.name == "one_of":
        inner = tuple(sorted(inner, key=repr))
    return Kind(kind.name, inner, kind.choices, kind.python_class)


def _parameters(builder: str) -> list[inspect.Parameter]:
    parameters = inspect.signature(getattr(nrs, builder)).parameters.values()
    return [p for p in parameters if p.name not in NOT_FIELDS]


@pytest.mark.parametrize("builder", sorted(FIELDS))
def test_the_table_lists_every_keyword_parameter_of_the_builder_in_order(builder: str) -> None:
    parameters = _parameters(builder)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert [f.python_name for f in FIELDS[builder]] == [p.name for p in parameters]


@pytest.mark.parametrize("builder", sorted(FIELDS))
def test_a_field_is_required_exactly_when_its_parameter_has_no_default(builder: str) -> None:
    required = [p.default is inspect.Parameter.empty for p in _parameters(builder)]
    assert [f.required for f in FIELDS[builder]] == required


@pytest.mark.parametrize("builder", sorted(FIELDS))
def test_each_field_has_the_kind_its_annotation_says(builder: str) -> None:
    hints = typing.get_type_hints(getattr(nrs, builder))
    for field, parameter in zip(FIELDS[builder], _parameters(builder), strict=True):
        expected = _kind_of(hints[field.python_name], str(parameter.annotation))
        assert _normal(field.kind) == _normal(expected), field.python_name


@pytest.mark.parametrize("builder", sorted(FIELDS))
def test_names_are_unique_and_found_by_either_spelling(builder: str) -> None:
    fields = FIELDS[builder]
    spellings = [name for f in fields for name in dict.fromkeys((f.api_name, f.python_name))]
    assert len(spellings) == len(set(spellings))  # no name stands for two fields
    for field in fields:
        assert find(builder, field.api_name) is field
        assert find(builder, field.python_name) is field
    assert find(builder, "nosuchfield") is None


def test_api_names_are_the_names_the_request_body_uses() -> None:
    credentials = nrs.Credentials("user", "secret")
    body = nrs.sms(credentials=credentials, to=["34612345678"], sender="Shop", message="hi",
                   schedule_date="20261201120000", campaign_name="Spring", tags=["a"],
                   certified=True, split_parts=False, flash=False).json()  # fmt: skip
    for python_name in ("schedule_date", "campaign_name", "tags", "certified", "split_parts"):
        field = find("sms", python_name)
        assert field is not None
        assert field.api_name in body


def test_the_voice_choices_are_the_languages_and_genders_the_api_accepts() -> None:
    language, gender = find("voice", "language"), find("voice", "gender")
    assert language is not None
    assert gender is not None
    assert language.kind.choices == tuple(nrs.VOICE_LANGUAGES)
    assert gender.kind.choices == ("F", "M")


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (list_of(object_of(TEXT)), "a list of (an object of (text))"),
        (object_of(one_of(TRUE_FALSE, WHOLE_NUMBER, TEXT)),
         "an object of (true or false or a whole number or text)"),
        (one_of(list_of(TEXT), TEXT), "a list of (text) or text"),
        (list_of(python_object("Attachment")), "a list of (Attachment)"),
        (DATE, "text"),
    ],
)  # fmt: skip
def test_a_kind_is_named_as_a_sentence_names_it(kind: Kind, sentence: str) -> None:
    assert kind.describe() == sentence


@pytest.mark.parametrize(
    ("kind", "value", "admitted"),
    [
        (TEXT, "a", True),
        (TEXT, 5, True),  # a JSON number where text is expected: the API reads it
        (TEXT, True, False),
        (WHOLE_NUMBER, 5, True),
        (WHOLE_NUMBER, 5.5, False),
        (WHOLE_NUMBER, True, False),
        (TRUE_FALSE, True, True),
        (TRUE_FALSE, 1, False),
        (DATE, 20261201120000, False),
        (choice(("F", "M")), "X", True),  # the builder refuses it, with the API's code
        (list_of(TEXT), ["a", 1], True),
        (list_of(TEXT), [None], False),
        (object_of(TEXT), {"ES": "34600000000"}, True),
        (object_of(TEXT), ["ES"], False),
        (list_of(python_object("Attachment")), [{"name": "a"}], False),
    ],
)
def test_a_kind_admits_the_json_values_of_its_shape(kind: Kind, value: object, admitted: bool):
    assert kind.admits(value) is admitted
