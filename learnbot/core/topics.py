"""The quiz topics, as plain names: importable by the command line without loading the quiz engine."""

ESCALATION = "escalation"
VOICE_OF_THE_CHILD = "voice-of-the-child"
MIXED = "mixed"

SCENARIO_TOPICS: tuple[str, ...] = (ESCALATION, VOICE_OF_THE_CHILD)
"""The topics a scenario may have."""
QUIZ_TOPICS: tuple[str, ...] = (ESCALATION, VOICE_OF_THE_CHILD, MIXED)
"""The topics a quiz can be asked for; ``mixed`` alternates between the others."""
TOPIC_NAMES: dict[str, str] = {ESCALATION: "Escalation", VOICE_OF_THE_CHILD: "Voice of the child", MIXED: "Mixed"}
"""Each topic as the screens name it."""
