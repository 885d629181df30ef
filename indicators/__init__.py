"""Tavle's domain core: indicator catalogue, series building, SPC engine, verdicts.

Pure pandas/numpy; imports nothing else of Tavle's.
"""
