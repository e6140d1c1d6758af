"""The command line (``python -m calculator``): the host's front end, which reads ``data/`` through
:mod:`kzdata`. The browser's wheel leaves this folder out."""
