"""pressbox: the WordPress REST API, served by Python on WordPress's own tables."""

__version__ = "0.1.0"
