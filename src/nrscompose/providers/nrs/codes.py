"""Problem kind → 360nrs error code: the one place the 360nrs provider names its codes.

The rules report provider-neutral :class:`~nrscompose.problems.Problem` kinds; this table
says which code of the catalogue (:mod:`nrscompose.providers.nrs.catalogue`, the 360nrs API
reference's "Errors" table) the server answers each with. Most 360nrs codes name a field
("Invalid subject", "Invalid voice language"), so a row is keyed by kind, by field, or both.
A problem the table does not place gets :data:`~nrscompose.providers.nrs.catalogue.INPUT_INVALID`
(422, "Input validation error"), the code the newer endpoints answer a failed validation with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from nrscompose._base.problems import Problem
from nrscompose.providers.nrs.catalogue import CATALOGUE, INPUT_INVALID

__all__ = ["CODES", "code_for", "with_codes"]

ANY: Final = "*"

# (kind, field) → code; ANY matches every kind or every field. The field is matched whole
# ("notificationUrl[0]"), by its last name ("from" of "availableTimes[0].from") and by its
# first name ("notificationUrl"), in that order, before ANY.
CODES: Final[Mapping[tuple[str, str], int | None]] = MappingProxyType({
    # the placeholder grammar is the library's: the reference names no code for its errors
    ("template.unknown_filter", ANY): None,
    ("template.unterminated", ANY): None,
    ("template.unexpected_character", ANY): None,
    ("template.reserved_filter", ANY): None,
    ("template.reserved_channel", ANY): None,
    ("template.missing_value", ANY): None,
    ("template.filter_failed", ANY): None,
    ("template.no_column", ANY): None,
    ("text.not_gsm", ANY): None,
    ("text.crlf", ANY): None,
    ("text.invisible", ANY): None,
    ("text.control", ANY): None,
    ("text.cheaper_encoding", ANY): None,
    # country content rules: the provider applies them after accepting the request
    ("content.opt_out_missing", ANY): None,
    ("content.public_shortener", ANY): None,
    ("content.opt_in_required", ANY): None,
    ("content.prohibited_topics", ANY): None,
    ("content.age_verification", ANY): None,
    ("content.sender_name_room", ANY): None,
    ("content.sender_name_extra_part", ANY): None,
    ("text.required", ANY): 104,
    ("text.too_long", ANY): 105,
    ("text.too_many_characters", ANY): 105,
    ("sender.required", ANY): 106,
    ("sender.too_long", ANY): 107,
    ("recipient.required", ANY): 102,
    ("recipient.invalid", ANY): 102,
    ("recipient.too_short", ANY): 102,
    ("recipient.no_country_code", ANY): 102,
    ("recipient.unknown_prefix", ANY): 102,
    ("recipient.not_valid", ANY): 102,
    ("recipient.no_region", ANY): 102,
    ("recipient.unparsable", ANY): 102,
    ("recipient.national_number", ANY): 102,
    ("recipient.unknown_country", ANY): 102,
    ("recipient.scientific_notation", ANY): 102,
    ("recipient.invalid", "from"): INPUT_INVALID,  # a WhatsApp sender number
    ("email.required", "to"): 102,
    ("email.invalid", "to"): 102,
    ("value.required", "fromEmail"): 106,
    ("email.invalid", "fromEmail"): 115,
    ("value.required", "messages"): 102,
    ("text.unencodable", ANY): 113,
    ("text.not_encodable", ANY): 113,
    ("text.lone_surrogate", ANY): 113,
    ("parts.out_of_range", ANY): 110,
    ("template.placeholder_required", ANY): 141,
    ("template.split_placeholder", ANY): 142,
    ("json.invalid", ANY): 125,
    ("json.not_object", ANY): 125,
    ("campaign.name_empty", ANY): 126,
    ("campaign.tags_need_name", ANY): 126,
    ("value.not_integer", "retries"): 176,
    ("available_times.not_array", ANY): 183,
    ("available_times.day_not_integer", ANY): 184,
    ("available_times.day_out_of_range", ANY): 185,
    ("available_times.hour_format", "from"): 186,
    ("available_times.hour_format", "to"): 187,
    ("available_times.from_after_to", ANY): 188,
    ("available_times.missing_property", ANY): 189,
    ("available_times.not_object", ANY): 189,
    ("available_times.empty", ANY): 194,
    ("available_times.too_short", ANY): 196,
    # the link patterns of a mail body are the library's reading of the templates: no code
    ("mail.link_id", ANY): None,
    ("mail.unknown_link", ANY): None,
    ("guid.invalid", ANY): 120,
    # fields required under a condition: the reference's example answer is 422
    ("value.required_when_given", ANY): INPUT_INVALID,
    ("value.required_when_either_given", ANY): INPUT_INVALID,
    ("value.required_when_not_given", ANY): INPUT_INVALID,
    ("value.required_when_neither_given", ANY): INPUT_INVALID,
    # the 360nrs builders' own refusals: each keeps the code the builder answered before
    ("value.required_one_of_three", "body"): 140,
    ("value.required_one_of_three", "templateBody"): 140,
    ("attachment.incomplete", ANY): INPUT_INVALID,
    ("attachment.content_not_encoded", ANY): INPUT_INVALID,
    ("callers.not_mapping", ANY): 132,
    ("callers.not_country", ANY): 132,
    ("callers.not_phone", ANY): 132,
    ("voice.female_only", ANY): 131,
    ("location.incomplete", ANY): INPUT_INVALID,
    ("recipient.not_phone_or_email", ANY): INPUT_INVALID,
    ("filter.no_values", ANY): INPUT_INVALID,
    ("filter.unknown_values", ANY): INPUT_INVALID,
    ("image.unknown_extension", ANY): INPUT_INVALID,
    ("images.empty", ANY): INPUT_INVALID,
    # arguments refused before a request is built; they had no code and keep none
    ("campaigns.unknown_channel", ANY): None,
    ("shortener.no_urls", ANY): None,
    ("coverage.unknown_by", ANY): None,
    (ANY, "parts"): 110,
    (ANY, "encoding"): 113,
    (ANY, "notificationUrl"): 109,
    (ANY, "subject"): 114,
    (ANY, "replyTo"): 116,
    (ANY, "body"): 140,
    (ANY, "templateId"): 140,
    (ANY, "templateBody"): 140,
    (ANY, "expirationDate"): 119,
    (ANY, "scheduleDate"): 121,
    (ANY, "campaignName"): 126,
    (ANY, "language"): 130,
    (ANY, "gender"): 131,
    (ANY, "callers"): 132,
    (ANY, "audioUrl"): 133,
    (ANY, "retries"): 177,
    (ANY, "guid"): 120,
})  # fmt: skip

_NAMES: Final = re.compile(r"[A-Za-z_]\w*")


def code_for(kind: str, field: str) -> int | None:
    """The 360nrs code the server answers a problem of ``kind`` in ``field`` with."""
    names = _NAMES.findall(field) or [field]
    for key in (
        (kind, field), (kind, names[-1]), (kind, names[0]), (kind, ANY), (ANY, names[0])
    ):  # fmt: skip
        if key in CODES:
            return CODES[key]
    return INPUT_INVALID


def with_codes(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """``problems`` with their 360nrs codes attached (a code already attached is kept; a
    problem the reference names no code for keeps ``None``)."""
    return tuple(
        p if p.code is not None else p.with_code(code_for(p.kind, p.field)) for p in problems
    )


def _check_table() -> None:
    unknown = sorted({c for c in CODES.values() if c is not None and c not in CATALOGUE})
    if unknown:  # pragma: no cover - a typo in the table above
        raise ValueError(f"codes not in the 360nrs catalogue: {unknown}")


_check_table()
