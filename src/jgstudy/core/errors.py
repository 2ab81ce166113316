"""Errors the core raises that callers outside it (gui, cli) catch by name."""

from __future__ import annotations


class InputError(Exception):
    """Something from outside (a bank, a spreadsheet, a material, a scores file) is wrong; the
    message says where. Nothing is wrong with the program, so no traceback is logged for it."""


class DatabaseTooNew(Exception):
    """The database was written by a newer jgstudy than this one."""


class AccessError(Exception):
    """A request about roles the shared database cannot carry out; the message is for IT staff."""


class EnvironmentProblem(Exception):
    """An environment failure jgstudy found itself (a read-only database file, a folder it cannot
    write); the message is one plain Chinese sentence (see :mod:`jgstudy.core.environment`)."""
