"""Danish strings: the app's name, navigation, shared labels and the home page's introduction."""

STRINGS: dict[str, str] = {
    "app.title": "Tavle",
    "app.tagline": "Forbedringsdata for I sikre hænder",
    "nav.home": "Forside",
    "nav.entry": "Registrér",
    "nav.board": "Tavle",
    "nav.analysis": "Diagrammer",
    "nav.reports": "Rapporter",
    "nav.admin": "Administration",
    "unit.label": "Enhed",
    "unit.none": "Der er ingen enheder endnu. Indlæs demodata på forsiden, eller opret enheder under Administration.",
    "history.whole": "Vis hele historikken",
    "history.whole_help": "Diagrammerne viser ellers de seneste {years} år (og en fastfrosset baseline). Hele historikken tager længere tid at læse.",
    "notice.undo": "Fortryd",
    "language.label": "Sprog",
    "home.intro": (
        "Tavle samler jeres proces- og resultatindikatorer og viser dem som "
        "seriediagrammer og kontroldiagrammer, så I kan se forskel på tilfældig "
        "og ikke-tilfældig variation på tavlemødet."
    ),
    "home.how": "Sådan bruger I Tavle",
    "home.step.entry": "**Registrér**: skriv dagens tal ind på tabletten på under et minut.",
    "home.step.board": "**Tavle**: vis dage siden sidste hændelse og diagrammerne på tavlemødet.",
    "home.step.analysis": "**Diagrammer**: dyk ned i en indikator, frys en baseline, markér en PDSA-ændring.",
    "home.step.reports": "**Rapporter**: hent en månedsrapport som PDF til ledelsen.",
    "home.step.admin": "**Administration**: enheder, indikatorer, import og eksport.",
    "page.coming": "Denne side bygges nu. Brug forsiden for at komme i gang.",
}
