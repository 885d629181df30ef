"""The programme's wording for built-in indicators an organisation has not renamed.

"der krævede læge" becomes "der kræver lægekontakt" (and the errors "alvorlige"),
preventable admissions are those "af borgere der har en kontakt med kommunen",
and the pressure-ulcer bundle is ISH's HUSK. A name the organisation changed
stays as it is. The Ernæring package arrives with the catalogue sync after the
migrations.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# code: ((old Danish, new Danish), (old English, new English))
RENAMES = {
    "tryksaar_bundt": (
        ("Andel i risiko der fik alle elementer i pakken",
         "Andel i risiko der fik alle elementer i HUSK"),
        ("Share at risk who got all bundle elements", "Share at risk who got every element of HUSK")),
    "medicinfejl_dage_mellem": (
        ("Dage mellem medicineringsfejl der krævede læge",
         "Dage mellem alvorlige medicineringsfejl der kræver lægekontakt"),
        ("Days between medication errors that needed a doctor",
         "Days between serious medication errors that require contact with a doctor")),
    "medicinfejl_pr_maaned": (
        ("Medicineringsfejl der krævede læge pr. måned",
         "Alvorlige medicineringsfejl der kræver lægekontakt pr. måned"),
        ("Medication errors that needed a doctor per month",
         "Serious medication errors that require contact with a doctor per month")),
    "forebyggelige_indlaeggelser_dage_mellem": (
        ("Dage mellem forebyggelige indlæggelser",
         "Dage mellem forebyggelige indlæggelser af borgere der har en kontakt med kommunen"),
        ("Days between preventable admissions",
         "Days between preventable admissions of citizens in contact with the municipality")),
}
_indicator = sa.table("indicator", sa.column("code", sa.String), sa.column("builtin", sa.Boolean),
                      sa.column("name_da", sa.String), sa.column("name_en", sa.String))


def _rename(new: int) -> None:
    """Give each built-in indicator still named as shipped the other name (new=1: newer)."""
    connection = op.get_bind()
    for code, (danish, english) in RENAMES.items():
        for column, names in (("name_da", danish), ("name_en", english)):
            connection.execute(sa.update(_indicator).where(
                _indicator.c.code == code, _indicator.c.builtin.is_(True),
                _indicator.c[column] == names[1 - new]).values({column: names[new]}))


def upgrade() -> None:
    _rename(1)


def downgrade() -> None:
    _rename(0)
