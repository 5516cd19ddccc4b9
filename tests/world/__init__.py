"""The one world factory of the test suites: plain functions that build real rows, by layer.

catalog (units, the tiny criteria set) ← campaigns (plan + campaign rows, stages) ← scoring
(open self-assessment, submissions) ← people, web, scenery, served, lai_chau; plans writes YAML
and launches it through the plan launcher; plan_lifecycle launches (and amends) a plan with every
lifecycle stage; tick drives and reads a launched world.
"""
