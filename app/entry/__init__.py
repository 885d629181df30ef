"""Registrér: the tablet cards, what each change writes and how it is undone, recent entries."""
