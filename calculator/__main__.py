"""Entry point for ``python -m calculator``."""

import os
import sys

from calculator.cli.main import main

try:
    sys.exit(main())
except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)
