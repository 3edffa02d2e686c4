"""The ``moodhood`` command line (needs the ``cli`` extra)."""
