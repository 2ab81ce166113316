"""The CLI's one error type, in a module of its own so the entry point can catch it without
importing the commands (and with them the core)."""


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""
