"""Exports of answers in other formats: the iCalendar (.ics) file."""
