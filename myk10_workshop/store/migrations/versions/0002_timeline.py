"""The timeline: dependencies between milestones and measures, baselines, the as-of date;
and an index of the live votes per option (the board's dot totals).

Only adds: three new tables and one nullable column of ``project`` (SQLite appends it with
``ALTER TABLE``, so no table is rebuilt and every row of a 0001 database stays as it was).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 07:50:29.270743
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('baseline',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_baseline_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline'))
    )
    with op.batch_alter_table('baseline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baseline_project_id'), ['project_id'], unique=False)

    op.create_table('baseline_entry',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('baseline_id', sa.Uuid(), nullable=False),
    sa.Column('milestone_id', sa.Uuid(), nullable=True),
    sa.Column('measure_id', sa.Uuid(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.CheckConstraint('(milestone_id IS NULL) <> (measure_id IS NULL)', name=op.f('ck_baseline_entry_one_item')),
    sa.ForeignKeyConstraint(['baseline_id'], ['baseline.id'], name=op.f('fk_baseline_entry_baseline_id_baseline')),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_baseline_entry_measure_id_measure')),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestone.id'], name=op.f('fk_baseline_entry_milestone_id_milestone')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline_entry'))
    )
    with op.batch_alter_table('baseline_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baseline_entry_baseline_id'), ['baseline_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_baseline_entry_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_baseline_entry_milestone_id'), ['milestone_id'], unique=False)

    op.create_table('dependency',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('predecessor_milestone_id', sa.Uuid(), nullable=True),
    sa.Column('predecessor_measure_id', sa.Uuid(), nullable=True),
    sa.Column('successor_milestone_id', sa.Uuid(), nullable=True),
    sa.Column('successor_measure_id', sa.Uuid(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.CheckConstraint('(predecessor_milestone_id IS NULL) <> (predecessor_measure_id IS NULL)', name=op.f('ck_dependency_one_predecessor')),
    sa.CheckConstraint('(successor_milestone_id IS NULL) <> (successor_measure_id IS NULL)', name=op.f('ck_dependency_one_successor')),
    sa.ForeignKeyConstraint(['predecessor_measure_id'], ['measure.id'], name=op.f('fk_dependency_predecessor_measure_id_measure')),
    sa.ForeignKeyConstraint(['predecessor_milestone_id'], ['milestone.id'], name=op.f('fk_dependency_predecessor_milestone_id_milestone')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_dependency_project_id_project')),
    sa.ForeignKeyConstraint(['successor_measure_id'], ['measure.id'], name=op.f('fk_dependency_successor_measure_id_measure')),
    sa.ForeignKeyConstraint(['successor_milestone_id'], ['milestone.id'], name=op.f('fk_dependency_successor_milestone_id_milestone')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dependency'))
    )
    with op.batch_alter_table('dependency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dependency_predecessor_measure_id'), ['predecessor_measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dependency_predecessor_milestone_id'), ['predecessor_milestone_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dependency_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dependency_successor_measure_id'), ['successor_measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dependency_successor_milestone_id'), ['successor_milestone_id'], unique=False)

    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('as_of', sa.Date(), nullable=True))

    # The board's dot totals read only the live votes, from this index alone.
    op.create_index('ix_vote_live_option', 'vote', ['option_id', 'deleted', 'value'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_vote_live_option', table_name='vote')
    # The new tables first (they refer to project), then the column: dropping it rebuilds
    # the project table, which keeps its rows.
    with op.batch_alter_table('dependency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dependency_successor_milestone_id'))
        batch_op.drop_index(batch_op.f('ix_dependency_successor_measure_id'))
        batch_op.drop_index(batch_op.f('ix_dependency_project_id'))
        batch_op.drop_index(batch_op.f('ix_dependency_predecessor_milestone_id'))
        batch_op.drop_index(batch_op.f('ix_dependency_predecessor_measure_id'))

    op.drop_table('dependency')
    with op.batch_alter_table('baseline_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baseline_entry_milestone_id'))
        batch_op.drop_index(batch_op.f('ix_baseline_entry_measure_id'))
        batch_op.drop_index(batch_op.f('ix_baseline_entry_baseline_id'))

    op.drop_table('baseline_entry')
    with op.batch_alter_table('baseline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baseline_project_id'))

    op.drop_table('baseline')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_column('as_of')
