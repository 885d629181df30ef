"""Tests of app.admin."""
