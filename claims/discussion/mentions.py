"""@mentions in a comment: "@rita, can you look?" names the user `rita`. Plain Python."""

from __future__ import annotations

import re

# A Django username is letters, digits and @ . + - _; the mention starts after a space or
# punctuation (so an e-mail address is no mention), and a trailing full stop ends the sentence.
MENTION = re.compile(r"(?<![\w.@+-])@([\w.@+-]+)")


def mentioned_usernames(body: str) -> list[str]:
    """The usernames mentioned in `body`, each once, in order."""
    names: list[str] = []
    for match in MENTION.finditer(body):
        name = match.group(1).rstrip(".")
        if name and name not in names:
            names.append(name)
    return names
