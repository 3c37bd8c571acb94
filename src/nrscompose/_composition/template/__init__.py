"""``{name|filter}`` templates: parse once, render per recipient, count before values exist.

Grammar (API reference, "Substitution variables" and "Custom fields filters"): a placeholder is
``{`` + name + zero or more ``|filter`` + ``}``. A name starts with a Unicode letter, digit or
``_`` and continues with those, ``-`` or ``.`` (custom-field keys such as ``company``,
``form_name``, ``my_string_custom_field``). Any other brace is text, so JSON-looking text and
``{ spaced }`` braces pass through. Once ``{name|`` has been read the text is committed to be a
placeholder: an unknown filter, a bad character or a missing ``}`` is an error at parse time,
with its index. ``{name`` at the very end of the text is unterminated too.

Reserved placeholders are filled by the server, never from values: ``{OTP_CODE}`` (length from
``otpConfig``) and ``{LAND_URL}`` (Landing SMS only, where it is required). They are
modelled as data in :data:`SERVER_FILLED` (a declared length), so :meth:`Template.render`
leaves them in the text it sends and :meth:`Template.preview` puts a stand-in of that length
where the server will.

Rendering is a join over literals and slots built at parse time; no regex runs per recipient.

The package has one job per module: :mod:`~nrscompose.template.parse` (the grammar),
:mod:`~nrscompose.template.render` (:class:`Template`, :func:`render_all`, a campaign's row
renderer), :mod:`~nrscompose.template.split_parts` (:func:`split_sms`) and
:mod:`~nrscompose.template.ranges` (:func:`analyze_template`).
"""

from __future__ import annotations

from nrscompose._composition.template.parse import Alphabet, OtpConfig, Placeholder, Value
from nrscompose._composition.template.ranges import Case, TemplateRange, analyze_template
from nrscompose._composition.template.render import Template, render_all
from nrscompose._composition.template.split_parts import split_count, split_sms
from nrscompose._rules.message_rules import SERVER_FILLED, ServerFilled

__all__ = [
    "SERVER_FILLED",
    "Alphabet",
    "Case",
    "OtpConfig",
    "Placeholder",
    "ServerFilled",
    "Template",
    "TemplateRange",
    "Value",
    "analyze_template",
    "render_all",
    "split_count",
    "split_sms",
]
