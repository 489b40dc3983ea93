"""Widgets of the review TUI's main screen."""
