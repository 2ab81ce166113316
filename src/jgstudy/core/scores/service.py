"""ScoreService: score files between desktops — export one cadre, merge files into this database."""

from __future__ import annotations

from pathlib import Path

from jgstudy.core.context import Context
from jgstudy.core.scores.export import export_scores
from jgstudy.core.scores.fileformat import ScoresFile, dump
from jgstudy.core.scores.merge import MergeResult, merge_file


class ScoreService:
    """Export and merge portable score files (see :mod:`jgstudy.core.scores`)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def export(self, name: str, path: Path) -> ScoresFile:
        """Write everything about the cadre ``name`` to ``path`` (.json or .json.gz).

        Raises:
            UnknownUser: when there is no such cadre.
        """
        with self._ctx.engine.connect() as conn:
            scores = export_scores(conn, name, self._ctx.now())
        dump(scores, path)
        return scores

    def merge(self, path: Path) -> MergeResult:
        """Validate the score file at ``path`` completely, then merge it (see merge_file).

        Raises:
            ScoresFileError: when the file cannot be read or is not a score file.
        """
        return merge_file(self._ctx.engine, path, self._ctx.now())
