"""Diagrammer: choosing an analysis, the chart with its help and phase table, baselines, PDSA changes, downloads."""
