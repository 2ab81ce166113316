"""Scores that travel: export one cadre's history to a file, merge files into another database."""

from jgstudy.core.scores.export import UnknownUser, export_scores
from jgstudy.core.scores.fileformat import ScoresFile, ScoresFileError, dump, load
from jgstudy.core.scores.merge import MergeResult, merge_file, merge_scores

__all__ = [
    "MergeResult",
    "ScoresFile",
    "ScoresFileError",
    "UnknownUser",
    "dump",
    "export_scores",
    "load",
    "merge_file",
    "merge_scores",
]
