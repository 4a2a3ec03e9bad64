"""The command line. Its plain commands (validate, show, export, ask, chat, progress ...) import no
Textual, so they start fast; only the commands that open the app import the UI, and only when run.
"""
