"""The monthly report's Danish words (the default language)."""

TEXTS: dict[str, str] = {
    "report.title": "Månedsrapport",
    "units.one": "{count} enhed",
    "units.many": "{count} enheder",
    "points.one": "{count} punkt",
    "points.many": "{count} punkter",
    "areas.one": "{count} område",
    "areas.many": "{count} områder",
    # Cover
    "cover.kicker": "TAVLE · FORBEDRINGSDATA FOR I SIKRE HÆNDER",
    "cover.organisation": "Organisation",
    "cover.scope": "Rapporten dækker",
    "cover.scope.unit": "{name} (enhed)",
    "cover.scope.area": "{name} (område), {units}",
    "cover.scope.municipality": "Hele kommunen, {units}",
    "cover.scope.counted": "{head} i {areas} (se oversigten)",
    "cover.period": "Periode",
    "cover.period_value": "{first}.–{last}. {month}",
    "cover.as_of": "(tal til og med {date})",
    "cover.rules": "Regler for signaler",
    "cover.generated": "Dannet",
    "cover.generated_value": "{date} kl. {time}",
    "cover.sharing": "Deling",
    "cover.internal": "Til teamet og ledelsen: alle tal vises.",
    "cover.shared": ("Til deling uden for teamet: antal fra 1 til 4 vises som <5, og andele og "
                     "rater beregnet af dem er skjult."),
    "cover.summary": "Status for {month}",
    "cover.goals": ("Mål nået: {met} af {total} indikatorer med mål. "
                    "Ændringer (PDSA) noteret i {month}: {changes}."),
    "cover.list.deterioration": "Tegn på forværring",
    "cover.list.improvement": "Tegn på forbedring",
    "cover.list.more": "… og {count} mere (se oversigten)",
    "cover.how_to_read.title": "Sådan læses rapporten",
    "cover.how_to_read.anhoej": (
        "Hvert diagram viser indikatorens tal over tid. Seriediagrammer har medianen som "
        "midtlinje; kontroldiagrammer har middelværdien og kontrolgrænser (3 sigma; for andele nær 0 eller 100 % grænser"
        " med samme sandsynlighed ud fra binomialfordelingen). "
        "Anhøj-reglerne skelner tilfældig fra ikke-tilfældig variation: en usædvanligt lang "
        "serie af punkter på samme side af midtlinjen, eller usædvanligt få kryds af den, er "
        "et signal, og på kontroldiagrammer også et punkt uden for kontrolgrænserne. "
        "▲ er tegn på forbedring, ▼ på forværring og ◆ en særlig årsag uden retning. "
        "En stiplet lodret linje er en ændring (PDSA), som teamet har noteret."),
    "cover.how_to_read.ihi": (
        "Hvert diagram viser indikatorens tal over tid. Seriediagrammer har medianen som "
        "midtlinje; kontroldiagrammer har middelværdien og kontrolgrænser (3 sigma; for andele nær 0 eller 100 % grænser"
        " med samme sandsynlighed ud fra binomialfordelingen). IHI-reglerne "
        "giver et signal ved et skift (seks punkter i træk på samme side af midtlinjen), en trend "
        "(fem punkter i træk der stiger eller falder), for få eller for mange serier, og et punkt uden for kontrolgrænserne. "
        "▲ er tegn på forbedring, ▼ på forværring og ◆ en særlig årsag uden retning. "
        "En stiplet lodret linje er en ændring (PDSA), som teamet har noteret."),
    "cover.how_to_read.nhs": (
        "Hvert diagram viser indikatorens tal over tid med middelværdien og procesgrænser. "
        "Making Data Count giver et signal ved et punkt uden for grænserne, syv punkter i træk "
        "der stiger eller falder, syv punkter i træk på samme side af middelværdien, eller to "
        "af tre punkter nær en grænse. ▲ er tegn på forbedring, ▼ på forværring og ◆ en særlig "
        "årsag uden retning. En stiplet lodret linje er en ændring (PDSA)."),
    "rules.anhoej": "Anhøj-reglerne (seriediagrammer) og 3-sigma-grænser (kontroldiagrammer)",
    "rules.ihi": "IHI-reglerne (Perla, Provost og Murray 2011)",
    "rules.nhs": "NHS Making Data Count",
    # Overview
    "summary.title": "Oversigt",
    "summary.intro": ("Én række pr. enhed og indikator. Seneste er den sidste periode med tal til "
                       "og med {date}; vurderingen gælder hele diagrammet frem til da."),
    "summary.empty": "Der er ingen aktive indikatorer i rapportens enheder.",
    "summary.column.indicator": "Indikator",
    "summary.column.period": "Seneste periode",
    "summary.column.latest": "Seneste",
    "summary.column.verdict": "Vurdering",
    "summary.column.goal": "Mål",
    "summary.column.days_since": "Dage siden hændelse",
    "goal.met": "Nået",
    "goal.not_met": "Ikke nået",
    "goal.no_goal": "Intet mål",
    "goal.no_data": "Ingen data",
    "value.hidden": "skjult (<5)",
    "value.hidden_short": "skjult",
    # Charts
    "charts.title": "Diagrammer",
    "charts.none": "Enheden har ingen aktive indikatorer.",
    "chart.no_data": "Ingen tal endnu.",
    "chart.pattern_period": "Mønstret ses fra {first} til {last}, ikke i de seneste punkter.",
    "chart.hidden": ("Små tal skjult: {points} bygger på antal fra 1 til 4 og er ikke vist. "
                     "Midtlinje, grænser og vurdering bygger på alle tal."),
    "chart.changes": "Ændringer i {month}",
    "chart.notes": "Noter i {month}",
    "chart.goal": "mål {target}",
    "chart.days_since.one": "{days} dag siden sidste hændelse",
    "chart.days_since": "{days} dage siden sidste hændelse",
    "chart.days_without.one": "{days} dag uden {event}, siden målingen begyndte {date}",
    "chart.days_without": "{days} dage uden {event}, siden målingen begyndte {date}",
    "summary.days_without": "{days} uden",
    "chart.type.run": "seriediagram",
    "chart.type.p": "P-kort (andel)",
    "chart.type.pp": "P′-kort (andel)",
    "chart.type.u": "U-kort (rate)",
    "chart.type.up": "U′-kort (rate)",
    "chart.type.c": "C-kort (antal)",
    "chart.type.i": "I-kort (enkeltværdier)",
    "chart.type.mr": "MR-kort (variationsbredde)",
    "chart.type.xbar": "X̄-kort (gennemsnit)",
    "chart.type.s": "S-kort (standardafvigelse)",
    "chart.type.g": "G-kort (dage mellem hændelser)",
    "chart.type.t": "T-kort (tid mellem hændelser)",
    "chart.type.ip": "I-kort",
    "indicator.kind.result": "resultatindikator",
    "indicator.kind.process": "procesindikator",
    "indicator.kind.balancing": "ulempeindikator",
    "axis.days_between": "Dage mellem hændelser",
    # Patient-safety calendar
    "calendar.title": "Patientsikkerhedskalender, {month}",
    "calendar.intro": ("Én rubrik pr. dag, som på tavlen: grøn (✓) er en dag bekræftet uden hændelsen, "
                       "rød (✗) en dag med hændelsen, hvid en dag ingen har bekræftet."),
    "calendar.weekdays": "ma ti on to fr lø sø",
    "calendar.summary": "{safe} bekræftet uden · {event} med hændelse · {blank} ikke bekræftet",
    "days.one": "{count} dag",
    "days.many": "{count} dage",
    # The måleplan ("Om målingen")
    "plan.title": "Om målingen",
    "plan.counts": "Hvad tælles",
    "plan.source": "Datakilde",
    "plan.collection": "Indsamling",
    "plan.sample": "Stikprøve",
    "plan.owner": "Dataansvarlig",
    # Appendix
    "appendix.title": "Bilag: tallene bag diagrammerne",
    "appendix.intro": ("Hvert diagrams punkter som tabel, i samme rækkefølge som i diagrammet. "
                       "Symbolet i sidste kolonne er punktets signal i diagrammet."),
    "appendix.shared": "Antal fra 1 til 4 vises som <5; andele og rater beregnet af dem er skjult.",
    "appendix.column.period": "Periode",
    "appendix.column.date": "Dato",
    "appendix.column.numerator": "Tæller",
    "appendix.column.denominator": "Nævner",
    "appendix.column.proportion": "Andel",
    "appendix.column.rate": "Rate",
    "appendix.column.count": "Antal",
    "appendix.column.days": "Dage",
    "appendix.column.value": "Værdi",
    "appendix.note.share": "Tæller: {numerator} · Nævner: {denominator} · Andel i %",
    "appendix.note.rate": "Tæller: {numerator} · Nævner: {denominator} · Rate {unit}",
    "appendix.note.events": "Dage siden forrige {event}; ○ er dagene siden den seneste (åben)",
    # Page header and footer
    "footer.period": "Periode {first} – {last}",
    "footer.shared": "til deling, små tal skjult",
    "footer.page": "Side {page} af {pages}",
}
