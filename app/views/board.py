"""Page: Tavle — the unit's board for the board meeting, and the wall screen (kiosk)."""

from app.board_page import board_page

board_page()
