"""Use cases: each public function is one transaction and one permission check.

They take and return plain dataclasses, never ORM rows, so the GUI and the CLI cannot reach past
them into the store, and both obey the same rules.
"""
