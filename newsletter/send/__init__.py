"""Sending a built issue: the command (run), delivery over SMTP, the send history, subscriber lists,
SMTP settings and per-recipient personalisation."""
