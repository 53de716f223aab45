"""What every reader returns, so the rest of tilmash never looks at file formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Block:
    """One paragraph-like block of text, with the structural label the source gave it (if any).

    `label` carries legal or document structure ("Section 3", "2.1", "Heading") so that
    findings can later point at "section 3, paragraph 2".
    """

    text: str
    label: str | None = None
    kind: str | None = None  # "apparatus" for editorial notes, contents and notices
    # Place in the legal structure, headings included; derived from the blocks before it, so
    # not part of what a block is (two blocks with one text and label are equal).
    path: str | None = field(default=None, compare=False)
    # The id of the segment a bilingual file (XLIFF, TMX, PO) gives this block: the block is
    # one passage, aligned with the same segment of the other languages.
    segment: str | None = None


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (newlines, tabs, no-break spaces) into one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class RawDocument:
    """The text of one file as a sequence of blocks, plus how it was read."""

    path: Path
    format: str  # "txt", "md", "html", "docx", "pdf"
    blocks: tuple[Block, ...]
    encoding: str | None = None  # for byte formats decoded by tilmash (txt, md, html)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)
