# The public path of nrscompose._rules.windows: written by tools/write_fronts.py
from nrscompose._rules import windows as _implementation
from nrscompose._rules.windows import (
    DEFAULT_RULES as DEFAULT_RULES,
)
from nrscompose._rules.windows import (
    AvailableTime as AvailableTime,
)
from nrscompose._rules.windows import (
    Category as Category,
)
from nrscompose._rules.windows import (
    Channel as Channel,
)
from nrscompose._rules.windows import (
    Confidence as Confidence,
)
from nrscompose._rules.windows import (
    Decision as Decision,
)
from nrscompose._rules.windows import (
    Rule as Rule,
)
from nrscompose._rules.windows import (
    RuleSet as RuleSet,
)
from nrscompose._rules.windows import (
    Schedule as Schedule,
)
from nrscompose._rules.windows import (
    Window as Window,
)
from nrscompose._rules.windows import (
    available_times as available_times,
)
from nrscompose._rules.windows import (
    available_times_problems as available_times_problems,
)
from nrscompose._rules.windows import (
    check as check,
)
from nrscompose._rules.windows import (
    format_api_date as format_api_date,
)
from nrscompose._rules.windows import (
    parse_api_date as parse_api_date,
)
from nrscompose._rules.windows import (
    place_keys as place_keys,
)
from nrscompose._rules.windows import (
    require_decidable as require_decidable,
)
from nrscompose._rules.windows import (
    schedule as schedule,
)
from nrscompose._rules.windows import (
    validate_available_times as validate_available_times,
)
from nrscompose._rules.windows import (
    windows_to_available_times as windows_to_available_times,
)

__doc__ = _implementation.__doc__
__all__ = [
    "DEFAULT_RULES",
    "AvailableTime",
    "Category",
    "Channel",
    "Confidence",
    "Decision",
    "Rule",
    "RuleSet",
    "Schedule",
    "Window",
    "available_times",
    "available_times_problems",
    "check",
    "format_api_date",
    "parse_api_date",
    "place_keys",
    "require_decidable",
    "schedule",
    "validate_available_times",
    "windows_to_available_times",
]
