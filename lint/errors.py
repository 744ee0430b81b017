"""The errors statlint reports to the user (exit 2): each message names the file, line or
key. Kept apart so that catching one costs no import of the module that raises it."""

from __future__ import annotations


class StatlintError(Exception):
    """A problem with the input or the settings, with a message for the user."""


class DocumentError(StatlintError):
    """A file that could not be read; the message names the file."""


class ConfigError(StatlintError):
    """A configuration file that cannot be used; the message names the file and key."""


class BaselineError(StatlintError):
    """A baseline file that cannot be read or written; the message names it."""


class ChangesError(StatlintError):
    """git could not say what changed; the message says why."""


class RegistryError(StatlintError):
    """A registry that cannot be used; `problems` are 'file:line: path: message' lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems
