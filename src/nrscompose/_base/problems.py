"""Problem kinds: the closed vocabulary every rule reports in, and the one :class:`Problem` type.

A rule says *what* is wrong with a ``kind`` (a dotted lowercase name such as
``"text.too_long"``), *where* with a ``field`` and a ``span`` of character indices, and the
numbers a sentence needs in ``params``. The sentence a person reads (:attr:`Problem.message`)
is rendered from the kind and its params through the gettext catalogue (English, Spanish,
Portuguese; :mod:`nrscompose._base.messages`), so rewording a sentence or adding a language changes
no rule and no consumer. A provider attaches its own error ``code`` from its kind → code table
(for 360nrs, :mod:`nrscompose.providers.nrs.codes`); the core never names a provider code.

Every kind is listed in :data:`KINDS` with its English sentence; ``docs/problems.md`` lists
them with their params and the 360nrs codes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from types import MappingProxyType

from nrscompose._base.error_base import ArgumentError

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "KINDS",
    "PLURAL_KINDS",
    "SEVERITIES",
    "VARIANT_KINDS",
    "Problem",
    "refusal",
    "render",
    "required_one_of",
    "severity",
]

_NO_PARAMS: Final[Mapping[str, object]] = MappingProxyType({})

# kind -> the English sentence (the gettext msgid), with %(name)s params.
KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # the message text
        "text.required": "The message is empty: write the text to send.",
        "text.invisible": "invisible or look-alike space characters that are not GSM",
        "text.control": "control characters in the text",
        "text.unencodable": "%(char)s at %(index)d cannot be sent as %(encoding)s.",
        "text.not_encodable": "The text cannot be sent as %(encoding)s.",
        "text.too_many_characters": (
            "The text has %(length)d characters; at most %(limit)d are allowed."
        ),
        "text.lone_surrogate": "Lone surrogate %(codepoint)s at %(index)d is not a character.",
        # parts
        "parts.out_of_range": (
            "The number of parts must be a whole number from 1 to %(cap)d, not %(value)s."
        ),
        # sender ("from")
        "sender.required": "The sender is required.",
        "sender.invalid_character": (
            "%(char)s at %(index)d is not allowed in a sender: use letters and digits only."
        ),
        # placeholders
        "template.placeholder_required": (
            "A %(channel)s must contain the %(placeholder)s placeholder."
        ),
        "template.unterminated": "The placeholder at %(index)d is not closed: add '}'.",
        "template.unexpected_character": (
            "%(char)s at %(index)d is not allowed in the placeholder that starts at %(start)d."
        ),
        "template.reserved_filter": (
            "%(placeholder)s at %(index)d is filled in by the server and takes no filters."
        ),
        "template.reserved_channel": (
            "%(placeholder)s at %(index)d is only filled in for %(channels)s messages."
        ),
        "template.missing_value": "No value for %(placeholder)s at %(index)d.",
        "template.filter_failed": "%(placeholder)s at %(index)d: %(detail)s",
        "template.split_placeholder": (
            "%(placeholder)s at %(index)d cannot be sent with split parts: its value does not fit "
            "in one SMS."
        ),
        "template.undeclared_length": "No maximum length declared for %(placeholder)s.",
        # recipients and addresses
        "recipient.required": "At least one recipient is required.",
        "recipient.invalid": (
            "%(value)s is not a phone number in international format with its country prefix "
            "(e.g. 34666555444)."
        ),
        # why a campaign's recipient is invalid (nrscompose.destinations)
        "recipient.too_short": "too short for an international number",
        "recipient.no_country_code": "no country code (international format needed)",
        "recipient.unknown_prefix": "no country uses this prefix",
        "recipient.not_valid": "not a valid number of its country",
        "recipient.no_region": "not a valid number of any region",
        "recipient.unparsable": "not a phone number in international format",
        "recipient.national_number": (
            "a national number without its country code: give the country with --default-country "
            "CC or --country-field COLUMN (default_country= or country_field= in Python)"
        ),
        "recipient.unknown_country": (
            "the country column holds no ISO 3166 alpha-2 code (such as ES)"
        ),
        "recipient.scientific_notation": (
            "a number written in scientific notation (3,46123E+10), its last digits lost: format "
            "the column as text and export again"
        ),
        "email.required": "At least one email address is required.",
        "email.invalid": "%(value)s is not an email address.",
        # dates
        "date.naive": "Naive datetime: give a timezone-aware datetime.",
        "date.format": "%(value)s is not a date in YYYYmmddHHiiss (UTC).",
        "date.invalid": "%(value)s is not a real date and time.",
        "date.past": "%(value)s is in the past.",
        "date.order": "The expiration date must be after the schedule date.",
        # availableTimes
        "available_times.not_array": "availableTimes must be an array of {day, from, to} objects.",
        "available_times.empty": "availableTimes is empty; omit it instead.",
        "available_times.not_object": "Each entry must be an object with from and to.",
        "available_times.missing_property": "Missing property '%(property)s'.",
        "available_times.day_not_integer": "The day must be an integer, not %(value)s.",
        "available_times.day_out_of_range": "The day must be 1-7 (Monday-Sunday), not %(value)s.",
        "available_times.hour_format": "%(value)s is not HH:MM (00:00-23:59).",
        "available_times.from_after_to": "From %(start)s is after to %(end)s.",
        "available_times.too_short": "%(start)s-%(end)s is shorter than %(minutes)d minutes.",
        "available_times.none_in_week": "The rules allow no time in the week of %(week)s.",
        # send windows and their rules, time zones, holidays; the bulk SMS provider's routes and
        # builders; template length ranges; fields the 360nrs reference requires under a
        # condition. The sentences keep the wording these refusals had as free text, so the
        # command line prints them unchanged.
        "date.not_datetime": "expected a datetime, got %(type)s",
        "window.time_out_of_range": (
            "%(value)s is too close to the ends of the calendar to decide a send window; give a "
            "time between years %(first_year)d and %(last_year)d"
        ),
        "window.unknown_day": "unknown day range %(value)s; use names like 'Mon-Fri'",
        "window.days_backwards": "day range %(value)s runs backwards",
        "window.clock_format": "%(value)s is not a time of day HH:MM (00:00-24:00)",
        "window.days_out_of_range": "days must be ISO weekdays 1-7, got %(days)s",
        "window.closes_before_opens": (
            "a window must open before it closes within one day, got %(opens)s-%(closes)s"
        ),
        "window.never_open": (
            "the rules never allow sending together within %(days)d days after %(after)s"
        ),
        "rule.no_name": "rule %(rule)s: a rule needs a name",
        "rule.no_windows": (
            "rule %(rule)s: a rule needs at least one window (a rule that never opens is an error)"
        ),
        "rule.no_source": "rule %(rule)s: a rule needs a source",
        "rule.country_format": "rule %(rule)s: country must be ISO 3166-1 alpha-2, got %(value)s",
        "rule.subdivision_without_country": "rule %(rule)s: a subdivision needs a country",
        "rule.unknown_categories": "rule %(rule)s: categories must be among %(known)s",
        "rule.unknown_channels": "rule %(rule)s: channels must be among %(known)s",
        "rule.unknown_confidence": "rule %(rule)s: confidence must be one of %(known)s",
        "rule.duplicate_names": "duplicate rule names: %(names)s",
        "rule.unknown_names": "no rules named %(names)s",
        "zone.not_a_zone": "give an IANA zone name or a ZoneInfo, got %(value)s",
        "zone.unknown": "unknown time zone %(zone)s",
        "zone.unknown_for_number": (
            "the time zone of this %(country)s number is unknown; pass zone="
        ),
        "holidays.no_calendar": (
            "the holidays package has no calendar for %(country)s/%(subdivision)s"
        ),
        "route.not_configured": (
            "no route configured for %(operation)s: the API reference gives no paths"
        ),
        "route.missing_value": "the %(operation)s route has %(placeholder)s but no value was given",
        "route.missing_placeholder": (
            "the %(operation)s route needs a %(placeholder)s placeholder for the value given"
        ),
        "messages.empty": "give at least one message",
        "id.not_positive_integer": "%(value)s is not a positive integer id",
        "changes.empty": "give the fields to send, by their API names",
        "contacts.empty": "give one or more contacts",
        "contacts.not_mapping": "a contact is a mapping of fields",
        "upload.no_csv": "give the CSV file's bytes",
        "template.unknown_alphabet": (
            "alphabet of %(name)s must be 'gsm' or 'unicode', not %(value)s"
        ),
        "template.min_length_range": (
            "%(placeholder)s: need 0 <= min %(minimum)s <= max %(maximum)s"
        ),
        "template.max_length_too_large": (
            "%(placeholder)s: a maximum length of %(maximum)s is over %(limit_text)s characters"
        ),
        "value.required_when_given": "is required when %(other)s is given",
        "value.required_when_either_given": "is required when %(first)s or %(second)s is given",
        "value.required_when_not_given": "is required when %(other)s is not given",
        "value.required_when_neither_given": (
            "is required when neither %(first)s nor %(second)s is given"
        ),
        # campaigns
        "campaign.name_empty": "The campaign name is empty.",
        "campaign.tags_need_name": "Tags require campaignName.",
        # field values
        "value.required": "This field is required.",
        "value.not_integer": "%(value)s is not an integer.",
        "value.out_of_range": "%(value)s is out of range; it must be between %(low)d and %(high)d.",
        "value.too_small": "%(value)s is out of range; it must be at least %(low)d.",
        "value.not_boolean": "%(value)s is not a boolean.",
        "value.not_text": "This field must be text.",
        "value.not_object": "This field must be an object.",
        "value.not_list": "This field must be a list.",
        "value.not_url": "%(value)s is not an http(s) URL.",
        "value.choice": "%(value)s is not one of %(choices)s.",
        "value.per_recipient": (
            "This field has %(count)d item(s) but there are %(recipients)d recipient(s); one is "
            "needed per recipient, in recipient order."
        ),
        "json.invalid": "Not valid JSON: %(detail)s",
        "json.not_object": "The JSON body must be an object.",
        # the campaign page of the demo: the uploaded file and the send time
        "upload.too_large": (
            "%(name)s is %(size)s; the page takes files up to %(limit)s (about %(rows)s rows "
            "of a CSV like the example): estimate it with nrscompose estimate on your "
            "computer, which has no limit."
        ),
        "send_time.not_iso": "%(value)s is not an ISO 8601 time such as 2026-11-29T14:00+01:00.",
        "send_time.no_offset": "%(value)s has no UTC offset: add one, e.g. %(example)s.",
        # the HTML report of estimate (--html OUT): the output file
        "output.is_folder": "%(path)s is a folder; give a file name.",
        "output.no_folder": "%(path)s: the folder %(folder)s does not exist.",
        "output.not_writable": "%(path)s: not writable.",
        "output.is_input": "%(path)s is an input of this run; give %(option)s another file name.",
        # path parameters and next links: no value may lead a request out of its endpoint
        "path.required": "The path parameter %(name)s is required.",
        "path.not_id": "%(value)s is not an id: give a positive whole number.",
        "path.not_message_id": "%(value)s is not a message id: give letters and digits only.",
        "path.not_phone": (
            "%(value)s is not a phone number in international format with its country prefix."
        ),
        "next.other_host": "%(host)s is not the host of these credentials (%(own)s).",
        "next.outside_api": "%(path)s leads outside the API (%(base)s).",
        # the last gaps to the 360nrs API reference: endpoint fields, GUIDs, contacts
        "value.unknown_field": "%(name)s is not a field of this endpoint; it takes: %(allowed)s.",
        "guid.invalid": "%(value)s is not a GUID: give a whole number or a list of them.",
        "value.not_country": "%(value)s is not a two-letter ISO 3166 country code (e.g. ES).",
        "value.not_iso_date": (
            "%(value)s is not an ISO 8601 date (e.g. 2024-05-31 or 2024-05-31T10:00:00+02:00)."
        ),
        "value.not_decimal": "%(value)s is not a decimal number (e.g. 12.50).",
        # mail bodies: the link patterns of the 360nrs HTML templates
        "mail.link_id": "%(pattern)s at %(index)d: the id of a form or an attachment is a number.",
        "mail.unknown_link": (
            "%(pattern)s at %(index)d is not a link pattern: use [unsubscribe_link], "
            "[show_link], [form_ID] or [attachment_ID]."
        ),
        # the 360nrs request builders' own refusals (attachments, voice callers, WhatsApp fields,
        # OTP recipients, query filters, campaigns, the shortener, images, coverage) and the
        # email-contacts builders'. The sentences keep the wording these refusals had as free
        # text, so the command line prints them unchanged.
        "value.required_either": "give %(first)s or %(second)s",
        "value.required_one_of_three": "give %(first)s, %(second)s or %(third)s",
        "value.only_with": "is only available with %(other)s",
        "value.not_string_list": "must be a list of strings",
        "attachment.incomplete": "needs name, content (base64), contentType",
        "attachment.content_not_encoded": "is not base64",
        "callers.not_mapping": 'must map country codes to callers, e.g. {"ES": "6123456789"}',
        "callers.not_country": "is not a two-letter country code",
        "callers.not_phone": "%(value)s is not a phone number",
        "voice.female_only": "%(language)s is available only with a female voice",
        "location.incomplete": "needs lat and long",
        "recipient.not_phone_or_email": "%(value)s must be a valid phone or email",
        "filter.no_values": "give one or more of %(choices)s",
        "filter.unknown_values": "%(values)s: use %(choices)s",
        "campaigns.unknown_channel": "%(value)s is not one of %(choices)s",
        "shortener.no_urls": "give a list of one or more URLs",
        "image.unknown_extension": "%(value)s is not jpg or png",
        "images.empty": "give at least one image",
        "coverage.unknown_by": "use 'network' or 'country'",
        "attribute.not_upper_case": "attribute names are upper-case",
        "import.not_http_url": "must be an http(s) URL (no local file)",
        "import.too_large": "is over %(limit_mb)d MB; import it with fileUrl",
        # hostile input: workbooks, input files, request --set, price files
        "workbook.too_sparse": (
            "%(file)s: the sheet's cells span %(extent)s, %(span)d cells for the %(cells)d it "
            "holds; at most %(limit)d are read: delete the stray cells or save the sheet as "
            "CSV."
        ),
        "workbook.beyond_last_cell": (
            "%(file)s: %(part)s names row %(row)d, column %(column)d, beyond Excel's last "
            "cell XFD1048576."
        ),
        "workbook.text_too_long": (
            "%(file)s: a text in %(part)s has more than %(limit)d characters, the most an "
            "Excel cell holds."
        ),
        "workbook.too_many_strings": (
            "%(file)s: the workbook holds more than %(limit)d shared strings for a sheet of "
            "%(cells)d text cells."
        ),
        "workbook.too_much_text": (
            "%(file)s: the workbook's shared strings hold more than %(limit)d characters: "
            "save the sheet as CSV."
        ),
        "workbook.declares_entities": (
            "%(file)s: %(part)s declares a DTD or entities, which no workbook needs; it is "
            "not read."
        ),
        "workbook.malformed": "%(file)s: %(part)s is not a well-formed workbook part (%(detail)s).",
        "workbook.missing_string": (
            "%(file)s: cell %(cell)s refers to shared string %(index)d, but the workbook has "
            "%(count)d."
        ),
        "workbook.part_too_large": (
            "%(file)s: %(part)s unpacks to %(size)d bytes; at most %(limit)d are read."
        ),
        "input.too_large": "%(file)s is larger than %(limit)d bytes, the most read as %(what)s.",
        "request.set_shape": "--set %(name)s: expected %(expected)s, not %(value)s.",
        "prices.unknown_currency": (
            "Row %(row)d (%(country)s): %(value)s is not an ISO 4217 currency code."
        ),
        # a value the library refuses for a reason only its detail names (not translated)
        # the command line's own options (--var, --set, --max-length, --values, file patterns)
        "values.not_object": "%(file)s: expected a JSON object.",
        "option.not_a_pair": "%(value)s: use %(usage)s.",
        "template.unknown_name": "%(name)s is not a placeholder of the template.",
        "file.no_match": "No file matches %(pattern)s.",
        "request.set_not_bool": "%(name)s: %(value)s is not true or false",
        "request.set_not_integer": "%(name)s: %(value)s is not a whole number",
        "request.set_not_json": "%(name)s: not valid JSON",
        "request.set_too_deep": "%(name)s: nested too deeply",
        "request.needs": "this request also needs %(options)s",
        "request.unknown_field": "%(name)s is not a field of this request; it takes: %(allowed)s",
        "request.no_message": "give --message TEXT (or @FILE)",
        # country content rules (the 360nrs API reference, "Sending Restrictions by Country")
        "content.opt_out_missing": (
            "A marketing SMS to %(country)s must end with the opt-out instruction STOP au "
            "followed by the short code (or the stand-in [STOP_CODE])."
        ),
        "content.public_shortener": (
            "%(domain)s at %(index)d is a public URL shortener, not permitted in marketing SMS "
            "to %(country)s: use the 360nrs shortener (nrs.so) or a custom domain."
        ),
        "content.opt_in_required": (
            "Marketing messages to %(country)s need the recipient's express consent (opt-in) "
            "first; this cannot be checked here."
        ),
        "content.prohibited_topics": (
            "Marketing messages to %(country)s must not be about: %(topics)s."
        ),
        "content.age_verification": (
            "Marketing messages to %(country)s with %(topics)s content need the recipient's age "
            "verified first."
        ),
        "content.sender_name_room": (
            "The 360nrs platform may add the sender's name to the beginning of messages to "
            "%(country)s: with it (%(prefix_units)d units) %(remaining)d units remain in the last "
            "part."
        ),
        "content.sender_name_extra_part": (
            "The 360nrs platform may add the sender's name to the beginning of messages to "
            "%(country)s: with it (%(prefix_units)d units) the message needs %(parts_with_name)d "
            "parts instead of %(parts)d."
        ),
        # campaign files: reading them, their header, numbers and prices
        "file.not_found": "%(where)s: no such recipients file.",
        "file.option_not_found": "%(where)s: no such file (given with %(option)s).",
        "file.is_folder": "%(where)s is a folder, not a file.",
        "file.not_regular": "%(where)s is not a regular file (a pipe?); save it to a file first.",
        "file.empty": "%(where)s: the file is empty; expected a header line such as phone,name.",
        "file.blank_header": (
            "%(where)s: the header line is blank; expected a header such as phone,name."
        ),
        "file.header_unclosed_quote": "%(where)s: a quote in the header is never closed.",
        "file.unclosed_quote": (
            "%(where)s: a quote opened here is never closed, so every following line would be "
            'part of one field; close it, or double a quote that is part of the value ("").'
        ),
        "file.field_too_long": (
            "%(where)s: a field is longer than %(limit)s characters; a quote left open is the "
            "usual cause."
        ),
        "file.not_csv": "%(where)s: not readable as CSV (%(detail)s).",
        "file.wrong_encoding": (
            "%(where)s: byte %(byte)s is not %(encoding)s; the file looks like %(detected)s: "
            "try --encoding %(codec)s (encoding='%(codec)s' in Python)."
        ),
        "file.unknown_encoding": (
            "%(where)s: byte %(byte)s is not %(encoding)s, and no usual encoding reads the file "
            "plausibly; give the file's encoding with --encoding."
        ),
        "file.no_byte_order_mark": (
            "%(where)s: the file holds NUL bytes: it looks like %(detected)s; try --encoding "
            "%(codec)s (encoding='%(codec)s' in Python)."
        ),
        "file.utf_read_as_legacy": (
            "%(where)s: the file is UTF-8 with accented letters; read as %(encoding)s they would "
            "be garbled (é as Ã©): leave out --encoding."
        ),
        "file.encoding_doubt": (
            "%(where)s: read as %(encoding)s, the text looks garbled (%(sample)s); the file looks "
            "like %(detected)s: check it, or use --encoding %(codec)s."
        ),
        "file.unknown_encoding_name": (
            "%(value)s is not an encoding; e.g. utf-8, cp1252, mac_roman."
        ),
        "file.not_text_encoding": (
            "%(value)s is not a text encoding a file is saved in; e.g. utf-8, cp1252, mac_roman."
        ),
        "file.no_header_row": "%(where)s: the file has no such line for the header.",
        "file.duplicate_column": (
            "Two columns are named %(column)s in the header of the file; rename one of them."
        ),
        "file.unreadable_workbook": "%(where)s: not a readable workbook (%(detail)s).",
        "file.no_sheets": "%(where)s: the workbook has no sheet.",
        "file.no_such_sheet": "%(where)s: no sheet %(sheet)s (sheets: %(sheets)s).",
        "file.empty_sheet": "%(where)s: sheet %(sheet)s is empty; expected a header.",
        "file.sheet_without_phone": (
            "%(where)s: sheet %(sheet)s has no phone column in its first %(rows)d rows; these "
            "sheets have one: %(sheets)s; choose one with --sheet (sheet= in Python)."
        ),
        "file.phone_columns_tied": (
            "columns %(columns)s could both hold the phone numbers; choose one with "
            "--phone-field NAME (phone_field= in Python)."
        ),
        "file.no_phone_column": (
            "no column holds phone numbers (columns: %(columns)s); name it with --phone-field "
            "NAME (phone_field= in Python), or call it phone, mobile, msisdn, teléfono, móvil, "
            "celular, telemóvel or portable."
        ),
        "campaign.unknown_country": (
            "%(value)s is not a country: give an ISO 3166 alpha-2 code such as ES."
        ),
        "campaign.no_country_column": (
            "No column %(column)s for the countries in the file (columns: %(columns)s)."
        ),
        "prices.not_rows": 'The price list must be coverage data: {"data": [rows]}.',
        "prices.missing_field": "Price row %(row)d has no %(field)s.",
        "prices.cost_not_number": (
            "Price row %(row)d (%(country)s): the cost %(value)s is not a number; write it with "
            "a dot as the decimal mark, e.g. 0.039."
        ),
        "prices.cost_out_of_range": (
            "Price row %(row)d (%(country)s): the cost %(value)s must be a finite number, 0 or "
            "more."
        ),
        "date.not_iso": "%(value)s is not an ISO 8601 time such as 2026-11-29T14:00+01:00.",
        "date.no_offset": "%(value)s has no UTC offset: add one, e.g. %(example)s.",
        "template.unknown_value": (
            "%(name)s is not a placeholder of the template; did you mean %(suggestion)s?"
        ),
        "recipient.duplicate": (
            "%(value)s is the same number as %(first)s: the message would be sent, and billed, "
            "twice."
        ),
        "demo.port_in_use": (
            "Port %(port)d on 127.0.0.1 is in use: choose another with --port, or leave it out "
            "for any free port."
        ),
    }
)

# kinds whose sentence depends on a number: kind -> ((singular, plural), the param counted)
PLURAL_KINDS: Final[Mapping[str, tuple[tuple[str, str], str]]] = MappingProxyType(
    {
        "text.too_long": (
            (
                "The message needs %(needed)d parts but only %(limit)d part is allowed.",
                "The message needs %(needed)d parts but at most %(limit)d parts are allowed.",
            ),
            "limit",
        ),
        "text.crlf": (
            (
                (
                    "%(count)d CRLF line break: it counts as 2 units (a web form submits every "
                    "line break as CRLF)"
                ),
                (
                    "%(count)d CRLF line breaks: each counts as 2 units (a web form submits "
                    "every line break as CRLF)"
                ),
            ),
            "count",
        ),
        "text.cheaper_encoding": (
            (
                (
                    "%(encoding)s would need %(parts)d part instead of %(current)d; opt in with "
                    "encoding='%(encoding)s' or encoding='cheapest'"
                ),
                (
                    "%(encoding)s would need %(parts)d parts instead of %(current)d; opt in with "
                    "encoding='%(encoding)s' or encoding='cheapest'"
                ),
            ),
            "parts",
        ),
    }
)

# kinds whose sentence depends on a flag: kind -> (the param, {its value: msgid})
VARIANT_KINDS: Final[Mapping[str, tuple[str, Mapping[object, str]]]] = MappingProxyType(
    {
        "sender.too_long": (
            "numeric",
            {
                True: "The sender has %(length)d digits; at most %(limit)d are allowed.",
                False: (
                    "The sender has %(length)d characters; at most %(limit)d letters and digits "
                    "are allowed."
                ),
            },
        ),
        # a campaign file: a placeholder filled from values that no column holds
        "template.no_column": (
            "suggested",
            {
                True: (
                    "%(placeholder)s at %(index)d has no column in the file (columns: "
                    "%(columns)s); did you mean %(suggestion)s?"
                ),
                False: (
                    "%(placeholder)s at %(index)d has no column in the file (columns: %(columns)s)."
                ),
            },
        ),
        # an unknown filter, with the known filter it is closest to
        "template.unknown_filter": (
            "suggested",
            {
                True: (
                    "Unknown filter '%(name)s' at %(index)d; did you mean '%(suggestion)s'? "
                    "Known filters: %(known)s."
                ),
                False: "Unknown filter '%(name)s' at %(index)d. Known filters: %(known)s.",
            },
        ),
        # a phone column named that the file lacks, with the closest column
        "file.no_such_phone_column": (
            "suggested",
            {
                True: (
                    "no column %(column)s in the file (columns: %(columns)s); did you mean "
                    "%(suggestion)s?"
                ),
                False: "no column %(column)s in the file (columns: %(columns)s).",
            },
        ),
        # a forced encoding that made control characters of the file's bytes
        "file.control_characters": (
            "known",
            {
                True: (
                    "%(where)s: read as %(encoding)s, the file holds control characters that no "
                    "text has (%(found)s); it looks like %(detected)s: try --encoding %(codec)s."
                ),
                False: (
                    "%(where)s: read as %(encoding)s, the file holds control characters that no "
                    "text has (%(found)s); give the file's encoding with --encoding."
                ),
            },
        ),
        # a warning, not an error: the character that chose a costlier encoding
        "text.not_gsm": (
            "portuguese",
            {
                True: (
                    "%(char)s at %(index)d is not in the GSM default alphabet, only in the "
                    "Portuguese GSM tables."
                ),
                False: (
                    "%(char)s at %(index)d is not a GSM character, so the whole message is "
                    "sent as UTF-16, which holds fewer characters per part."
                ),
            },
        ),
    }
)


# How much a problem weighs, where it is not an error (what the server or the provider's rules
# refuse): a "warning" is accepted but costs more or may change the message; a "notice" is a
# duty the library cannot check (consent, topics). Every kind not listed is an "error".
SEVERITIES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "text.not_gsm": "warning",
        # what an analysis notices: accepted, but costlier or not what was meant
        "text.crlf": "warning",
        "text.invisible": "warning",
        "text.control": "warning",
        "text.cheaper_encoding": "warning",
        # country content rules
        "content.sender_name_extra_part": "warning",
        "content.sender_name_room": "notice",
        "content.opt_in_required": "notice",
        "content.prohibited_topics": "notice",
        "content.age_verification": "notice",
    }
)


def severity(kind: str) -> str:
    """``"error"``, ``"warning"`` or ``"notice"``: how much a problem of ``kind`` weighs."""
    return SEVERITIES.get(kind, "error")


def render(kind: str, params: Mapping[str, object], locale: str = "en") -> str:
    """The sentence for ``kind`` with ``params``, in ``locale`` (English when untranslated)."""
    from nrscompose._base.messages import translator

    translations = translator(locale)
    if kind in PLURAL_KINDS:
        (singular, plural), counted = PLURAL_KINDS[kind]
        count = params.get(counted, 1)
        template = translations.ngettext(singular, plural, count if isinstance(count, int) else 1)
    elif kind in VARIANT_KINDS:
        flag, variants = VARIANT_KINDS[kind]
        template = translations.gettext(variants[bool(params.get(flag))])
    else:
        template = translations.gettext(KINDS[kind])
    return template % params


# What a campaign row adds to a problem that carries the provider's error code.
API_REFUSAL: Final = "The API would refuse it (error %(code)d)."


def refusal(problem: Problem, locale: str = "en") -> str:
    """``problem``'s sentence in ``locale``, saying that the API would refuse it when it carries
    the provider's error code."""
    sentence = problem.render(locale)
    if problem.code is None:
        return sentence
    from nrscompose._base.messages import translator

    return f"{sentence} {translator(locale).gettext(API_REFUSAL) % {'code': problem.code}}"


