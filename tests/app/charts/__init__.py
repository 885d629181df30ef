"""Tests of app.charts."""
