"""The built-in I sikre hænder indicator catalogue, as plain data.

The storage seeds its package and indicator tables from these definitions;
an organisation may then edit goals and names in its own database. Codes are
stable forever: a renamed indicator keeps its code and so its series.

Where the figures of an indicator live (the storage's series columns):

| measure       | numerator            | denominator              | value  |
|---------------|----------------------|--------------------------|--------|
| "events"      | (one row per event, charted as days between events)     |
| "proportion"  | citizens who got it  | citizens it applied to   |        |
| "rate"        | count of cases       | exposure, e.g. bed-days  |        |
| "count"       | count of cases       |                          |        |

A rate or count with `counted_from` (the code of an "events" indicator) takes
its count per period from that indicator's registered events: a harm is
registered once, as an event, and only the exposure is entered per period.
| "measurement" |                      |                          | value  |

A rate is plotted as numerator / denominator × `multiply` (per 1000 bed-days);
a proportion as numerator / denominator × `multiply` (100: per cent). Goal
values stay in natural units: a share is 0.95, not 95.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Measure = Literal["events", "proportion", "rate", "count", "measurement"]
IndicatorKind = Literal["result", "process", "balancing"]
Improvement = Literal["up", "down"]
GoalKind = Literal["min_days_between", "min_share", "reduce_by"]
ChartType = Literal["run", "p", "u", "c", "g", "t", "i"]
Period = Literal["day", "week", "month"]

MEASURES: tuple[Measure, ...] = ("events", "proportion", "rate", "count", "measurement")
INDICATOR_KINDS: tuple[IndicatorKind, ...] = ("result", "process", "balancing")
IMPROVEMENTS: tuple[Improvement, ...] = ("up", "down")
GOAL_KINDS: tuple[GoalKind, ...] = ("min_days_between", "min_share", "reduce_by")
CHART_TYPES: tuple[ChartType, ...] = ("run", "p", "u", "c", "g", "t", "i")
PERIODS: tuple[Period, ...] = ("day", "week", "month")

# Programme goals of I sikre hænder (KL / Sikker Patient, see BRIEF.md).
DAYS_BETWEEN_GOAL = 300.0  # at least 300 days between new pressure ulcers / serious medication errors
PROCESS_SHARE_GOAL = 0.95  # process indicators: the bundle is delivered at least 95 % of the time
PER_THOUSAND = 1000.0  # rates are counted per 1000 bed-days (or catheter days)
PER_CENT = 100.0  # shares are plotted as per cent


@dataclass(frozen=True)
class Goal:
    """A programme goal: at least `value` days between, at least a share, or reduce by a share."""

    kind: GoalKind
    value: float


@dataclass(frozen=True)
class Package:
    """A clinical package (pakke) that groups result and process indicators."""

    code: str
    name_da: str
    name_en: str


@dataclass(frozen=True)
class IndicatorDefinition:
    """One indicator as shipped: what is counted, how it is charted, and its goal."""

    code: str
    package: str
    name_da: str
    name_en: str
    kind: IndicatorKind
    measure: Measure
    improvement: Improvement
    goal: Goal | None
    chart: ChartType
    period: Period
    multiply: float = 1.0
    unit_da: str = ""
    unit_en: str = ""
    # What the entry card asks for: "23 af 25 triageret", "nyt tryksår", "sengedage".
    numerator_da: str = ""
    numerator_en: str = ""
    denominator_da: str = ""
    denominator_en: str = ""
    # The code of the "events" indicator whose registered events are this one's count per
    # period ("" when the count is entered): one harm, one registration.
    counted_from: str = ""
    # The måleplan: what exactly is counted (one line, shown on the tablet card), the data
    # source, how and when it is collected, sample size and method, and the data owner.
    counts_da: str = ""
    counts_en: str = ""
    source_da: str = ""
    source_en: str = ""
    collection_da: str = ""
    collection_en: str = ""
    sample_da: str = ""
    sample_en: str = ""
    owner_da: str = ""
    owner_en: str = ""


PACKAGES: tuple[Package, ...] = (
    Package("tryksaar", "Tryksår", "Pressure ulcers"),
    Package("medicin", "Medicinering", "Medication"),
    Package("fald", "Fald", "Falls"),
    Package("infektioner", "Infektioner", "Infections"),
    Package("lungebetaendelse", "Lungebetændelse", "Pneumonia"),
    Package("mundpleje", "Mundpleje", "Oral care"),
    Package("tidlig_opsporing", "Tidlig opsporing", "Early detection"),
    Package("ernaering", "Ernæring", "Nutrition"),
    Package("balancering", "Balancering", "Balancing"),
)

_DAYS_GOAL = Goal("min_days_between", DAYS_BETWEEN_GOAL)
_SHARE_GOAL = Goal("min_share", PROCESS_SHARE_GOAL)


def _days_between(code: str, package: str, name_da: str, name_en: str, event_da: str,
                  event_en: str, goal: Goal | None) -> IndicatorDefinition:
    """A result indicator for rare events, charted as days between them."""
    return IndicatorDefinition(
        code, package, name_da, name_en, "result", "events", "up", goal, "run", "day",
        unit_da="dage", unit_en="days", numerator_da=event_da, numerator_en=event_en,
    )


def _per_thousand(code: str, package: str, name_da: str, name_en: str, case_da: str,
                  case_en: str, exposure_da: str, exposure_en: str,
                  reduce_by: float, counted_from: str = "") -> IndicatorDefinition:
    """A result indicator counted per 1000 days of exposure, one figure a month."""
    return IndicatorDefinition(
        code, package, name_da, name_en, "result", "rate", "down", Goal("reduce_by", reduce_by),
        "u", "month", multiply=PER_THOUSAND, unit_da=f"pr. 1000 {exposure_da}",
        unit_en=f"per 1000 {exposure_en}", numerator_da=case_da, numerator_en=case_en,
        denominator_da=exposure_da, denominator_en=exposure_en, counted_from=counted_from,
    )


def _share(code: str, package: str, name_da: str, name_en: str, done_da: str, done_en: str,
           of_da: str, of_en: str, period: Period = "week") -> IndicatorDefinition:
    """A process indicator: the share of citizens who got what they should, goal 95 %."""
    return IndicatorDefinition(
        code, package, name_da, name_en, "process", "proportion", "up", _SHARE_GOAL, "p", period,
        multiply=PER_CENT, unit_da="%", unit_en="%", numerator_da=done_da, numerator_en=done_en,
        denominator_da=of_da, denominator_en=of_en,
    )


CATALOGUE: tuple[IndicatorDefinition, ...] = (
    # Tryksår / pressure ulcers
    _days_between("tryksaar_dage_mellem", "tryksaar", "Dage mellem nye tryksår",
                  "Days between new pressure ulcers", "nyt tryksår", "new pressure ulcer",
                  _DAYS_GOAL),
    _per_thousand("tryksaar_pr_1000_sengedage", "tryksaar", "Nye tryksår pr. 1000 sengedage",
                  "New pressure ulcers per 1000 bed-days", "nye tryksår", "new pressure ulcers",
                  "sengedage", "bed-days", 0.75,
                  counted_from="tryksaar_dage_mellem"),
    _share("tryksaar_bundt", "tryksaar", "Andel i risiko der fik alle elementer i HUSK",
           "Share at risk who got every element of HUSK", "fik alle elementer",
           "got all elements", "borgere i risiko", "citizens at risk"),
    _share("tryksaar_risikovurdering", "tryksaar", "Andel med dokumenteret risikovurdering",
           "Share with a documented risk assessment", "risikovurderet", "risk assessed",
           "borgere", "citizens"),
    # Medicinering / medication
    _days_between("medicinfejl_dage_mellem", "medicin",
                  "Dage mellem alvorlige medicineringsfejl der kræver lægekontakt",
                  "Days between serious medication errors that require contact with a doctor",
                  "medicineringsfejl", "medication error", _DAYS_GOAL),
    IndicatorDefinition(
        "medicinfejl_pr_maaned", "medicin", "Alvorlige medicineringsfejl der kræver lægekontakt pr. måned",
        "Serious medication errors that require contact with a doctor per month", "result", "count", "down",
        Goal("reduce_by", 0.5), "c", "month", unit_da="fejl", unit_en="errors",
        numerator_da="medicineringsfejl", numerator_en="medication errors",
        counted_from="medicinfejl_dage_mellem",
    ),
    _share("medicinafstemning", "medicin", "Andel gennemførte medicinafstemninger",
           "Share of medication reconciliations done", "afstemt", "reconciled",
           "afstemninger der skulle laves", "reconciliations due"),
    # Fald / falls
    _per_thousand("fald_pr_1000_sengedage", "fald", "Fald pr. 1000 sengedage",
                  "Falls per 1000 bed-days", "fald", "falls", "sengedage", "bed-days", 0.5,
                  counted_from="fald_dage_mellem"),
    _per_thousand("faldskader_pr_1000_sengedage", "fald", "Faldskader pr. 1000 sengedage",
                  "Fall injuries per 1000 bed-days", "faldskader", "fall injuries",
                  "sengedage", "bed-days", 0.5),
    _days_between("fald_dage_mellem", "fald", "Dage mellem fald", "Days between falls",
                  "fald", "fall", _DAYS_GOAL),
    _share("fald_bundt", "fald", "Andel faldende der fik alle elementer i pakken",
           "Share of fallers who got all bundle elements", "fik alle elementer",
           "got all elements", "borgere der faldt", "citizens who fell"),
    # Infektioner / infections
    _per_thousand("kateter_uvi_pr_1000_kateterdage", "infektioner",
                  "Kateterrelaterede urinvejsinfektioner pr. 1000 kateterdage",
                  "Catheter-associated UTIs per 1000 catheter days", "infektioner",
                  "infections", "kateterdage", "catheter days", 0.5,
                  counted_from="kateter_uvi_dage_mellem"),
    _days_between("kateter_uvi_dage_mellem", "infektioner",
                  "Dage mellem kateterrelaterede urinvejsinfektioner",
                  "Days between catheter-associated UTIs", "urinvejsinfektion",
                  "urinary tract infection", None),
    _share("kateter_indikation", "infektioner", "Andel katetre med dokumenteret indikation",
           "Share of catheters with a documented indication", "med indikation",
           "with indication", "katetre", "catheters"),
    _share("haandhygiejne", "infektioner", "Efterlevelse af håndhygiejne",
           "Hand-hygiene compliance", "korrekt udført", "done correctly", "observationer",
           "observations"),
    # Lungebetændelse / pneumonia
    _per_thousand("lungebetaendelse_pr_1000_sengedage", "lungebetaendelse",
                  "Lungebetændelser pr. 1000 sengedage", "Pneumonia per 1000 bed-days",
                  "lungebetændelser", "pneumonias", "sengedage", "bed-days", 0.25,
                  counted_from="lungebetaendelse_dage_mellem"),
    _days_between("lungebetaendelse_dage_mellem", "lungebetaendelse",
                  "Dage mellem lungebetændelser", "Days between pneumonias",
                  "lungebetændelse", "pneumonia", None),
    # Mundpleje / oral care
    _share("mundpleje_screenet", "mundpleje", "Andel screenet for mundsundhed",
           "Share screened for oral health", "screenet", "screened", "borgere", "citizens"),
    _share("mundpleje_tandboerstning", "mundpleje", "Andel der får børstet tænder to gange dagligt",
           "Share with teeth brushed twice daily", "børstet to gange", "brushed twice",
           "borgere", "citizens"),
    # Tidlig opsporing / early detection
    _days_between("forebyggelige_indlaeggelser_dage_mellem", "tidlig_opsporing",
                  "Dage mellem forebyggelige indlæggelser af borgere der har en kontakt med kommunen",
                  "Days between preventable admissions of citizens in contact with the municipality", "forebyggelig indlæggelse",
                  "preventable admission", None),
    _share("triage_dagligt", "tidlig_opsporing", "Andel borgere triageret dagligt",
           "Share of citizens triaged daily", "triageret", "triaged", "borgere", "citizens",
           period="day"),
    _share("triage_roed_handleplan", "tidlig_opsporing",
           "Andel røde med handleplan inden for vagten",
           "Share red with an action plan within the shift", "med handleplan",
           "with action plan", "røde borgere", "citizens triaged red"),
    _share("triage_gul_handleplan", "tidlig_opsporing",
           "Andel gule med handleplan inden for 48 timer",
           "Share yellow with an action plan within 48 hours", "med handleplan",
           "with action plan", "gule borgere", "citizens triaged yellow"),
    # Ernæring / nutrition: unplanned weight loss found by weighing, screening and a plan.
    # Names follow the package's bundle; check the goals against the programme's måleplan.
    IndicatorDefinition(
        "ernaering_uplanlagt_vaegttab", "ernaering", "Andel borgere med uplanlagt vægttab",
        "Share of citizens with unplanned weight loss", "result", "proportion", "down", None,
        "p", "month", multiply=PER_CENT, unit_da="%", unit_en="%",
        numerator_da="med uplanlagt vægttab", numerator_en="with unplanned weight loss",
        denominator_da="vejede borgere", denominator_en="citizens weighed",
    ),
    _share("ernaering_vejet", "ernaering", "Andel borgere vejet mindst én gang om måneden",
           "Share of citizens weighed at least once a month", "vejet", "weighed", "borgere",
           "citizens", period="month"),
    _share("ernaering_screenet", "ernaering", "Andel screenet for ernæringsrisiko",
           "Share screened for nutritional risk", "screenet", "screened", "borgere",
           "citizens"),
    _share("ernaering_plan", "ernaering", "Andel i ernæringsrisiko med en ernæringsplan",
           "Share at nutritional risk with a nutrition plan", "med ernæringsplan",
           "with a nutrition plan", "borgere i ernæringsrisiko", "citizens at nutritional risk"),
    # Balancering / balancing: does the improvement cost something elsewhere?
    IndicatorDefinition(
        "magtanvendelser_pr_maaned", "balancering", "Magtanvendelser pr. måned",
        "Uses of restraint per month", "balancing", "count", "down", None, "c", "month",
        unit_da="magtanvendelser", unit_en="uses of restraint",
        numerator_da="magtanvendelser", numerator_en="uses of restraint",
    ),
)


# What the built-in harms count, as the programme defines them; a starting point for each
# unit's måleplan (source, collection, sample and owner are the unit's own to fill in).
_COUNTS: dict[str, tuple[str, str]] = {
    "tryksaar_dage_mellem": (
        "Nyt tryksår kategori 2–4 eller ikke-kategoriserbart, opstået i enheden",
        "A new pressure ulcer of category 2–4 or unstageable, arisen in the unit"),
    "fald_dage_mellem": (
        "Et fald: borgeren ender utilsigtet på gulvet eller et lavere niveau",
        "A fall: the citizen comes to rest on the floor or a lower level unintentionally"),
    "medicinfejl_dage_mellem": (
        "En fejl i ordination, dosering eller givning, der gør lægekontakt nødvendig",
        "An error in prescribing, dispensing or giving that makes a doctor contact necessary"),
    "kateter_uvi_dage_mellem": (
        "Urinvejsinfektion hos en borger med kateter, behandlet efter lægens vurdering",
        "A urinary tract infection in a citizen with a catheter, treated on a doctor's word"),
    "lungebetaendelse_dage_mellem": (
        "Lungebetændelse konstateret af læge", "Pneumonia found by a doctor"),
    "forebyggelige_indlaeggelser_dage_mellem": (
        "Indlæggelse med en af de forebyggelige diagnoser hos en borger med en kommunal indsats",
        "An admission with one of the preventable diagnoses of a citizen the municipality serves"),
}
CATALOGUE = tuple(
    replace(indicator, counts_da=_COUNTS[indicator.code][0], counts_en=_COUNTS[indicator.code][1])
    if indicator.code in _COUNTS else indicator for indicator in CATALOGUE)


def definition(code: str) -> IndicatorDefinition:
    """Return the built-in indicator with this code, or raise KeyError naming it."""
    for indicator in CATALOGUE:
        if indicator.code == code:
            return indicator
    raise KeyError(f"no built-in indicator with code {code!r}")
