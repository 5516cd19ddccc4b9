"""The notification outbox: one row per message, unique by idempotency key."""
