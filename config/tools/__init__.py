"""Scripts that wrote the big YAML files in config/ (the YAML is the source of truth)."""
