"""newsletter: turn a week's stories into an email, a plain-text version and a web page."""

__version__ = "0.1.0"
