"""The review TUI (Textual). Only this package imports textual."""
