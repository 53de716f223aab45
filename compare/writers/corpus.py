"""What `tilmash corpus --json` prints: the documents read, their languages and passages, and
the groups they form."""

from __future__ import annotations

import json

from compare.corpus import Corpus


def corpus_to_json(corpus: Corpus) -> str:
    data = {
        "documents": [
            {
                "id": doc.id,
                "path": str(doc.path),
                "format": doc.format,
                "encoding": doc.encoding,
                "lang": doc.lang,
                "declared_lang": doc.declared_lang,
                "detected_lang": doc.detected.lang,
                "detected_confidence": round(doc.detected.confidence, 3),
                "detected_other": doc.detected.other,
                "lang_mismatch": doc.lang_mismatch,
                "passages": [
                    {
                        "index": p.index,
                        "kind": p.kind,
                        "lang": p.lang,
                        "text": p.text,
                        "segment": p.segment,
                    }
                    for p in doc.passages
                ],
            }
            for doc in corpus.documents.values()
        ],
        "groups": [
            {"id": g.id, "relation": g.relation, "members": list(g.members)} for g in corpus.groups
        ],
        "missing_catalogue_texts": list(corpus.missing),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
