"""Screens and modal dialogs of the review TUI."""
