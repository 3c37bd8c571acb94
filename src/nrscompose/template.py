# The public path of nrscompose._composition.template: written by tools/write_fronts.py
from nrscompose._composition import template as _implementation
from nrscompose._composition.template import (
    SERVER_FILLED as SERVER_FILLED,
    Alphabet as Alphabet,
    Case as Case,
    OtpConfig as OtpConfig,
    Placeholder as Placeholder,
    ServerFilled as ServerFilled,
    Template as Template,
    TemplateRange as TemplateRange,
    Value as Value,
    analyze_template as analyze_template,
    render_all as render_all,
    split_count as split_count,
    split_sms as split_sms,
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
