"""Sign-in: a PIN per person for shared tablets, the attempts that lock out, wall-screen links.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pin_hash', sa.String(), nullable=True))
    op.create_table('sign_in_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('outcome', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sign_in_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_sign_in_attempt_username_at', ['username', 'at'], unique=False)
    op.create_table('board_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('board_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_link_token_hash'), ['token_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_board_link_unit_id'), ['unit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('board_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_link_unit_id'))
        batch_op.drop_index(batch_op.f('ix_board_link_token_hash'))
    op.drop_table('board_link')
    with op.batch_alter_table('sign_in_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_in_attempt_username_at')
    op.drop_table('sign_in_attempt')
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('pin_hash')
