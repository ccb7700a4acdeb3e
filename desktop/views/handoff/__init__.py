"""The data exchange screens (USB handoff): export, import, conflicts, submissions, keys,
and the backup and start-up pieces that keep the database safe."""
