# The public path of nrscompose._composition.jinja: written by tools/write_fronts.py
from nrscompose._composition import jinja as _implementation
from nrscompose._composition.jinja import (
    MAX_NUMBER_BITS as MAX_NUMBER_BITS,
)
from nrscompose._composition.jinja import (
    MAX_OUTPUT as MAX_OUTPUT,
)
from nrscompose._composition.jinja import (
    MAX_STEPS as MAX_STEPS,
)
from nrscompose._composition.jinja import (
    TemplateLimitError as TemplateLimitError,
)
from nrscompose._composition.jinja import (
    install_filters as install_filters,
)
from nrscompose._composition.jinja import (
    sandboxed_environment as sandboxed_environment,
)

__doc__ = _implementation.__doc__
__all__ = [
    "MAX_NUMBER_BITS",
    "MAX_OUTPUT",
    "MAX_STEPS",
    "TemplateLimitError",
    "install_filters",
    "sandboxed_environment",
]
