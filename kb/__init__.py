"""Site-build code: load and validate ``data/``, export the calculator's rule data, MkDocs macros and hooks.

Runs on the host only (it needs PyYAML); the calculator engine never imports it, except the CLI,
which reads the same YAML through :func:`kb.export.rules_dict`.
"""
