"""Delivery channels: names stored on outbox rows, resolved to apprise URLs at send time."""
