"""Overblik, the managers' overview: the matrix, goals, spread readiness and the funnel plot."""
