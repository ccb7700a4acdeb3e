"""The People screen: the searchable table of everyone in the unit, and the reception wizard."""
