"""``python -m nrscompose``: the command line."""

import sys

from nrscompose.cli import main

sys.exit(main())
