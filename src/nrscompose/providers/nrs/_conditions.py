"""Fields the 360nrs reference requires only under a condition, as data.

The 360nrs API reference, "Create a contact" and "Update a contact" (the same table for both):
``email`` "Required when phone or landline is not specified" (and ``phone``/``landline``
alike: at least one of the three), ``countryIso`` "Required when phone or landline is
specified", ``groupsIds`` "Required if groupsNames is not specified" (and the other way round).
"Validate emails": ``groupsIds`` "No (whenever there are emails)", ``emails`` "No (whenever
there are groupIds)": one of them. The reference gives no error code for these; its example
answer to a contact without an email is 422, "The email field is required.", so they are
reported with 422 (:data:`~nrscompose.providers.nrs.catalogue.INPUT_INVALID`) on the field
the server names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from nrscompose._base.problems import Problem
from nrscompose.providers.nrs._checks import Checker

__all__ = ["CONDITIONS", "Condition", "check_conditions"]


@dataclass(frozen=True, slots=True)
class Condition:
    """``field`` is required when any of ``when_given`` is given (empty: always), unless any
    of ``unless_given`` is given. A ``None``, empty text or empty list is "not given"."""

    field: str
    when_given: tuple[str, ...] = ()
    unless_given: tuple[str, ...] = ()

    def violated(self, payload: Mapping[str, object]) -> bool:
        if _given(payload, self.field):
            return False
        if self.when_given and not any(_given(payload, name) for name in self.when_given):
            return False
        return not any(_given(payload, name) for name in self.unless_given)

    @property
    def problem(self) -> tuple[str, dict[str, object]]:
        """The kind and params of the problem of a payload that violates this condition."""
        if self.when_given:
            return _naming(self.when_given, "value.required_when_given",
                           "value.required_when_either_given")  # fmt: skip
        if self.unless_given:
            return _naming(self.unless_given, "value.required_when_not_given",
                           "value.required_when_neither_given")  # fmt: skip
        return "value.required", {}


def _naming(fields: tuple[str, ...], one: str, several: str) -> tuple[str, dict[str, object]]:
    """Kind ``one`` naming the single field, or ``several`` naming the others and the last
    ("phone or landline"), so a translation words the "or" itself."""
    if len(fields) == 1:
        return one, {"other": fields[0], "fields": fields}
    return several, {"first": ", ".join(fields[:-1]), "second": fields[-1], "fields": fields}


def _given(payload: Mapping[str, object], name: str) -> bool:
    value = payload.get(name)
    return value is not None and value != "" and value != [] and value != ()


_CONTACT: Final = (
    Condition("email", unless_given=("phone", "landline")),
    Condition("countryIso", when_given=("phone", "landline")),
    Condition("groupsIds", unless_given=("groupsNames",)),
)

CONDITIONS: Final[Mapping[str, tuple[Condition, ...]]] = MappingProxyType({
    "contacts.create": _CONTACT,
    "contacts.update": _CONTACT,
    "validations.create": (Condition("groupsIds", unless_given=("emails",)),),
})  # fmt: skip


def check_conditions(ch: Checker, endpoint_name: str, payload: Mapping[str, object]) -> None:
    """Add a 422 problem for each condition of ``endpoint_name`` that ``payload`` violates."""
    for condition in CONDITIONS.get(endpoint_name, ()):
        if condition.violated(payload):
            kind, params = condition.problem
            ch.extend([Problem(kind, condition.field, None, params)])
