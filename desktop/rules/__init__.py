"""The legal rule set: pure, dated functions over dates — no database, no Qt."""
