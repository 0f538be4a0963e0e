"""The facilitator's own templates: blocks and whole agendas kept to be used again.

Only adds one table, owned by no project (a template outlives the workshop it came from);
no existing table or row is touched, so every row of a 0002 database stays as it was.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10 09:12:40.118306
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agenda_template',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    # JSON kept as text (schema.JSONText): SQLite's JSON affinity would change numbers.
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_template'))
    )


def downgrade() -> None:
    op.drop_table('agenda_template')
