"""The personal plan (/plan/, ``python -m calculator route``): from a few answers, which routes are
open to this person, which of the guide's steps and documents are theirs, and by which dates.

questions ─► conditions (who the person is) ─► routes (eligible, open), steps, documents ─► plan.
"""
