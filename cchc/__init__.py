"""Shared core of cchc-flow: settings, errors, the clock and the database engine."""
