"""Mail bodies and HTML templates: ``{variable}`` custom fields and the link patterns.

The 360nrs API reference, "Templates": "Custom variables can be used on templates. These
variables will be replaced by the contact's custom fields before sending by using the syntax
{variable}", and "The templates accept the following substitution patterns for HTML links":
``[unsubscribe_link]``, ``[form_{ID}]`` ("Link to the form with id {ID}"), ``[show_link]`` and
``[attachment_{ID}]``. :func:`mail_problems` reports a form or attachment pattern whose id is
not a number and a ``[…_link]`` the server does not know (it would be sent as written, a dead
link in every mail); :func:`preview_mail` renders a body for one recipient with stand-in links,
each value HTML-escaped, so a contact named ``<script>`` shows as text, not as markup.

Only ``{name}`` with a name of letters, digits, ``_``, ``.`` or ``-`` is a variable: the braces
of CSS (``p { color: red }``) in the same HTML are not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import Problem
from nrscompose.providers.nrs.codes import with_codes

__all__ = ["MAIL_LINK_STAND_INS", "MailLink", "mail_links", "mail_problems", "preview_mail"]

LinkKind = Literal["unsubscribe", "show", "form", "attachment"]
# What a bracketed name is: a link (its kind and id), a wrong link (the problem kind), or neither.
_Found: TypeAlias = (
    tuple[LinkKind, int | None] | Literal["mail.link_id", "mail.unknown_link"] | None
)
# Bounded, so each ``[`` or ``{`` is looked at for at most 65 characters: linear in the body.
# A pattern starts with a letter; the rest is looked at loosely ("[form_١٢]" is a form pattern
# with an id that is not a number), up to a bracket, a space, a quote or a control character.
_BRACKETED: Final = re.compile(r"\[([A-Za-z][^\[\]\s<>\"'\x00-\x1f\x7f]{0,63})\]")
_VARIABLE: Final = re.compile(r"\{([A-Za-z_][\w.-]{0,63})\}")
# One pass over the body for a preview: a bracketed name (group 1) or a variable (group 2).
_TOKENS: Final = re.compile(f"{_BRACKETED.pattern}|{_VARIABLE.pattern}")
_WITH_ID: Final[Mapping[str, LinkKind]] = {"form": "form", "attachment": "attachment"}
_PLAIN: Final[Mapping[str, LinkKind]] = {"unsubscribe_link": "unsubscribe", "show_link": "show"}
# Where a preview's links point: the reserved ``.invalid`` domain (RFC 2606), never a real page.
MAIL_LINK_STAND_INS: Final[Mapping[str, str]] = {
    "unsubscribe": "https://preview.invalid/unsubscribe",
    "show": "https://preview.invalid/show",
    "form": "https://preview.invalid/form/{ID}",
    "attachment": "https://preview.invalid/attachment/{ID}",
}


@dataclass(frozen=True, slots=True)
class MailLink:
    """One link pattern of a body: ``kind``, the form or attachment ``ident`` (``None`` for the
    others), and its ``span`` in the body."""

    kind: LinkKind
    ident: int | None
    span: tuple[int, int]


def _link(name: str) -> _Found:
    """What ``[name]`` is (:data:`_Found`)."""
    if name in _PLAIN:
        return _PLAIN[name], None
    prefix, underscore, ident = name.partition("_")
    kind = _WITH_ID.get(prefix) if underscore else None
    if kind is not None:
        return (kind, int(ident)) if ident.isascii() and ident.isdigit() else "mail.link_id"
    return "mail.unknown_link" if name.endswith("_link") else None


def _scan(body: str) -> tuple[list[MailLink], list[Problem]]:
    links: list[MailLink] = []
    problems: list[Problem] = []
    for match in _BRACKETED.finditer(body):
        found, span = _link(match[1]), match.span()
        if isinstance(found, tuple):
            links.append(MailLink(found[0], found[1], span))
        elif found is not None:
            problems.append(Problem(found, "", span, {"pattern": match[0], "index": span[0]}))
    return links, problems


def mail_links(body: str) -> tuple[MailLink, ...]:
    """The link patterns the server replaces in ``body``, in order."""
    return tuple(_scan(body)[0])


def mail_problems(body: object, field: str = "body") -> tuple[Problem, ...]:
    """A form or attachment pattern whose id is not a number; an unknown ``[…_link]``."""
    if not isinstance(body, str):
        return ()
    problems = _scan(body)[1]
    return with_codes(Problem(p.kind, field, p.span, p.params) for p in problems)


def preview_mail(
    body: str,
    values: Mapping[str, str] | None = None,
    *,
    stand_ins: Mapping[str, str] | None = None,
) -> str:
    """``body`` as one recipient would get it: each ``{variable}`` with its value from
    ``values``, HTML-escaped (one without a value is left as written), each link pattern with
    its stand-in URL (:data:`MAIL_LINK_STAND_INS`, or ``stand_ins`` by kind; ``{ID}`` is the
    form's or attachment's id). A pattern the
    server would not replace is a :class:`~nrscompose.errors.ValidationError`."""
    problems = _scan(body)[1]
    if problems:
        raise ValidationError(with_codes(Problem(p.kind, "body", p.span, p.params)
                                         for p in problems))  # fmt: skip
    urls = {**MAIL_LINK_STAND_INS, **(stand_ins or {})}
    given = values or {}

    def replace(match: re.Match[str]) -> str:
        if match[1] is None:  # a {variable}
            found = given.get(match[2])
            return match[0] if found is None else html.escape(str(found), quote=True)
        link = _link(match[1])
        if not isinstance(link, tuple):  # brackets that are no pattern: their variables
            return _TOKENS.sub(replace, match[0][1:-1]).join("[]")
        return html.escape(urls[link[0]].replace("{ID}", str(link[1])), quote=True)

    return _TOKENS.sub(replace, body)
