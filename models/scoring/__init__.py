"""Self-assessments with evidence, appraisals, survey points and the council."""
