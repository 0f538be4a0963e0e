"""Initial schema: the whole domain of MYK10 Workshop.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 14:16:37.908849
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('op_name', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_entity', ['entity', 'entity_id', 'field'], unique=False)
        batch_op.create_index('ix_change_log_hlc', ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_op_id'), ['op_id'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('project',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project'))
    )
    op.create_table('field_of_action',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('colour', sa.String(length=9), server_default='#4c78a8', nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_field_of_action_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_field_of_action'))
    )
    with op.batch_alter_table('field_of_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_field_of_action_project_id'), ['project_id'], unique=False)

    op.create_table('phase',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('colour', sa.String(length=9), server_default='#9ecae1', nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_phase_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phase'))
    )
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_project_id'), ['project_id'], unique=False)

    op.create_table('workshop',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('venue', sa.String(length=300), server_default='', nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_workshop_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop'))
    )
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_project_id'), ['project_id'], unique=False)

    op.create_table('agenda_day',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('workshop_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_agenda_day_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_day'))
    )
    with op.batch_alter_table('agenda_day', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_day_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('board',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('workshop_id', sa.Uuid(), nullable=False),
    sa.Column('field_of_action_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('private_mode', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['field_of_action_id'], ['field_of_action.id'], name=op.f('fk_board_field_of_action_id_field_of_action')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_board_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board'))
    )
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_field_of_action_id'), ['field_of_action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_board_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('measure',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('field_of_action_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('owner', sa.String(length=200), server_default='', nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['field_of_action_id'], ['field_of_action.id'], name=op.f('fk_measure_field_of_action_id_field_of_action')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_measure_project_id_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure'))
    )
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_field_of_action_id'), ['field_of_action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measure_project_id'), ['project_id'], unique=False)

    op.create_table('ballot',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('workshop_id', sa.Uuid(), nullable=False),
    sa.Column('board_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('question', sa.Text(), server_default='', nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('results_hidden', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('closes_at', sa.DateTime(), nullable=True),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_ballot_board_id_board')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_ballot_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot'))
    )
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('cluster',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('board_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('colour', sa.String(length=9), server_default='#dddddd', nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('width', sa.Float(), nullable=False),
    sa.Column('height', sa.Float(), nullable=False),
    sa.Column('collapsed', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_cluster_board_id_board')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cluster'))
    )
    with op.batch_alter_table('cluster', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cluster_board_id'), ['board_id'], unique=False)

    op.create_table('milestone',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('phase_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('owner', sa.String(length=200), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('workshop_id', sa.Uuid(), nullable=True),
    sa.Column('measure_id', sa.Uuid(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_milestone_measure_id_measure')),
    sa.ForeignKeyConstraint(['phase_id'], ['phase.id'], name=op.f('fk_milestone_phase_id_phase')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_milestone_project_id_project')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_milestone_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('agenda_item',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('day_id', sa.Uuid(), nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=40), server_default='', nullable=False),
    sa.Column('method', sa.String(length=80), server_default='', nullable=False),
    sa.Column('goal', sa.Text(), server_default='', nullable=False),
    sa.Column('responsible', sa.String(length=200), server_default='', nullable=False),
    sa.Column('room', sa.String(length=200), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('facilitator_only', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('pinned_at', sa.Time(), nullable=True),
    sa.Column('board_id', sa.Uuid(), nullable=True),
    sa.Column('ballot_id', sa.Uuid(), nullable=True),
    sa.Column('actual_start', sa.DateTime(), nullable=True),
    sa.Column('actual_end', sa.DateTime(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.CheckConstraint('duration_min >= 0', name=op.f('ck_agenda_item_duration_not_negative')),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], name=op.f('fk_agenda_item_ballot_id_ballot')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_agenda_item_board_id_board')),
    sa.ForeignKeyConstraint(['day_id'], ['agenda_day.id'], name=op.f('fk_agenda_item_day_id_agenda_day')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_ballot_id'), ['ballot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_day_id'), ['day_id'], unique=False)

    op.create_table('idea',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('board_id', sa.Uuid(), nullable=False),
    sa.Column('cluster_id', sa.Uuid(), nullable=True),
    sa.Column('field_of_action_id', sa.Uuid(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('colour', sa.String(length=9), server_default='#fff59d', nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('author', sa.String(length=100), server_default='', nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_idea_board_id_board')),
    sa.ForeignKeyConstraint(['cluster_id'], ['cluster.id'], name=op.f('fk_idea_cluster_id_cluster')),
    sa.ForeignKeyConstraint(['field_of_action_id'], ['field_of_action.id'], name=op.f('fk_idea_field_of_action_id_field_of_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea'))
    )
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_idea_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_idea_field_of_action_id'), ['field_of_action_id'], unique=False)

    op.create_table('agenda_material',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_agenda_material_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_material'))
    )
    with op.batch_alter_table('agenda_material', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_material_item_id'), ['item_id'], unique=False)

    op.create_table('agenda_track',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=False),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('room', sa.String(length=200), server_default='', nullable=False),
    sa.Column('facilitator', sa.String(length=200), server_default='', nullable=False),
    sa.Column('board_id', sa.Uuid(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_agenda_track_board_id_board')),
    sa.ForeignKeyConstraint(['item_id'], ['agenda_item.id'], name=op.f('fk_agenda_track_item_id_agenda_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_track'))
    )
    with op.batch_alter_table('agenda_track', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_track_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_track_item_id'), ['item_id'], unique=False)

    op.create_table('ballot_option',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('ballot_id', sa.Uuid(), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('idea_id', sa.Uuid(), nullable=True),
    sa.Column('cluster_id', sa.Uuid(), nullable=True),
    sa.Column('order_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], name=op.f('fk_ballot_option_ballot_id_ballot')),
    sa.ForeignKeyConstraint(['cluster_id'], ['cluster.id'], name=op.f('fk_ballot_option_cluster_id_cluster')),
    sa.ForeignKeyConstraint(['idea_id'], ['idea.id'], name=op.f('fk_ballot_option_idea_id_idea')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_option'))
    )
    with op.batch_alter_table('ballot_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_option_ballot_id'), ['ballot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_option_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_option_idea_id'), ['idea_id'], unique=False)

    op.create_table('measure_source',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('measure_id', sa.Uuid(), nullable=False),
    sa.Column('idea_id', sa.Uuid(), nullable=True),
    sa.Column('cluster_id', sa.Uuid(), nullable=True),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['cluster_id'], ['cluster.id'], name=op.f('fk_measure_source_cluster_id_cluster')),
    sa.ForeignKeyConstraint(['idea_id'], ['idea.id'], name=op.f('fk_measure_source_idea_id_idea')),
    sa.ForeignKeyConstraint(['measure_id'], ['measure.id'], name=op.f('fk_measure_source_measure_id_measure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_source'))
    )
    with op.batch_alter_table('measure_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_source_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measure_source_idea_id'), ['idea_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measure_source_measure_id'), ['measure_id'], unique=False)

    op.create_table('paper_tally',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('option_id', sa.Uuid(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), server_default='', nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.CheckConstraint('count >= 0', name=op.f('ck_paper_tally_count_not_negative')),
    sa.ForeignKeyConstraint(['option_id'], ['ballot_option.id'], name=op.f('fk_paper_tally_option_id_ballot_option')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_tally'))
    )
    with op.batch_alter_table('paper_tally', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_tally_option_id'), ['option_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('ballot_id', sa.Uuid(), nullable=False),
    sa.Column('option_id', sa.Uuid(), nullable=True),
    sa.Column('voter_hash', sa.String(length=64), nullable=False),
    sa.Column('client_vote_id', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('value_y', sa.Float(), nullable=True),
    sa.Column('cast_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballot.id'], name=op.f('fk_vote_ballot_id_ballot')),
    sa.ForeignKeyConstraint(['option_id'], ['ballot_option.id'], name=op.f('fk_vote_option_id_ballot_option')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote')),
    sa.UniqueConstraint('client_vote_id', name=op.f('uq_vote_client_vote_id'))
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_ballot_id'), ['ballot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_voter_hash'), ['voter_hash'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_voter_hash'))
        batch_op.drop_index(batch_op.f('ix_vote_option_id'))
        batch_op.drop_index(batch_op.f('ix_vote_ballot_id'))

    op.drop_table('vote')
    with op.batch_alter_table('paper_tally', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_tally_option_id'))

    op.drop_table('paper_tally')
    with op.batch_alter_table('measure_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_source_measure_id'))
        batch_op.drop_index(batch_op.f('ix_measure_source_idea_id'))
        batch_op.drop_index(batch_op.f('ix_measure_source_cluster_id'))

    op.drop_table('measure_source')
    with op.batch_alter_table('ballot_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_option_idea_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_option_cluster_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_option_ballot_id'))

    op.drop_table('ballot_option')
    with op.batch_alter_table('agenda_track', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_track_item_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_track_board_id'))

    op.drop_table('agenda_track')
    with op.batch_alter_table('agenda_material', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_material_item_id'))

    op.drop_table('agenda_material')
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_field_of_action_id'))
        batch_op.drop_index(batch_op.f('ix_idea_cluster_id'))
        batch_op.drop_index(batch_op.f('ix_idea_board_id'))

    op.drop_table('idea')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_day_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_board_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_ballot_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_project_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_phase_id'))
        batch_op.drop_index(batch_op.f('ix_milestone_measure_id'))

    op.drop_table('milestone')
    with op.batch_alter_table('cluster', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cluster_board_id'))

    op.drop_table('cluster')
    with op.batch_alter_table('ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_board_id'))

    op.drop_table('ballot')
    with op.batch_alter_table('measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_project_id'))
        batch_op.drop_index(batch_op.f('ix_measure_field_of_action_id'))

    op.drop_table('measure')
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_workshop_id'))
        batch_op.drop_index(batch_op.f('ix_board_field_of_action_id'))

    op.drop_table('board')
    with op.batch_alter_table('agenda_day', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_day_workshop_id'))

    op.drop_table('agenda_day')
    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshop_project_id'))

    op.drop_table('workshop')
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_project_id'))

    op.drop_table('phase')
    with op.batch_alter_table('field_of_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_field_of_action_project_id'))

    op.drop_table('field_of_action')
    op.drop_table('project')
    op.drop_table('meta')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_op_id'))
        batch_op.drop_index('ix_change_log_hlc')
        batch_op.drop_index('ix_change_log_entity')

    op.drop_table('change_log')
