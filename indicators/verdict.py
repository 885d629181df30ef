"""The plain-language verdict: the most important finding, named with its figure and limit."""

from __future__ import annotations

from indicators.chart_model import PhaseSummary, Verdict
from indicators.constants import MIN_USEFUL_POINTS
from indicators.findings import RULE_PRIORITY, Finding, signal_kind
from indicators.options import AnalysisOptions
from indicators.verdict_texts import render, word

# Findings that hold with few points: the open interval against the limit its closed
# intervals give (indicators.open_interval, and a control chart's "censored" point).
_FEW_POINTS_ENOUGH = ("censored", "open_interval")
_SUFFIX = {"improvement": "suffix_improvement", "deterioration": "suffix_deterioration", "neutral": "suffix_neutral"}


def _sentence(finding: Finding, language: str, centre_label: str) -> str:
    side = word("above" if finding.direction >= 0 else "below", language)
    centre = word(centre_label, language)
    if finding.rule == "sigma":
        return render("sigma", language, figure=finding.count,
                      points=word("point" if finding.count == 1 else "points", language),
                      side_limit=word("above_limit" if finding.direction > 0 else "below_limit", language),
                      limit=round(finding.limit, 2))
    if finding.rule == "censored":
        return render("censored", language, figure=round(finding.figure), limit=round(finding.limit, 1))
    if finding.rule == "open_interval":
        return render("open_interval", language, figure=round(finding.figure), limit=round(finding.limit))
    if finding.rule == "trend":
        rising = word("rising" if finding.direction > 0 else "falling", language)
        return render("trend", language, figure=int(finding.figure), limit=int(finding.limit), rising=rising)
    if finding.rule == "two_of_three":
        limit_side = word("upper" if finding.direction > 0 else "lower", language)
        return render("two_of_three", language, limit_side=limit_side, centre=centre)
    return render(finding.rule, language, figure=int(finding.figure), limit=int(finding.limit), side=side,
                  centre=centre)


def _most_important(findings: list[Finding]) -> Finding | None:
    """The finding that reaches the latest point, then the highest-ranked rule.

    A team reads the verdict as "what is happening now": a rising process whose
    early points lie below the lower limit and whose recent points form a long run
    above the centre line is improving, not deteriorating. Patterns without
    points of their own (too few crossings) rank after those with points.
    """
    if not findings:
        return None

    def latest_point(finding: Finding) -> int:
        return int(finding.points.max()) if len(finding.points) else -1

    return min(findings, key=lambda finding: (-latest_point(finding),
                                              RULE_PRIORITY.index(finding.rule)))


def phase_verdict(summary: PhaseSummary, findings: list[Finding], options: AnalysisOptions,
                  centre_label: str) -> Verdict:
    """The verdict for one phase: too few points, the most important finding, or no signal."""
    if summary.lopsided:
        lopsided = _lopsided_verdict(summary, findings, options)
        if lopsided is not None:
            return lopsided
    elif summary.n_useful < MIN_USEFUL_POINTS and not _holds_on_few_points(findings):
        values = {"figure": summary.n_useful, "limit": MIN_USEFUL_POINTS}
        return Verdict("too_few", render("too_few", "da", **values), render("too_few", "en", **values),
                       rule=None, figure=summary.n_useful, limit=MIN_USEFUL_POINTS)
    if not summary.lopsided and summary.n_useful < MIN_USEFUL_POINTS:
        findings = [finding for finding in findings if finding.rule in _FEW_POINTS_ENOUGH]
    finding = _most_important(findings)
    if finding is None:
        if summary.longest_run is not None and options.rules == "anhoej":
            values = {"longest": summary.longest_run, "longest_max": summary.longest_run_max,
                      "crossings": summary.n_crossings, "crossings_min": summary.n_crossings_min}
            return Verdict("no_signal", render("no_signal_runs", "da", **values),
                           render("no_signal_runs", "en", **values))
        return Verdict("no_signal", render("no_signal", "da"), render("no_signal", "en"))
    kind = signal_kind(finding.direction, options.improvement)
    texts = {language: _sentence(finding, language, centre_label) + word(_SUFFIX[kind], language)
             for language in ("da", "en")}
    placed = len(finding.points) > 0
    return Verdict(kind, texts["da"], texts["en"], rule=finding.rule,  # type: ignore[arg-type]
                   figure=float(finding.count if finding.rule == "sigma" else finding.figure),
                   limit=float(finding.limit),
                   first=int(finding.points.min()) + 1 if placed else None,
                   last=int(finding.points.max()) + 1 if placed else None)


def _holds_on_few_points(findings: list[Finding]) -> bool:
    """An open interval beyond its limit holds on the closed intervals there are: never hidden."""
    return any(finding.rule in _FEW_POINTS_ENOUGH for finding in findings)


def _lopsided_verdict(summary: PhaseSummary, findings: list[Finding],
                      options: AnalysisOptions) -> Verdict | None:
    """Shares near 0 % or 100 %: judged by probability limits alone, and the verdict says why.

    None when a finding (a point beyond a probability limit) speaks for itself.
    """
    if summary.n_values < MIN_USEFUL_POINTS:
        values = {"figure": summary.n_values, "limit": MIN_USEFUL_POINTS}
        return Verdict("too_few", render("too_few_points", "da", **values),
                       render("too_few_points", "en", **values),
                       rule=None, figure=summary.n_values, limit=MIN_USEFUL_POINTS)
    if findings:
        return None
    share = summary.centre_line / options.multiply
    values = {"edge": 100 if share >= 0.5 else 0, "share": round(share * 100, 1)}
    key = "lopsided_run" if options.chart == "run" else "lopsided_p"
    return Verdict("no_signal", render(key, "da", **values), render(key, "en", **values), rule="lopsided")


def chart_verdict(phases: tuple[PhaseSummary, ...], options: AnalysisOptions) -> Verdict:
    """The chart's verdict: its latest phase, or a count of panels with signals when faceted."""
    if not phases:
        values = {"figure": 0, "limit": MIN_USEFUL_POINTS}
        return Verdict("too_few", render("too_few", "da", **values), render("too_few", "en", **values),
                       figure=0, limit=MIN_USEFUL_POINTS)
    latest: dict[object, PhaseSummary] = {}
    for phase in phases:
        latest[phase.facet] = phase
    verdicts = [phase.verdict for phase in latest.values() if phase.verdict is not None]
    if len(latest) == 1:
        return verdicts[0]
    signalling = [verdict for verdict in verdicts if verdict.kind in ("improvement", "deterioration", "neutral")]
    total = len(latest)
    if not signalling:
        kind = "too_few" if all(verdict.kind == "too_few" for verdict in verdicts) else "no_signal"
        return Verdict(kind, render("facets_none", "da", limit=total), render("facets_none", "en", limit=total),
                       figure=0, limit=total)
    kinds = {verdict.kind for verdict in signalling}
    kind = "deterioration" if "deterioration" in kinds else "improvement" if "improvement" in kinds else "neutral"
    values = {"figure": len(signalling), "limit": total}
    return Verdict(kind, render("facets", "da", **values), render("facets", "en", **values),  # type: ignore[arg-type]
                   figure=len(signalling), limit=total)
