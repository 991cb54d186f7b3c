"""Database-specific code: triggers, full-text search, explicit SQL, backups."""
