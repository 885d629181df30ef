"""Tests of app.access."""
