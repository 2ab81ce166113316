"""Draft candidate questions from new material (speeches, reports, policy documents).

The drafts are proposals for a trainer to review, not a finished bank: each is marked
``status: draft`` and cites the verbatim clause of the material it was made from. One candidate
is drafted per fact, in one of its forms; the others stay available as alternatives.
"""

from jgstudy.core.drafting.candidates import Candidate
from jgstudy.core.drafting.draft import draft_bank_yaml, draft_candidates, draft_questions

__all__ = ["Candidate", "draft_bank_yaml", "draft_candidates", "draft_questions"]
