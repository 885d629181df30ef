"""`python -m indicators`: the command-line contract (see indicators/cli.py)."""

from indicators.cli import main

main()
