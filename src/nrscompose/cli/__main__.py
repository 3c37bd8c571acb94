import sys

from nrscompose.cli import main

sys.exit(main())
