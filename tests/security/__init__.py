"""Security and robustness tests (issue #7): roles, audit, crashes, fuzzing."""
