"""The database: schema, migrations and the persistence of scores, targets,
province aliases and published groups."""
