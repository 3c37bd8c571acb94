# The public path of nrscompose._composition.template: written by tools/write_fronts.py
from nrscompose._composition import template as _implementation
from nrscompose._composition.template import (
    SERVER_FILLED,
    Alphabet,
    Case,
    OtpConfig,
    Placeholder,
    ServerFilled,
    Template,
    TemplateRange,
    Value,
    analyze_template,
    render_all,
    split_count,
    split_sms,
)

__doc__ = _implementation.__doc__
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
