"""The reproducibility signature names what decides the vectors."""

import datetime as dt

from compare.signature import Signature

DATE = dt.date(2026, 1, 16)
DIGEST = "sha256:" + "ab" * 32


def test_an_engine_recipe_and_precision_are_in_the_signature() -> None:
    name = "multilingual-e5-small (openvino)"
    fields = Signature(name, f"{name} v1 bf16@{DIGEST}", {"k": 1}, DATE).fields()
    assert fields["model"] == f"{name} v1 bf16"
    assert fields["signature"] == (
        f"tilmash:{fields['tool'].split()[1]}|model:{name} v1 bf16@sha256:abababababab"
        "|k:1|date:2026-01-16"
    )


def test_a_model_without_a_checksum_is_named_by_its_name() -> None:
    fields = Signature("LaBSE", "/models/LaBSE", {}, DATE).fields()
    assert fields["model"] == "LaBSE"
    assert fields["checksum"] == "/models/LaBSE"
