"""Study defaults, in a module light enough for the GUI to read before the core is loaded."""

DEFAULT_NEW_PER_DAY = 20
DEFAULT_RETENTION = 0.9
