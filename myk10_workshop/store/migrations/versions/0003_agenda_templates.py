"""The facilitator's own templates: blocks and whole agendas kept to be used again; and
the extra minutes a block got live ("+5 min"), kept apart from its planned duration.

Only adds: one table, owned by no project (a template outlives the workshop it came from),
and one column at the end of ``agenda_item`` (``extra_min``, 0 for every existing block,
never below 0). Adding its check rebuilds ``agenda_item`` in batch mode, which keeps its
rows; every row of a 0002 database stays as it was.

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
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra_min', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.create_check_constraint(batch_op.f('ck_agenda_item_extra_not_negative'),
                                         'extra_min >= 0')


def downgrade() -> None:
    # Dropping the column (and its check) rebuilds agenda_item, which keeps its rows.
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_agenda_item_extra_not_negative'),
                                 type_='check')
        batch_op.drop_column('extra_min')

    op.drop_table('agenda_template')
