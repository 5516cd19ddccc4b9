"""Plans, campaigns, stages, per-unit assignments, extensions, facts, and launching a plan."""
