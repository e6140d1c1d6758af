"""The data package: read ``data/*.yaml``, check it against the schema, export the engine's rules.

One loader for everyone who reads ``data/``: the site build (:mod:`kb`), the CLI
(``python -m calculator``, through :func:`kzdata.export.rules_dict`), the tests and the benchmarks.
Needs PyYAML, so it runs on the host only; the engine (:mod:`calculator`) never imports it, except
``calculator/cli/main.py``, which is the host-side front end.
"""
