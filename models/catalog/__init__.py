"""The province's units and criteria sets, loaded from configuration into rows."""
