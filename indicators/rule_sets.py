"""Apply the chosen rule set (Anhøj, IHI or Making Data Count) to one phase."""

from __future__ import annotations

import numpy as np

from indicators.control_lines import ControlLines
from indicators.findings import Finding, censored_findings, sigma_findings
from indicators.making_data_count import nhs_findings
from indicators.rules_anhoej import anhoej_findings
from indicators.rules_ihi import ihi_findings
from indicators.runs import RunsResult


def phase_findings(lines: ControlLines, runs: RunsResult, include: np.ndarray, censored: np.ndarray, *,
                   rules: str, has_limits: bool, time_ordered: bool,
                   offset: int) -> tuple[list[Finding], tuple[int, int] | None]:
    """Every pattern the rule set finds in one phase, and the IHI runs limits when used.

    The sigma rule applies to every control chart whatever the rule set. Run and trend
    rules need a time order: categories (a funnel plot) and moving ranges get none, as
    in qicharts2.
    """
    findings: list[Finding] = []
    runs_limits = None
    if has_limits:
        findings += sigma_findings(lines.y, lines.lcl, lines.ucl, offset, skip=censored)
        findings += censored_findings(lines.y, lines.ucl, censored, offset)
    if not time_ordered:
        return findings, runs_limits
    if rules == "anhoej":
        findings += anhoej_findings(runs, offset)
    elif rules == "ihi":
        found, runs_limits = ihi_findings(lines.y, include, runs, offset)
        findings += found
    else:
        findings += nhs_findings(lines.y, lines, include, offset)
    return findings, runs_limits
