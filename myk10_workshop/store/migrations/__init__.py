"""Alembic migrations of the store (the schema ladder)."""
