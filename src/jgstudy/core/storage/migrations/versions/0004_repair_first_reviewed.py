"""repair databases created by the first release: cards.first_reviewed_at and its index

``0001`` was edited after it had shipped: databases created by the first commit (9709b2b) are
stamped ``0001`` (or later) but their ``cards`` table lacks ``first_reviewed_at`` and the index
``ix_cards_user_first``, so every statistic failed with "no such column". This adds what is
missing, when it is missing, and fills the column from the review logs (the first answer to
each card). Databases that already have both are not touched.

Revision ID: 0004_repair_first_reviewed
Revises: 0003_bank_retire
Create Date: 2026-12-06 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_repair_first_reviewed"
down_revision: str | None = "0003_bank_retire"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIRST_ANSWER = """
UPDATE cards SET first_reviewed_at = (
    SELECT MIN(review_logs.reviewed_at) FROM review_logs
    WHERE review_logs.user_id = cards.user_id AND review_logs.question_pk = cards.question_pk
)
"""


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("cards")}
    if "first_reviewed_at" not in columns:
        # Plain ADD COLUMN (SQLite supports it): no batch copy of a table others point to.
        op.add_column("cards", sa.Column("first_reviewed_at", sa.DateTime(), nullable=True))
        op.execute(FIRST_ANSWER)
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("cards")}
    if "ix_cards_user_first" not in indexes:
        op.create_index("ix_cards_user_first", "cards", ["user_id", "first_reviewed_at"])


def downgrade() -> None:
    pass  # the column and index belong to 0001: nothing of this revision's own to remove
