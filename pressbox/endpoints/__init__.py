"""REST controllers: one for every post type, one for every taxonomy, and the rest."""
