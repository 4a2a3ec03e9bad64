"""Progress and learning records: who has reviewed which parts of a briefing, kept safely.

:mod:`.store` is the one module that knows where and how records are kept (SQLite today, perhaps a
partnership's shared database later); everything else here computes from what it returns:
:mod:`.recorder` turns learning events into records, :mod:`.summary` works out progress against a
pack, :mod:`.xapi` exports statements, and :mod:`.cpd` drafts a CPD record. :mod:`.roles` is the
list of roles a profile may have, light enough for a command line's ``--help``.

This package imports nothing itself, so that naming a submodule costs only that submodule.
"""
