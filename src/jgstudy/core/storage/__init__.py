"""Persistence: SQLAlchemy 2 typed tables, engine set-up and migrations, repositories.

ORM rows never leave this package; callers get plain dataclasses.
"""
