"""The rule book: the facts of ``rules.json`` (built from ``data/``) looked up by id, and custom rules
typed on the command line or in the page."""
