"""Sign-in attempts name their source (a tablet, an address), throttled apart from the username.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sign_in_attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(), nullable=True))
        batch_op.create_index('ix_sign_in_attempt_source_at', ['source', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sign_in_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_in_attempt_source_at')
        batch_op.drop_column('source')
