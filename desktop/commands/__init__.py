"""Headless jobs behind the CLI's sub-commands; each returns an exit code."""
