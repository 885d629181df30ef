"""English strings: Forside: demo data and where to start."""

STRINGS: dict[str, str] = {
    "home.empty": "The database is empty. Load the demo municipality to see three units with two years of data on their boards in a moment.",
    "home.demo.button": "Load the demo municipality",
    "home.demo.loading": "Loading the demo municipality …",
    "home.demo.done": "The demo municipality is loaded. Choose a unit below.",
    "home.start": "Where to start",
    "home.start.board": "Board",
    "home.start.entry": "Register",
    "home.start.kiosk": "Wall screen",
}
