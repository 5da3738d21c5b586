"""Knowledge-base articles: the checks on what a supervisor writes, with French messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .enums import MailTheme
from .errors import ValidationError

MAX_TITLE = 160
MAX_KEYWORDS = 300
MAX_BODY = 20_000
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")


@dataclass(frozen=True, slots=True)
class CheckedArticle:
    code: str
    title: str
    theme: MailTheme | None
    keywords: str
    body: str


def _text(value: object, field: str, label: str, limit: int, *, multiline: bool) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"Le champ « {label} » doit être du texte.", field=field)
    text = value.strip()
    if not text:
        raise ValidationError(f"Saisissez {label}.", field=field)
    if len(text) > limit:
        raise ValidationError(
            f"Le champ « {label} » dépasse {limit} caractères ({len(text)}).", field=field
        )
    allowed = "\n\t" if multiline else ""
    if any(ord(c) < 32 and c not in allowed for c in text):
        raise ValidationError(
            f"Le champ « {label} » contient des caractères de contrôle.", field=field
        )
    return text


def check_article(
    code: str, title: str, theme: MailTheme | None, keywords: str, body: str
) -> CheckedArticle:
    """Normalize an article (code upper-cased, texts trimmed, keywords de-duplicated)."""
    if not isinstance(code, str):
        raise ValidationError("Le code doit être du texte.", field="code")
    normalized = code.strip().upper().replace("-", "_").replace(" ", "_")
    if not CODE_RE.match(normalized):
        raise ValidationError(
            "Le code s'écrit en majuscules, chiffres et « _ », 2 à 40 caractères, "
            "en commençant par une lettre (ex. VITALE_PERDUE).",
            field="code",
        )
    checked_title = _text(title, "title", "le titre", MAX_TITLE, multiline=False)
    raw_keywords = _text(keywords, "keywords", "les mots-clés", MAX_KEYWORDS, multiline=False)
    words: list[str] = []
    for word in (w.strip() for w in raw_keywords.split(",")):
        if word and word.lower() not in (w.lower() for w in words):
            words.append(word)
    checked_body = _text(body, "body", "le texte de l'article", MAX_BODY, multiline=True)
    return CheckedArticle(
        normalized,
        checked_title,
        MailTheme(theme) if theme else None,
        ", ".join(words),
        checked_body,
    )
