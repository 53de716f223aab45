"""What every reader returns, so the rest of tilmash never looks at file formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Block:
    """One paragraph-like block of text, with the structural label the source gave it (if any).

    `label` carries legal or document structure ("Section 3", "2.1", "Heading") so that
    findings can later point at "section 3, paragraph 2".
    """

    text: str
    label: str | None = None


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
