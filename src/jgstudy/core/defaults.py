"""Study defaults, in a module light enough for the GUI to read before the core is loaded."""

DEFAULT_NEW_PER_DAY = 20
DEFAULT_RETENTION = 0.9
DEFAULT_DAY_STARTS = 4  # hour a study day begins, as in Anki: late evenings count as the day before
