"""Authentication (application passwords) and authorization (roles and capabilities)."""
