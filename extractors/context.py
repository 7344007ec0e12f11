"""What a family extractor gets: the document's layout, the record sink and the actor resolver."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.normalise.actors import ActorResolver
from extractors.pdf.structures import DocumentLayout
from extractors.result import Extraction


@dataclass(slots=True)
class ExtractionContext:
    layout: DocumentLayout
    result: Extraction
    actors: ActorResolver

    @property
    def doc_id(self) -> str:
        return self.result.doc_id

    @property
    def language(self) -> str:
        return self.result.info.language
