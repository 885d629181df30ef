"""A unit's exposure unit: what its rates count per (beboerdøgn, visiterede borgere …).

Existing units get "" (take the parent's), so a database keeps its "sengedage" until
an administrator chooses otherwise.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('exposure', sa.String(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_column('exposure')
