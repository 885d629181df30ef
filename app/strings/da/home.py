"""Danish strings: Forside: demo data and where to start."""

STRINGS: dict[str, str] = {
    "home.empty": "Databasen er tom. Indlæs demo-kommunen, så ser du tre enheder med to års data på tavlerne om et øjeblik.",
    "home.demo.button": "Indlæs demo-kommunen",
    "home.demo.loading": "Indlæser demo-kommunen …",
    "home.demo.done": "Demo-kommunen er indlæst. Vælg en enhed herunder.",
    "home.start": "Hvor starter I?",
    "home.start.board": "Tavle",
    "home.start.entry": "Registrér",
    "home.start.kiosk": "Vægskærm",
}
