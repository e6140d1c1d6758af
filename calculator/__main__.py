"""Entry point for ``python -m calculator``."""

import sys

from calculator.cli.main import main
from calculator.cli.output import prepare, write_failed

prepare()
try:
    try:
        status: int | str | None = main()
    except SystemExit as done:  # argparse after --help or an error it printed
        status = done.code
    sys.stdout.flush()  # a full disk shows here, not in the flush at exit
except OSError as error:  # stdout cannot be written (/dev/full, a closed pipe)
    status = write_failed(error)
sys.exit(status)
