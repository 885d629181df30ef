"""English strings: the app's name, navigation, shared labels and the home page's introduction."""

STRINGS: dict[str, str] = {
    "app.title": "Tavle",
    "app.tagline": "Improvement data for In Safe Hands",
    "nav.home": "Home",
    "nav.entry": "Register",
    "nav.board": "Board",
    "nav.analysis": "Charts",
    "nav.reports": "Reports",
    "nav.admin": "Administration",
    "unit.label": "Unit",
    "unit.none": "There are no units yet. Load the demo data on the home page, or create units under Administration.",
    "history.whole": "Show the whole history",
    "history.whole_help": "Otherwise the charts show the last {years} years (and a frozen baseline). The whole history takes longer to read.",
    "notice.undo": "Undo",
    "language.label": "Language",
    "home.intro": (
        "Tavle collects your process and outcome indicators and shows them as "
        "run charts and control charts, so that you can tell random from "
        "non-random variation at the board meeting."
    ),
    "home.how": "How to use Tavle",
    "home.step.entry": "**Register**: enter today's figures on the tablet in under a minute.",
    "home.step.board": "**Board**: show days since the last event and the charts at the board meeting.",
    "home.step.analysis": "**Charts**: dig into an indicator, freeze a baseline, mark a PDSA change.",
    "home.step.reports": "**Reports**: download a monthly PDF report for management.",
    "home.step.admin": "**Administration**: units, indicators, import and export.",
    "page.coming": "This page is being built. Start from the home page.",
}
