"""One service entry per act; every adapter calls these (see README.md)."""
