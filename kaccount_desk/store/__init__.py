"""Storage: SQLAlchemy models, the engine with its pragmas, Alembic migrations and list queries.

Knows the domain's vocabulary (statuses, roles) but nothing of services, UI or CLI.
"""
