"""Tests of app.analysis."""
