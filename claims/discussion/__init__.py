"""Staff talk on claims and what each person is told: comments (with @mentions) on a claim and
its reviews, and notifications, in the admin and by e-mail. Neither is ever public.

An app of its own (label `discussion`): it watches the claims domain through signals
(`signals.py`, connected in `apps.py`) and the claims app does not know it.
"""
