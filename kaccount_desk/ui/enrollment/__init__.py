"""Enrollment intake: the application form, its ID-copy slots and the number-pool browser."""
