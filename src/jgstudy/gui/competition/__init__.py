"""竞赛 in the GUI: match setup, the host's panel, the big screen, buzzers, sounds, solo drills."""

from jgstudy.gui.competition.drill import DrillDialog
from jgstudy.gui.competition.page import CompetitionPage
from jgstudy.gui.competition.panel import HostPanel
from jgstudy.gui.competition.scoreboard import Scoreboard
from jgstudy.gui.competition.setup import MatchSetupDialog

__all__ = ["CompetitionPage", "DrillDialog", "HostPanel", "MatchSetupDialog", "Scoreboard"]
