"""factcheck: fact-check a batch of news articles in the terminal."""

__version__ = "0.1.0"
