"""Tests of reports.content."""
