"""Tests of reports.wording."""
