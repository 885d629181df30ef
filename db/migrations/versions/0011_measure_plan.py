"""The måleplan per indicator: what is counted, source, collection, sample and data owner.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

COLUMNS = tuple(f"{field}_{language}" for field in ("counts", "source", "collection", "sample",
                                                    "owner") for language in ("da", "en"))
# What the built-in harms count (as the catalogue of this release ships it), for built-ins.
COUNTS = {
    "tryksaar_dage_mellem": (
        "Nyt tryksår kategori 2–4 eller ikke-kategoriserbart, opstået i enheden",
        "A new pressure ulcer of category 2–4 or unstageable, arisen in the unit"),
    "fald_dage_mellem": (
        "Et fald: borgeren ender utilsigtet på gulvet eller et lavere niveau",
        "A fall: the citizen comes to rest on the floor or a lower level unintentionally"),
    "medicinfejl_dage_mellem": (
        "En fejl i ordination, dosering eller givning, der gør lægekontakt nødvendig",
        "An error in prescribing, dispensing or giving that makes a doctor contact necessary"),
    "kateter_uvi_dage_mellem": (
        "Urinvejsinfektion hos en borger med kateter, behandlet efter lægens vurdering",
        "A urinary tract infection in a citizen with a catheter, treated on a doctor's word"),
    "lungebetaendelse_dage_mellem": (
        "Lungebetændelse konstateret af læge", "Pneumonia found by a doctor"),
    "forebyggelige_indlaeggelser_dage_mellem": (
        "Indlæggelse med en af de forebyggelige diagnoser hos en borger med en kommunal indsats",
        "An admission with one of the preventable diagnoses of a citizen the municipality serves"),
}
_indicator = sa.table("indicator", sa.column("code", sa.String), sa.column("builtin", sa.Boolean),
                      sa.column("counts_da", sa.String), sa.column("counts_en", sa.String))


def upgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.String(), nullable=False, server_default=''))
    connection = op.get_bind()
    for code, (danish, english) in COUNTS.items():
        connection.execute(sa.update(_indicator).where(
            _indicator.c.code == code, _indicator.c.builtin.is_(True))
            .values(counts_da=danish, counts_en=english))


def downgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
