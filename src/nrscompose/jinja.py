# The public path of nrscompose._composition.jinja: written by tools/write_fronts.py
from nrscompose._composition import jinja as _implementation
from nrscompose._composition.jinja import (
    MAX_NUMBER_BITS,
    MAX_OUTPUT,
    MAX_STEPS,
    TemplateLimitError,
    install_filters,
    sandboxed_environment,
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
