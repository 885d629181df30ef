"""The words around a report's chart break into lines the way a paragraph's would."""

from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.pdf.styled_lines import Run, break_lines

BOLD, PLAIN = "Helvetica-Bold", "Helvetica"


def run(text: str, font: str = PLAIN, colour: str = "#1A1A1A") -> Run:
    return Run(text, font, 10, colour)


def texts(lines) -> list[str]:
    return ["".join(piece.text for _, piece in line) for line in lines.lines]


def test_words_fill_a_line_and_the_rest_goes_on_the_next():
    words = "Ingen tegn på ikke-tilfældig variation i de seneste 24 uger"
    width = stringWidth("Ingen tegn på ikke-tilfældig variation", PLAIN, 10) + 1
    lines = break_lines([run(words)], width, stringWidth)
    assert texts(lines) == ["Ingen tegn på ikke-tilfældig variation", "i de seneste 24 uger"]
    assert all(stringWidth(text, PLAIN, 10) <= width for text in texts(lines))


def test_a_bold_coloured_label_and_plain_text_share_a_line_each_from_where_the_other_ends():
    label, rest = run("▲ Forbedring:", BOLD, "#005AB5"), run(" 9 punkter i træk under medianen")
    (line,) = break_lines([label, rest], 400, stringWidth).lines
    assert [(x, piece.text, piece.font) for x, piece in line] == [
        (0.0, "▲ Forbedring:", BOLD),
        (stringWidth("▲ Forbedring:", BOLD, 10), " 9 punkter i træk under medianen", PLAIN)]


def test_a_new_line_character_starts_a_new_line_and_a_wrapped_line_starts_without_a_space():
    width = stringWidth("Ændringer i oktober", BOLD, 10) + 1
    lines = break_lines([run("Ændringer i oktober 2026", BOLD),
                         run("\n02-10-2026: PDSA 3\n14-10-2026: ny tavle")], width, stringWidth)
    assert texts(lines) == ["Ændringer i oktober", "2026", "02-10-2026: PDSA 3", "14-10-2026: ny tavle"]
    assert [line[0][0] for line in lines.lines] == [0.0] * 4


def test_a_word_longer_than_the_line_stands_alone_rather_than_being_lost():
    lines = break_lines([run("kort Kateterrelateredeurinvejsinfektioner kort")], 60, stringWidth)
    assert texts(lines) == ["kort", "Kateterrelateredeurinvejsinfektioner", "kort"]


def test_texts_are_placed_a_leading_apart_from_the_first_baseline():
    lines = break_lines([run("a b"), run("\nc")], 100, stringWidth)
    placed = lines.texts(top=200, first_baseline=10, leading=13)
    assert [(t.text, t.y) for t in placed] == [("a b", 190), ("c", 177)]
