# The public path of nrscompose._composition.template: written by tools/write_fronts.py
from nrscompose._composition import template as _implementation
from nrscompose._composition.template import (
    SERVER_FILLED as SERVER_FILLED,
)
from nrscompose._composition.template import (
    Alphabet as Alphabet,
)
from nrscompose._composition.template import (
    Case as Case,
)
from nrscompose._composition.template import (
    OtpConfig as OtpConfig,
)
from nrscompose._composition.template import (
    Placeholder as Placeholder,
)
from nrscompose._composition.template import (
    ServerFilled as ServerFilled,
)
from nrscompose._composition.template import (
    Template as Template,
)
from nrscompose._composition.template import (
    TemplateRange as TemplateRange,
)
from nrscompose._composition.template import (
    Value as Value,
)
from nrscompose._composition.template import (
    analyze_template as analyze_template,
)
from nrscompose._composition.template import (
    render_all as render_all,
)
from nrscompose._composition.template import (
    split_count as split_count,
)
from nrscompose._composition.template import (
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
