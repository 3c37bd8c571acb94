"""Django: a validator, form fields, and a textarea that carries the live counter.

Needs the ``django`` extra; only this module imports Django.

* :class:`MessageTextValidator` runs :func:`nrscompose.forms.check_message` and raises
  ``django.core.exceptions.ValidationError`` with one error per problem. Each error's
  ``code`` is the 360nrs API error code as a string (``"105"``) where one exists, else the
  problem's kind (``"unknown-filter"``); its ``params`` hold ``api_code``, ``kind``,
  ``start`` and ``end`` (the span to highlight). Messages follow Django's active language
  (``get_language()``: English, Spanish, Portuguese; others fall back to English).
* :class:`MessageTextField` is a ``CharField`` with that validator, ``strip=False`` (trailing
  spaces are sent and billed, and the counter counts them) and the cleaned value's newlines
  normalized (default ``"crlf"``, as a browser submits a textarea). An empty
  required field is the API's 104 rather than Django's "required".
* :class:`CounterTextarea` renders the textarea with ``data-nrs-*`` attributes holding the
  options, followed by ``<script type="module" src="{STATIC_URL}nrscompose-counter.js">``.
  The script is ``nrscompose/forms/static/nrscompose-counter.js`` inside the package; add
  ``"nrscompose.forms.django.NrsComposeConfig"`` to ``INSTALLED_APPS`` so that
  ``django.contrib.staticfiles`` finds (and ``collectstatic`` copies) it.
* :class:`SenderValidator` / :class:`SenderField` check ``from`` (106, 107).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from django import forms
from django.apps import AppConfig
from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.deconstruct import deconstructible
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from nrscompose._base.problems import Problem
from nrscompose.forms.check import (
    Channel,
    CheckOptions,
    MessageCheck,
    NewlineMode,
    check_message,
    normalize_newlines,
)

# What Django passes to a widget or field (a form value, attrs, a renderer): Django ships no
# type information, and django-stubs is not a dependency.
DjangoValue = Any

__all__ = [
    "COUNTER_SCRIPT",
    "CounterTextarea",
    "MessageTextField",
    "MessageTextValidator",
    "NrsComposeConfig",
    "SenderField",
    "SenderValidator",
    "django_error",
]

COUNTER_SCRIPT: Final = "nrscompose-counter.js"  # static path, relative to STATIC_URL


class NrsComposeConfig(AppConfig):
    """Makes ``nrscompose/forms/static/`` a static files directory (label ``nrscompose``)."""

    name = "nrscompose.forms"
    label = "nrscompose"
    verbose_name = "nrscompose forms"
    default_auto_field = "django.db.models.AutoField"


def _language() -> str:
    return get_language() or "en"


def _error(problem: Problem, locale: str) -> ValidationError:
    params = {
        "api_code": problem.code,
        "kind": problem.kind,
        "start": problem.start,
        "end": problem.end,
    }
    code = str(problem.code) if problem.code is not None else problem.kind
    # Django formats a message with its params: a "%" in a quoted character must survive.
    message = problem.render(locale)
    return ValidationError(message.replace("%", "%%"), code=code, params=params)


def django_error(check: MessageCheck) -> ValidationError:
    """One Django ``ValidationError`` holding an error per problem of ``check``."""
    return ValidationError([_error(problem, check.locale) for problem in check.problems])


@deconstructible
class MessageTextValidator:
    """Validates a message text with :func:`~nrscompose.forms.check_message`'s options."""

    def __init__(
        self,
        *,
        max_parts: int = 1,
        channel: Channel = "sms",
        trans: bool = False,
        profile: str = "360nrs",
        split_parts: bool = False,
        newlines: NewlineMode = "crlf",
    ) -> None:
        self.options = CheckOptions(max_parts, channel, trans, profile, split_parts, newlines)

    def check(self, value: str) -> MessageCheck:
        return self.options.check(value, _language())

    def __call__(self, value: str) -> None:
        check = self.check(value)
        if check.problems:
            raise django_error(check)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MessageTextValidator) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash(tuple(sorted(vars(self).items())))

    def data_attributes(self) -> dict[str, str]:
        """The options as the counter script reads them from the textarea."""
        return self.options.data_attributes()


@deconstructible
class SenderValidator:
    """``from``: at most 11 letters and digits or 15 digits (107); empty is 106."""

    def __call__(self, value: str) -> None:
        check = check_message("x", sender=value, locale=_language())
        if check.problems:
            raise django_error(check)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SenderValidator)

    def __hash__(self) -> int:
        return hash(SenderValidator)


class CounterTextarea(forms.Textarea):
    """A textarea followed by the live counter script (``type="module"``, loaded once)."""

    script = COUNTER_SCRIPT

    def render(
        self,
        name: str,
        value: DjangoValue,
        attrs: Mapping[str, DjangoValue] | None = None,
        renderer: DjangoValue = None,
    ) -> SafeString:
        html = super().render(name, value, attrs, renderer)
        element_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        output = format_html(
            '<output class="nrs-counter" data-nrs-counter-for="{}" aria-live="polite"></output>',
            element_id,
        )
        tag = format_html('<script type="module" src="{}"></script>', static(self.script))
        return mark_safe(f"{html}\n{output}\n{tag}")  # every part is escaped already


class MessageTextField(forms.CharField):
    """A message text form field; see the module docstring."""

    widget = CounterTextarea

    def __init__(
        self,
        *,
        max_parts: int = 1,
        channel: Channel = "sms",
        trans: bool = False,
        profile: str = "360nrs",
        split_parts: bool = False,
        newlines: NewlineMode = "crlf",
        **kwargs: DjangoValue,
    ) -> None:
        kwargs.setdefault("strip", False)
        self.message_validator = MessageTextValidator(
            max_parts=max_parts,
            channel=channel,
            trans=trans,
            profile=profile,
            split_parts=split_parts,
            newlines=newlines,
        )
        super().__init__(**kwargs)
        self.validators.append(self.message_validator)

    def widget_attrs(self, widget: DjangoValue) -> dict[str, DjangoValue]:
        attrs: dict[str, DjangoValue] = super().widget_attrs(widget)
        attrs.update(self.message_validator.data_attributes())
        return attrs

    def to_python(self, value: DjangoValue) -> DjangoValue:
        text = super().to_python(value)
        if isinstance(text, str):
            return normalize_newlines(text, self.message_validator.options.newlines)
        return text

    def validate(self, value: DjangoValue) -> None:
        if self.required and value in self.empty_values:
            raise django_error(self.message_validator.check(""))  # the API's 104
        super().validate(value)


class SenderField(forms.CharField):
    """The ``from`` field (106, 107)."""

    def __init__(self, **kwargs: DjangoValue) -> None:
        super().__init__(**kwargs)
        self.validators.append(SenderValidator())

    def validate(self, value: DjangoValue) -> None:
        if self.required and value in self.empty_values:
            SenderValidator()("")  # the API's 106
        super().validate(value)
