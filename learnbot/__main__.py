"""`python -m learnbot` runs the same command line as the `learnbot` script."""

from learnbot.cli.main import entry

entry()
