"""Every user-facing string of the app, one catalogue per language."""
