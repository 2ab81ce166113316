"""sibling cache: the sibling relation of the active questions, stored per state of the banks

Revision ID: 0008_sibling_cache
Revises: 0007_review_counts
Create Date: 2026-12-06 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_sibling_cache"
down_revision: str | None = "0007_review_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty: the first session after the upgrade computes it (as every start did before).
    op.create_table(
        "sibling_cache",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("groups", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sibling_cache")