def known_kind(kind: str) -> bool:
    return kind in KINDS or kind in PLURAL_KINDS or kind in VARIANT_KINDS


_PARAM_NAME = r"%\((\w+)\)"
_NEEDED: dict[str, frozenset[str]] = {}


def needed_params(kind: str) -> frozenset[str]:
    """The params every sentence of ``kind`` names (so rendering cannot fail on a missing one)."""
    needed = _NEEDED.get(kind)
    if needed is None:
        import re  # the stdlib module: only when a kind is first used

        if kind in PLURAL_KINDS:
            sentences: tuple[str, ...] = PLURAL_KINDS[kind][0]
        elif kind in VARIANT_KINDS:
            sentences = tuple(VARIANT_KINDS[kind][1].values())
        else:
            sentences = (KINDS[kind],)
        names = [frozenset(re.findall(_PARAM_NAME, sentence)) for sentence in sentences]
        needed = _NEEDED[kind] = frozenset.intersection(*names)
    return needed


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the caller's input.

    ``kind`` says what (one of :data:`KINDS`), ``field`` the request field (``"message"``,
    ``"to"``, ``"sub[2]"``…), ``span`` the ``(start, end)`` indices of the offending characters
    in the field's text when the problem is in text, ``params`` the values the sentence names.
    ``code`` is the provider's error code, attached by a provider from its kind → code table
    (``None`` from the provider-neutral core).
    """

    kind: str
    field: str
    span: tuple[int, int] | None = None
    params: Mapping[str, object] = dataclass_field(default_factory=lambda: _NO_PARAMS)
    code: int | None = dataclass_field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not known_kind(self.kind):
            raise ArgumentError(f"unknown problem kind {self.kind!r}")
        params = self.params if self.params is not None else _NO_PARAMS
        missing = needed_params(self.kind).difference(params)
        if missing:
            names = ", ".join(sorted(missing))
            raise ArgumentError(f"a {self.kind!r} problem needs the params: {names}")
        if not isinstance(params, MappingProxyType):
            params = MappingProxyType(dict(params))
        object.__setattr__(self, "params", params)

    def __hash__(self) -> int:
        return hash((self.kind, self.field, self.span, tuple(sorted(self.params)), self.code))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.kind, self.field, self.span, dict(self.params), self.code) == (
            other.kind, other.field, other.span, dict(other.params), other.code
        )  # fmt: skip

    @property
    def message(self) -> str:
        """The sentence a person reads, in English (:meth:`render` for another locale)."""
        return render(self.kind, self.params)

    def render(self, locale: str = "en") -> str:
        return render(self.kind, self.params, locale)

    @property
    def severity(self) -> str:
        """``"error"`` (refused), ``"warning"`` (accepted, but costlier or changed) or
        ``"notice"`` (a duty the library cannot check); see :data:`SEVERITIES`."""
        return severity(self.kind)

    @property
    def start(self) -> int | None:
        return self.span[0] if self.span is not None else None

    @property
    def end(self) -> int | None:
        return self.span[1] if self.span is not None else None

    def __reduce__(self) -> tuple[object, ...]:
        # a value that crosses processes (the estimate's workers): its params as a plain dict
        return (_rebuilt, (self.kind, self.field, self.span, dict(self.params), self.code))

    def with_code(self, code: int | None) -> Problem:
        """This problem with a provider's error ``code``."""
        return replace(self, code=code)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "field": self.field,
            "code": self.code,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }

    def describe(self, locale: str = "en") -> str:
        """The problem as one line, ``[code] field: sentence``, the sentence in ``locale``
        (``str(problem)`` is the English line)."""
        prefix = f"[{self.code}] " if self.code is not None else ""
        return f"{prefix}{self.field}: {self.render(locale)}"

    def __str__(self) -> str:
        return self.describe()


def _rebuilt(
    kind: str,
    field: str,
    span: tuple[int, int] | None,
    params: Mapping[str, object],
    code: int | None,
) -> Problem:
    return Problem(kind, field, span, params, code=code)


_ONE_OF_KINDS: Final[Mapping[int, str]] = MappingProxyType(
    {2: "value.required_either", 3: "value.required_one_of_three"}
)


def required_one_of(field: str, names: Sequence[str]) -> Problem:
    """None of ``names`` (two or three field names, in the order the sentence gives them) was
    given; reported at ``field``, with ``first``, ``second`` (``third``) and ``fields``."""
    kind = _ONE_OF_KINDS.get(len(names))
    if kind is None:
        raise ArgumentError(f"required_one_of takes two or three names, not {len(names)}")
    params: dict[str, object] = dict(zip(("first", "second", "third"), names, strict=False))
    params["fields"] = tuple(names)
    return Problem(kind, field, None, params)
