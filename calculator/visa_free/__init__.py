"""Visa-free day counting: status on a date, the longest stay from an entry, the earliest next entry."""
