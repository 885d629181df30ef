"""Tests of app.board."""
