"""The person page and the dialogs it opens."""
