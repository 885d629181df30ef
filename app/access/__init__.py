"""Signing in and who is signed in: password, PIN on a unit tablet, single sign-on, idle sign-out."""
