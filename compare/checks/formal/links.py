"""Web and e-mail addresses that differ or are missing between the versions of a unit.

An address is copied, never translated, so any difference is a content error (major): a
changed link sends the reader elsewhere, a dropped e-mail leaves them without the contact.
Localised sites name the page's language in the path ("/kaz/docs/…", "/rus/docs/…"); such
segments are ignored when addresses are compared.
"""

from __future__ import annotations

import re

from compare.checks.base import Finding, UnitText
from compare.checks.formal.base import FormalCheck, present, span
from compare.checks.wording import names, names_verb
from compare.lang.formal import EMAIL, URL, URL_LANGUAGE_SEGMENTS, URL_TRAILING

_LABEL = {"url": "URL", "email": "E-mail address"}
_SCHEME = re.compile(r"^(?:https?://|ftp://)?(?:www\.)?", re.IGNORECASE)


def comparable_url(url: str) -> str:
    """A URL without scheme, "www.", letter case of the host, trailing "/" and language segments."""
    rest = _SCHEME.sub("", url)
    host, _, path = rest.partition("/")
    segments = [s for s in re.split(r"[/?&=]", path) if s.lower() not in URL_LANGUAGE_SEGMENTS]
    return "/".join([host.lower(), *segments]).rstrip("/")


def addresses(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, comparable form, start, end) of every URL and e-mail address in a text."""
    found = []
    taken: list[range] = []
    for match in URL.finditer(text):
        raw = match.group().rstrip(URL_TRAILING)
        start = match.start()
        found.append(("url", comparable_url(raw), start, start + len(raw)))
        taken.append(range(start, start + len(raw)))
    for match in EMAIL.finditer(text):
        if not any(match.start() in r for r in taken):
            found.append(("email", match.group().lower(), match.start(), match.end()))
    return found


class LinksCheck(FormalCheck):
    """Flags URLs and e-mail addresses that one version has and another lacks or changed."""

    name = "links"

    def check_unit(self, unit: UnitText) -> list[Finding]:
        keys = present(unit)
        if len(keys) < 2:
            return []
        where: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
        for key in keys:
            for kind, form, start, end in addresses(unit.texts[key]):
                where.setdefault((kind, form), {}).setdefault(key, (start, end))
        gaps = [(item, by_key) for item, by_key in where.items() if len(by_key) < len(keys)]
        findings: list[Finding] = []
        paired: set[int] = set()
        for i, (item, by_key) in enumerate(gaps):
            if i in paired:
                continue
            partner = next(
                (
                    j
                    for j in range(i + 1, len(gaps))
                    if j not in paired
                    and gaps[j][0][0] == item[0]
                    and not set(gaps[j][1]) & set(by_key)
                    and set(gaps[j][1]) | set(by_key) == set(keys)
                ),
                None,
            )
            if partner is None:
                findings.append(self._missing(unit, keys, item[0], by_key))
            else:
                paired.add(partner)
                findings.append(self._differs(unit, keys, item[0], by_key, gaps[partner][1]))
        return findings

    def _missing(self, unit, keys, kind, by_key) -> Finding:
        have = [k for k in keys if k in by_key]
        lack = [k for k in keys if k not in by_key]
        spans = [span(unit, k, *by_key[k]) for k in have]
        text = spans[0].text
        return self.finding(
            unit,
            lack + have,
            f"{_LABEL[kind]} {text} is in {names(have)} but not in {names(lack)}.",
            spans,
            kind=f"{kind} missing",
            confidence=0.9,
            severity="major",
            suggestion=f"Add {text} to {names(lack)}.",
            fault=lack,
        )

    def _differs(self, unit, keys, kind, one, other) -> Finding:
        # The side with fewer versions is the one that changed the address.
        few, many = (one, other) if len(one) <= len(other) else (other, one)
        fault = [k for k in keys if k in few]
        rest = [k for k in keys if k in many]
        spans = [span(unit, k, *few[k]) for k in fault] + [span(unit, k, *many[k]) for k in rest]
        wrong, right = spans[0].text, spans[len(fault)].text
        return self.finding(
            unit,
            fault + rest,
            f"{_LABEL[kind]} differs: {names_verb(fault, 'has', 'have')} {wrong}, "
            f"{names(rest)} {right}.",
            spans,
            kind=f"{kind} differs",
            confidence=0.9,
            severity="major",
            suggestion=f"Use {right} in {names(fault)}.",
            fault=fault,
        )
