"""Site-build code: MkDocs macros and hooks that render the guide and ship the calculator.

Runs on the host only. Reading and validating ``data/`` lives in :mod:`kzdata`, which the CLI uses
too; the calculator engine imports neither package.
"""
