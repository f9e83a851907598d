"""The database backend's index: one row per searchable object.

On SQLite an FTS5 table mirrors the analysed columns through triggers; on PostgreSQL a GIN index
over their tsvector serves the matching (see the migrations).
"""

from __future__ import annotations

from django.db import models


class IndexEntry(models.Model):
    kind = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    public = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["kind", "public"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
