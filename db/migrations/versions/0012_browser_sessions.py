"""Browser sessions kept in the database, so a reload or another server keeps the user signed in.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('browser_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('handover_hash', sa.String(), nullable=True),
    sa.Column('handover_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('token_hash', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_why', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('browser_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_browser_session_handover_hash'), ['handover_hash'],
                              unique=True)
        batch_op.create_index(batch_op.f('ix_browser_session_token_hash'), ['token_hash'],
                              unique=True)
        batch_op.create_index(batch_op.f('ix_browser_session_username'), ['username'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('browser_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_browser_session_username'))
        batch_op.drop_index(batch_op.f('ix_browser_session_token_hash'))
        batch_op.drop_index(batch_op.f('ix_browser_session_handover_hash'))
    op.drop_table('browser_session')
