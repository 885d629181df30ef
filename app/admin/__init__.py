"""Administration widgets: units, their indicators, custom indicators and goals, users, wall-screen links, import, export, the audit table."""
