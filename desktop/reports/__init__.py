"""Reports: the one figure computation (REPORTS.md §3), and the forms built on it."""
