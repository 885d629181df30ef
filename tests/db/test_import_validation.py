"""Every validation rule through the import: the whole file is refused and nothing changes."""

import pytest

from db.engine import write_session
from db.errors import ValidationError
from db.importer import import_file
from tests.db.conftest import TODAY, table_contents

HEADER = "enhed;indikator;dato;tæller;nævner;værdi;note;art\n"
GOOD_ROW = "solbakken;triage_dagligt;01-11-2026;23;25;;;\n"

# (rule, the bad row, the field the problem names, words of the Danish message)
IMPORT_RULES = [
    ("numerator above denominator", "solbakken;triage_dagligt;02-11-2026;26;25;;;",
     "numerator", "større end nævneren"),
    ("negative figure", "solbakken;faldskader_pr_1000_sengedage;01-10-2026;-1;1200;;;",
     "numerator", "negativ"),
    ("fractional count", "solbakken;magtanvendelser_pr_maaned;01-10-2026;1,5;;;;",
     "numerator", "helt tal"),
    ("count of a harm registered as events", "solbakken;fald_pr_1000_sengedage;01-10-2026;4;1200;;;",
     "numerator", "registrerede hændelser"),
    ("date in the future", "solbakken;triage_dagligt;23-11-2026;1;2;;;", "date", "fremtiden"),
    ("second entry for a period", "solbakken;triage_dagligt;01-11-2026;22;25;;;", "date",
     "række 2"),
    ("second entry in the same week", "solbakken;tryksaar_bundt;02-11-2026;1;2;;;\n"
     "solbakken;tryksaar_bundt;05-11-2026;1;2;;;", "date", "række 3"),
    ("CPR number in a note", "solbakken;triage_dagligt;02-11-2026;1;2;;010190-1234;",
     "note", "CPR"),
    ("CPR number in a change", "solbakken;alle;02-11-2026;;;;Plan for 0101901234;ændring",
     "note", "CPR"),
    ("CPR number in an event note", "solbakken;tryksaar_dage_mellem;02-11-2026;;;;311299 4321;",
     "note", "CPR"),
    ("unreadable number", "solbakken;triage_dagligt;02-11-2026;tre;4;;;", "numerator",
     "ikke et tal"),
    ("point decimal in a Danish file", "solbakken;faldskader_pr_1000_sengedage;01-10-2026;1;12.5;;;",
     "denominator", "ikke et tal"),
    ("unreadable date", "solbakken;triage_dagligt;2.11.26;1;2;;;", "date", "ikke en dato"),
    ("missing figure", "solbakken;triage_dagligt;02-11-2026;1;;;;", "denominator", "mangler"),
    ("figure on an event", "solbakken;tryksaar_dage_mellem;02-11-2026;;3;;;", "denominator",
     "tom"),
    ("change without text", "solbakken;alle;02-11-2026;;;;;ændring", "note", "mangler"),
    ("all indicators on an entry", "solbakken;alle;02-11-2026;1;2;;;", "indicator",
     "ændringer"),
    ("unknown indicator", "solbakken;tryk;02-11-2026;1;2;;;", "indicator", "findes ikke"),
    ("unknown unit", "Solbjerg;triage_dagligt;02-11-2026;1;2;;;", "unit", "findes ikke"),
    ("unknown type", "solbakken;triage_dagligt;02-11-2026;1;2;;;måling", "type",
     "registrering"),
    ("event type on a share", "solbakken;triage_dagligt;02-11-2026;;;;;hændelse", "type",
     "hændelser"),
    ("more cells than columns", "solbakken;triage_dagligt;02-11-2026;1;2;;;;ekstra", None,
     "flere celler"),
]


@pytest.mark.parametrize(("rule", "bad_row", "field", "words"), IMPORT_RULES,
                         ids=[rule[0] for rule in IMPORT_RULES])
def test_a_file_with_one_bad_row_is_refused_whole_and_changes_nothing(engine, place, rule,
                                                                      bad_row, field, words):
    before = table_contents(engine)
    content = (HEADER + GOOD_ROW + bad_row + "\n").encode("utf-8-sig")
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        import_file(content, filename="ark.csv", session=session, actor="system:admin", today=TODAY)
    problems = refused.value.problems
    assert [p.field for p in problems][-1:] == [field]
    assert words in problems[-1].message_da
    assert problems[-1].row is not None and problems[-1].row >= 3
    assert table_contents(engine) == before
