"""Tests of reports.drawing."""
