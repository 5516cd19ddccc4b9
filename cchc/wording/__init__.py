"""Every Vietnamese word the users read: numbers, dates, days left, labels, messages, titles."""
