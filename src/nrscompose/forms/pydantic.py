"""pydantic v2 types: ``Annotated[str, SmsText(max_parts=3)]`` and ``Annotated[str, Sender()]``.

Needs the ``pydantic`` extra; only this module imports pydantic. The annotations run
:func:`nrscompose.forms.check_message`, so a model (or a FastAPI request model, unchanged)
rejects exactly what the 360nrs API would reject. A failure is one
``pydantic_core.PydanticCustomError`` of type ``"nrscompose"`` whose message is the first
problem's sentence and whose context carries, for that problem, ``code`` (the API error code
or ``None``), ``kind``, ``field``, ``start`` and ``end`` (the span to highlight), and under
``problems`` every problem as a dict with those keys and ``message``. FastAPI serializes
that context into the 422 answer as it is.

The validated value is the text with its newlines normalized (``newlines``, default
``"crlf"`` as a form submits them), so what was counted is what the model holds and sends.
``locale`` chooses the language; a validation context ``{"locale": "es"}``
(``Model.model_validate(data, context=...)``) overrides it per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from nrscompose._base.problems import Problem
from nrscompose.forms.check import (
    CheckOptions,
    MessageCheck,
    check_message,
)

__all__ = ["ERROR_TYPE", "Sender", "SmsText", "problems_error"]

ERROR_TYPE = "nrscompose"


def _as_dict(problem: Problem, locale: str) -> dict[str, object]:
    return {
        "code": problem.code,
        "kind": problem.kind,
        "field": problem.field,
        "start": problem.start,
        "end": problem.end,
        "message": problem.render(locale),
    }


def problems_error(check: MessageCheck) -> PydanticCustomError:
    """The pydantic error for a failed check (its first problem, and all under ``problems``)."""
    first = check.problems[0]
    context: dict[str, Any] = _as_dict(first, check.locale)
    context["problems"] = [_as_dict(p, check.locale) for p in check.problems]
    # "{message}" is filled from the context, so braces in the sentence stay as they are.
    return PydanticCustomError(ERROR_TYPE, "{message}", context)


def _locale(default: str, info: core_schema.ValidationInfo) -> str:
    context = info.context
    if isinstance(context, dict) and isinstance(context.get("locale"), str):
        return str(context["locale"])
    return default


@dataclass(frozen=True, slots=True)
class SmsText(CheckOptions):
    """The message text of an SMS or Landing SMS request, checked as the API checks it.

    The options are those of :func:`~nrscompose.forms.check_message`: ``max_parts`` is the
    request's ``parts`` (105 when the text needs more, 110 when outside 1–15 SMS / 1–8
    Landing), ``channel``, ``trans``, ``profile``, ``split_parts``, ``newlines``, ``locale``.
    """

    locale: str = "en"

    def check(self, value: str, locale: str | None = None) -> MessageCheck:
        return CheckOptions.check(self, value, locale or self.locale)

    def _validate(self, value: str, info: core_schema.ValidationInfo) -> str:
        check = self.check(value, _locale(self.locale, info))
        if check.problems:
            raise problems_error(check)
        return check.text

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._validate, handler(source_type))


@dataclass(frozen=True, slots=True)
class Sender:
    """The ``from`` field: at most 11 letters and digits or 15 digits (106 empty, 107 long)."""

    locale: str = "en"

    def _validate(self, value: str, info: core_schema.ValidationInfo) -> str:
        # The text "x" is valid, so every problem is the sender's.
        check = check_message("x", sender=value, locale=_locale(self.locale, info))
        if check.problems:
            raise problems_error(check)
        return value

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._validate, handler(source_type))
