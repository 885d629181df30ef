"""The board (tavle): counters, charts with their verdicts, the board meeting, NY signals, and the wall screen (kiosk)."""
