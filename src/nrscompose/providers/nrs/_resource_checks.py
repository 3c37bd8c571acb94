"""Body checks of the 360nrs resource endpoints: contacts and forms (360nrs API reference).

* Contacts, "Create a contact" / "Update a contact": ``countryIso`` is a "Two-letter ISO code
  of the contact's country"; ``customFields[]type`` "Possible values: string, date, decimal.
  For date fields the value must be in ISO8601 format. Default value: string."
* Forms: ``formFields`` is a "Set of elements that the form will have. See annex to see all the
  elements." The annex, "Form elements", prints one example per element; :data:`FORM_ELEMENTS`
  holds them as data. The annex marks no attribute as required, so the attributes every
  example of an element shows are taken as required (``type`` and ``label`` everywhere, the
  ``customField`` an input fills, a list's ``options``); the others (``required``,
  ``description``, ``placeholder``, ``rows``) are optional; an attribute no example shows is
  refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Final

from nrscompose.providers._paths import shown_value
from nrscompose.providers.nrs._checks import Checker

__all__ = ["FORM_ELEMENTS", "FormElement", "check_contact", "check_form_fields", "iso_countries"]

CUSTOM_FIELD_TYPES: Final = ("string", "date", "decimal")
# A decimal as a form or an import writes it: an optional sign, digits, an optional fraction.
_DECIMAL: Final = re.compile(r"[+-]?[0-9]{1,30}(?:\.[0-9]{1,30})?")
_ISO_DATE_MAX: Final = 40  # the longest ISO 8601 text Python reads is about 32 characters
# The 249 codes ISO 3166-1 assigns (alpha-2), as data: tests/test_reference_gaps.py holds them to
# CLDR's territories (babel, a test dependency) less the codes ISO reserves for other uses (AC,
# CP, DG, EA, IC, TA), groupings (EU, EZ, QO, UN), Kosovo's user-assigned XK and CLDR's own.
ISO_COUNTRIES: Final = frozenset(
    {
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
        "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
        "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
        "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
        "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
        "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
        "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
        "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
        "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
        "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
        "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
        "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
        "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
        "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
        "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
        "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
        "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
    }
)  # fmt: skip


def iso_countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes."""
    return ISO_COUNTRIES


def check_contact(ch: Checker, payload: Mapping[str, object]) -> None:
    """``countryIso`` and ``customFields`` of a contact body."""
    country = payload.get("countryIso")
    if country is not None and not (
        isinstance(country, str) and len(country) == 2 and country.upper() in iso_countries()
    ):
        ch.add("value.not_country", "countryIso", value=shown_value(country))
    fields = payload.get("customFields")
    if fields is None:
        return
    if not isinstance(fields, list):
        ch.add("value.not_list", "customFields")
        return
    for index, item in enumerate(fields):
        where = f"customFields[{index}]"
        if not isinstance(item, Mapping):
            ch.add("value.not_object", where)
            continue
        _custom_field(ch, item, where)


def _custom_field(ch: Checker, item: Mapping[str, object], where: str) -> None:
    kind = item.get("type", "string")
    if kind not in CUSTOM_FIELD_TYPES:
        ch.add("value.choice", f"{where}.type", value=shown_value(kind),
               choices=", ".join(CUSTOM_FIELD_TYPES))  # fmt: skip
        return
    value = item.get("value")
    if value is None:
        return
    if kind == "date" and not _iso_date(value):
        ch.add("value.not_iso_date", f"{where}.value", value=shown_value(value))
    elif kind == "decimal" and not _decimal(value):
        ch.add("value.not_decimal", f"{where}.value", value=shown_value(value))
    elif kind == "string" and not isinstance(value, str):
        ch.add("value.not_text", f"{where}.value")


def _iso_date(value: object) -> bool:
    """A date (``2024-05-31``) or a date and time (``2024-05-31T10:00:00+02:00``) in ISO 8601."""
    if not isinstance(value, str) or len(value) > _ISO_DATE_MAX or not value[:1].isdigit():
        return False
    for reader in (date.fromisoformat, datetime.fromisoformat):
        try:
            reader(value)
        except ValueError:
            continue
        return value.isascii()
    return False


def _decimal(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == value and value not in (float("inf"), float("-inf"))
    return isinstance(value, str) and _DECIMAL.fullmatch(value) is not None


# -- forms ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormElement:
    """One element of the annex: the attributes it must have and those it may have."""

    required: frozenset[str]
    optional: frozenset[str] = frozenset()

    @property
    def attributes(self) -> frozenset[str]:
        return self.required | self.optional


def _element(required: str, optional: str = "") -> FormElement:
    return FormElement(frozenset(required.split()), frozenset(optional.split()))


_TEXT = _element("type label")
_INPUT = _element("type label customField", "required description placeholder")
_LIST = _element("type label customField options", "required description")

# The 360nrs API reference, annex "Form elements", in its order.
FORM_ELEMENTS: Final[Mapping[str, FormElement]] = MappingProxyType({
    "h1": _TEXT, "h2": _TEXT, "h3": _TEXT, "h4": _TEXT, "p": _TEXT, "blockquote": _TEXT,
    "text": _INPUT, "password": _INPUT, "email": _INPUT, "number": _INPUT,
    "textarea": _element("type label customField", "required description placeholder rows"),
    "date": _INPUT, "color": _INPUT,
    "countrySelector": _element("type label customField", "required description"),
    "select": _LIST, "radio": _LIST,
    "checkbox": _element("type label customField", "required"),
})  # fmt: skip
_TEXT_ATTRIBUTES: Final = frozenset({"type", "label", "description", "placeholder", "customField"})


def check_form_fields(ch: Checker, value: object) -> None:
    """``formFields``: a non-empty list of annex elements, each with its attributes."""
    if not isinstance(value, list) or not value:
        ch.add("value.not_list", "formFields")
        return
    for index, item in enumerate(value):
        where = f"formFields[{index}]"
        if not isinstance(item, Mapping):
            ch.add("value.not_object", where)
            continue
        kind = item.get("type")
        element = FORM_ELEMENTS.get(kind) if isinstance(kind, str) else None
        if element is None:
            ch.add("value.choice", f"{where}.type", value=shown_value(kind),
                   choices=", ".join(FORM_ELEMENTS))  # fmt: skip
            continue
        _form_attributes(ch, item, element, where)


def _form_attributes(
    ch: Checker, item: Mapping[str, object], element: FormElement, where: str
) -> None:
    for name in sorted(element.required - item.keys()):
        ch.add("value.required", f"{where}.{name}")
    for name in item:
        if name not in element.attributes:
            ch.add("value.unknown_field", f"{where}.{name}", name=shown_value(name),
                   allowed=", ".join(sorted(element.attributes)))  # fmt: skip
        elif name in _TEXT_ATTRIBUTES and not isinstance(item[name], str):
            ch.add("value.not_text", f"{where}.{name}")
    if "required" in item and not isinstance(item["required"], bool):
        ch.add("value.not_boolean", f"{where}.required", value=shown_value(item["required"]))
    if "rows" in item:
        ch.integer(item["rows"], f"{where}.rows", 1, None)
    if "options" in item:
        _options(ch, item["options"], f"{where}.options")


def _options(ch: Checker, options: object, where: str) -> None:
    if not isinstance(options, list) or not options:
        ch.add("value.not_list", where)
        return
    for index, option in enumerate(options):
        if not isinstance(option, Mapping):
            ch.add("value.not_object", f"{where}[{index}]")
            continue
        for name in ("label", "value"):
            if not isinstance(option.get(name), str):
                ch.add("value.required", f"{where}[{index}].{name}")
