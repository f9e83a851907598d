"""The database backend's index (one row per searchable object) and the staff's synonym list.

On SQLite an FTS5 table mirrors the analysed columns through triggers; on PostgreSQL a GIN index
over their tsvector serves the matching (see the migrations).
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.analysis import words


class IndexEntry(models.Model):
    kind = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    public = models.BooleanField(default=True)
    visible_until = models.DateField(null=True, blank=True)
    url = models.CharField(max_length=500, blank=True)
    # "topic:<slug> municipality:<slug> language:<code>", one token per facet value
    facet_terms = models.TextField(blank=True)
    # " actor:<pk> staff ": who may find the entry besides the public (SearchDocument.audience)
    audience = models.TextField(blank=True, default="")
    # {"ar": {"title": …, "body": …}, …}: the text translated, shown to readers of the language
    translations = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["kind", "public"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"


SYNONYMS_CACHE_KEY = "search:synonyms:v1"


class Synonym(models.Model):
    """Words that mean the same to the people searching, kept by agency staff.

    The database backend widens each query word to its group; Elasticsearch gets the groups as
    a synonym filter when its index is built (`manage.py search_index rebuild`).
    """

    terms = models.CharField(
        _("Begriffe"),
        max_length=500,
        unique=True,
        help_text=_(
            "Gleichbedeutende Wörter, durch Kommas getrennt, "
            "z. B. „Deutschkurs, Sprachkurs, Integrationskurs“."
        ),
    )

    class Meta:
        verbose_name = _("Synonym")
        verbose_name_plural = _("Synonyme")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        result = super().delete(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)
        return result

    @property
    def words(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self) -> None:
        group = self.words
        if len(group) < 2:
            raise ValidationError({"terms": _("Bitte mindestens zwei Wörter angeben.")})
        for term in group:
            if words(term) != [term]:
                raise ValidationError(
                    {"terms": _("„%(term)s“ ist nicht ein einzelnes Wort.") % {"term": term}}
                )
        self.terms = ", ".join(group)
