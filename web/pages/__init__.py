"""The server-rendered dashboard (Vietnamese HTML, Jinja2 with autoescape, no JS build)."""
