"""Integrations with other tools; each is an optional extra (pip install zhproof[ray])."""
