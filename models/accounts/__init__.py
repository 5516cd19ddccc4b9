"""Users, their roles and scope, and API tokens."""
