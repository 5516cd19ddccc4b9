"""The JSON API, one router per role; every route is thin: look up, check scope, call the domain."""
