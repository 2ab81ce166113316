"""Draft candidate questions from new material (speeches, reports, policy documents).

The drafts are proposals for a trainer to review, not a finished bank: each is marked
``status: draft`` and cites the verbatim clause of the material it was made from.
"""

from jgstudy.core.drafting.draft import draft_bank_yaml, draft_questions

__all__ = ["draft_bank_yaml", "draft_questions"]
