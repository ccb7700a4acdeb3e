"""The Reports screen: preview, produce, sign, print, copy and verify statistical reports."""
