"""Tests of reports.pdf."""
