"""Encryption at rest: the key file (`keyfile`) and encrypted databases (`encryption`).

See docs/security.md for the threat model and the reasons behind each choice.
"""
