"""Indexes of votes for a burst of phones: a phone's earlier vote is found by ballot and
voter (``ix_vote_ballot_voter``); before, SQLite chose the index of the ballot and walked
every vote of it, so each vote was slower than the one before. The single-column indexes
of ballot and option go (the new index and ``ix_vote_live_option`` start with them), and so
does the one of the voter alone (nothing looks a voter up without the ballot): fewer
indexes to update for every vote. Only indexes change; every row stays as it was.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 11:32:46.881119
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_ballot_id'))
        batch_op.drop_index(batch_op.f('ix_vote_option_id'))
        batch_op.drop_index(batch_op.f('ix_vote_voter_hash'))
        batch_op.create_index('ix_vote_ballot_voter', ['ballot_id', 'voter_hash', 'deleted'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index('ix_vote_ballot_voter')
        batch_op.create_index(batch_op.f('ix_vote_voter_hash'), ['voter_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_ballot_id'), ['ballot_id'], unique=False)
