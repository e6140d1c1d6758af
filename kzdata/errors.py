"""The one error type for bad data files."""

from __future__ import annotations


class DataError(Exception):
    """A problem in ``data/``, worded for a content editor: file, entry id, field, what is wrong.

    Example: ``data/steps.yaml: step 'egov_application': 'verified' is not a date``.
    """
