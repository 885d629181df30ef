"""Sampling switches: the day a unit moved a package's process indicators to samples or back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sampling_switch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('sampling', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['package_id'], ['package.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sampling_switch', schema=None) as batch_op:
        batch_op.create_index('ix_sampling_switch_unit_package', ['unit_id', 'package_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sampling_switch', schema=None) as batch_op:
        batch_op.drop_index('ix_sampling_switch_unit_package')
    op.drop_table('sampling_switch')
