"""The seed's rules as plain Python: no Qt, no SQL, nothing else of ours.

Every check returns a :class:`~kaccount_desk.domain.reasons.Verdict` rather than raising, so the
intake form, the roster import and the CLI can all show the same words to a clerk.
"""
