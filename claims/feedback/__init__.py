"""What readers send the desk (a claim to check, an error to correct) and what the desk tells
them about itself (the About page). Models and services; the public forms are in
`claims.public.feedback`, the triage queue in `claims.admin.feedback`."""
