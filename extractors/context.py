"""What a family extractor gets: the document's layout, the record sink and the actor resolver."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractors.normalise.actors import ActorResolver
from extractors.pdf.structures import DocumentLayout
from extractors.result import Extraction

if TYPE_CHECKING:
    from extractors.families.sections import Section


@dataclass(slots=True)
class ExtractionContext:
    layout: DocumentLayout
    result: Extraction
    actors: ActorResolver
    _sections: list[Section] | None = field(default=None, repr=False)
    cell_ids: dict[int, str] = field(default_factory=dict)  # id(layout Cell) -> table_cells.cell_id
    ner_model: bool = False  # the finder also asks the trained organisation NER (extractors.nlp.learned_orgs)

    def __post_init__(self) -> None:
        self.actors.set_home(self.result.info.issuer)

    def sections(self) -> list[Section]:
        """The heading tree (root sections), built once and shared by every step that reads it."""
        if self._sections is None:
            from extractors.families.sections import build_sections

            self._sections = build_sections(self.layout)
        return self._sections

    @property
    def doc_id(self) -> str:
        return self.result.doc_id

    @property
    def language(self) -> str:
        return self.result.info.language
