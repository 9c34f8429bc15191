"""Name normalisation for gazetteer lookups.

Two keys are derived from every name, both for the stored names and for queries:

* ``normalize``: case-folded, punctuation-free, and for Latin-script names folded to
  ASCII ("Khān Yūnis" -> "khan yunis", "Shu‘fāţ" -> "shufat"). Other scripts keep their
  letters ("غزة", "москва").
* ``skeleton``: a looser key for Latin names that absorbs the usual transliteration
  variants of Arabic and Hebrew place names: articles ("al-", "el-", "ad-", …, the list
  ``arabic_articles`` of :mod:`geoevents.wordlists`) are
  dropped, vowel digraphs folded (ou/oo -> u, ee/ei/ay/ai/ey -> i; Persian "khw" -> "kh":
  "Khwājah", "Khajah"), a final "h" after a
  vowel dropped and doubled letters collapsed ("Khan Younis", "Khan Yunis" -> "kanyunis";
  "Deir el-Balah", "Dayr al Balah" -> "dirbala").

For comparing a name with a candidate's name (how alike two transliterations are),
``core_words`` drops articles and generic tail words ("Al-Sina’a District" -> "sina a"),
and ``consonant_key`` keeps a name's consonant frame ("Sheikh Meskin", "Shaykh Miskīn"
-> "shkmskn"), the part transliterations of one Arabic name agree on most. ``head_key``
is the key of a stored name's head before generic words ("Incirlik Air Base" ->
"incirlik"), so that a bare name finds such an entry.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from geoevents.wordlists import ARABIC_ARTICLES, DIVISION_NOUNS, NAME_TAILS

MAX_QUERY_CHARS = 300

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u201b\u02bb\u02bc\u02bf\u02be\u0060\u00b4]")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# C1 control characters that scraped text carries where Windows-1252 has quotes and
# dashes (U+0092 for a right single quote): read as Windows-1252
_C1_CONTROLS = re.compile(r"[\u0080-\u009f]")
_DIGRAPHS = (
    ("khw", "kh"),  # Persian "khwā" is said "khā" / "khō": "Khwājah", "Khoja"
    ("kh", "k"),
    ("q", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("ay", "i"),
    ("ai", "i"),
    ("ie", "i"),
    ("y", "i"),
    ("ph", "f"),
)
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_DOUBLES = re.compile(r"(.)\1+")


def _is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin script (with or without diacritics)."""
    if text.isascii():
        return True
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def windows_1252_controls(text: str) -> str:
    """``text`` with C1 control characters read as the Windows-1252 characters they
    stand for in scraped text (U+0092 -> "’"); those without one are dropped."""
    if not _C1_CONTROLS.search(text):
        return text
    return _C1_CONTROLS.sub(
        lambda m: m.group().encode("latin-1").decode("cp1252", errors="ignore"), text)


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    text = unicodedata.normalize("NFKC", windows_1252_controls(name))
    text = _APOSTROPHES.sub("", text)
    if _is_latin(text):
        text = anyascii(text)
    text = _NON_WORD.sub(" ", text.casefold())
    return " ".join(text.split())


def skeleton(name: str) -> str:
    """Transliteration-tolerant key of a Latin-script name; '' for other scripts."""
    norm = normalize(name)
    if not norm.isascii():
        return ""
    tokens = norm.split()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in ARABIC_ARTICLES] or tokens
    text = _FINAL_H.sub("", " ".join(tokens))
    text = text.replace(" ", "")
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", text)


def loose_match(query: str, name: str) -> bool:
    """Whether a transliteration-tolerant match of ``query`` to a place called ``name``
    is a guess: one word behind an article ("al-Qarassi") whose skeleton differs from
    the place's own name's (Karachi), or one bare word spelled otherwise than the place
    ("Minyan" for Meeniyan, Australia). "Al-Raqqa" for "Ar Raqqah" and "Khan Younis" for
    "Khan Yunis" are no guesses."""
    words = normalize(query).split()
    if len(words) > 1 and words[-1] in DIVISION_NOUNS:
        words = words[:-1]  # "Al-Diri Neighborhood" is looked up as "Al-Diri"
        query = " ".join(words)
    core = [w for w in words if w not in ARABIC_ARTICLES]
    if len(core) >= 2:
        return False
    if len(core) == len(words):  # one word, no article: "Minyan" for Meeniyan
        return normalize(query) != normalize(name)
    return skeleton(query) != skeleton(name)


def same_but_articles(query: str, name: str) -> bool:
    """Whether two names differ only in how their Arabic articles are spelled: the
    article assimilates to a following "sun" letter and each transliteration writes its
    vowel its own way, so "Al-Rai" and "Ar Rā‘ī", "el-Arish" and "Al ‘Arīsh", "ad-Dawr"
    and "Ad Dawr" are one name written twice. Every other word must be the same; a name
    that drops its article ("Jufrah" for "Al Jufrah") is not the same name."""
    q, n = normalize(query).split(), normalize(name).split()
    if len(q) != len(n) or q == n:
        return False
    return all(a == b or (a in ARABIC_ARTICLES and b in ARABIC_ARTICLES)
               for a, b in zip(q, n, strict=True))


_VOWELS = re.compile(r"(?<=.)[aeiou]")


def core_words(name: str) -> list[str]:
    """The words of a name without articles and generic tail words ("Al-Manishiyah
    District" -> ["manishiyah"]); the name's own words when nothing else is left."""
    words = normalize(name).split()
    core = [w for w in words if w not in ARABIC_ARTICLES] or words
    while len(core) > 1 and core[-1] in NAME_TAILS:
        core = core[:-1]
    return core


def consonant_key(name: str) -> str:
    """The transliteration key of a name's core words without the vowels after its
    first letter: "Sheikh Meskin" and "Shaykh Miskīn" -> "shkmskn"."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", skeleton(" ".join(core_words(name)))))


def head_key(norm: str) -> str:
    """The transliteration key of a normalised stored name without its generic tail words
    ("incirlik air base" -> "incirlik"); '' when it has none."""
    words = norm.split()
    head = list(words)
    while len(head) > 1 and head[-1] in NAME_TAILS:
        head.pop()
    return skeleton(" ".join(head)) if len(head) < len(words) else ""
