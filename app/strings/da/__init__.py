"""Danish strings (the default language), one module per page; STRINGS is the whole catalogue."""

from app.strings import merged
from app.strings.da import (
    access,
    admin,
    analysis,
    board,
    entry,
    general,
    home,
    overview,
    report_page,
)

STRINGS: dict[str, str] = merged(
    general.STRINGS, home.STRINGS, entry.STRINGS, board.STRINGS, analysis.STRINGS,
    overview.STRINGS, report_page.STRINGS, admin.STRINGS, access.STRINGS,
)
