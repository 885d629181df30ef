"""The reports' typeface: DejaVu Sans embedded, so æ, ø, å and ▲▼◆● print everywhere.

reportlab's built-in Helvetica has æ, ø and å but none of the palette's
symbols, and a PDF that only names a font leaves the choice to the reader's
machine. DejaVu Sans (Debian's fonts-dejavu-core) has both and is embedded as a
subset. Without it the report still prints, in Helvetica with the symbols left
out, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
REGULAR_FILE = "DejaVuSans.ttf"
BOLD_FILE = "DejaVuSans-Bold.ttf"
REGULAR_NAME = "DejaVuSans"
BOLD_NAME = "DejaVuSans-Bold"


@dataclass(frozen=True)
class ReportFonts:
    """The font names a report draws with, and why it fell back, if it did."""

    regular: str
    bold: str
    symbols: bool  # the font has the palette's ▲▼◆● glyphs
    warning_da: str = ""
    warning_en: str = ""

    def warning(self, language: str) -> str:
        """Return the fallback message in language, or "" when DejaVu Sans is in use."""
        return self.warning_en if language == "en" else self.warning_da


def report_fonts(*, folder: Path = DEJAVU_FOLDER) -> ReportFonts:
    """Register DejaVu Sans from folder with reportlab and return it, or Helvetica when missing."""
    regular, bold = folder / REGULAR_FILE, folder / BOLD_FILE
    missing = [str(path) for path in (regular, bold) if not path.is_file()]
    if missing:
        return ReportFonts(
            "Helvetica", "Helvetica-Bold", symbols=False,
            warning_da=(f"Skrifttypen DejaVu Sans mangler ({', '.join(missing)}); rapporten bruger "
                        "Helvetica uden symbolerne ▲▼◆●. Installér Debian-pakken fonts-dejavu-core."),
            warning_en=(f"The DejaVu Sans font is missing ({', '.join(missing)}); the report uses "
                        "Helvetica without the symbols ▲▼◆●. Install the Debian package "
                        "fonts-dejavu-core."),
        )
    # reportlab keeps registered fonts in one process-wide table; registering a name
    # twice is harmless, but reading the file again is not free.
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in ((REGULAR_NAME, regular), (BOLD_NAME, bold)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR_NAME, normal=REGULAR_NAME, bold=BOLD_NAME,
                                  italic=REGULAR_NAME, boldItalic=BOLD_NAME)
    return ReportFonts(REGULAR_NAME, BOLD_NAME, symbols=True)
