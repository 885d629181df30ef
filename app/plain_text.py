"""Text that people typed (unit names, notes, codes in an address), shown as typed.

Streamlit reads Markdown in st.markdown, titles, captions, alerts and many labels:
a unit named "![x](https://spor.example/p.png)" would load an outside image, and
"[Klik](https://ondt.example)" would be a link. as_text escapes every character
Markdown (and Streamlit's :colour[...] and :icon: shortcodes) gives a meaning, so
what shows is what was typed.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that mean
# something to Markdown, to HTML inside it, or to Streamlit's shortcodes.
_MEANINGFUL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def as_text(value: object) -> str:
    """Return value escaped for Streamlit's Markdown: shown as typed, on one line."""
    return _MEANINGFUL.sub(r"\\\1", " ".join(str(value).splitlines()))
