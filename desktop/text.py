"""Vietnamese text helpers shared by search, duplicate detection, sorting and display.

Everything stored is NFC (SPEC §1); `fold` gives the diacritic- and case-insensitive key
that search and duplicate detection compare ("nguyen van a" finds "Nguyễn Văn A");
`name_sort_key` orders people the Vietnamese way: by given name, then family name, with
letters in Vietnamese alphabet order and tones compared only after the letters.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# "đ" has no decomposition in Unicode, so stripping combining marks would keep it; the eth
# letters are the look-alikes people type by mistake on some keyboards.
_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(s: str) -> str:
    """`s` in Unicode NFC, the form every stored and printed string uses."""
    return unicodedata.normalize("NFC", s)


def tidy_spaces(s: str) -> str:
    """`s` with runs of whitespace (tabs, non-breaking spaces…) made one space, ends trimmed."""
    return _SPACES.sub(" ", s).strip()


def fold(s: str) -> str:
    """A search key: no diacritics, "đ" → "d", lower case, single spaces."""
    decomposed = unicodedata.normalize("NFD", s.translate(_D_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tidy_spaces(bare.casefold().translate(_D_LETTERS))


def tidy_person_name(s: str) -> str:
    """A person's name as it should be stored: NFC, single spaces, each word capitalised."""
    words = tidy_spaces(nfc(s)).split(" ")
    return " ".join(word[:1].upper() + word[1:].lower() for word in words)


# --- Vietnamese collation -------------------------------------------------------------

# The 29 Vietnamese letters in dictionary order, with f, j, w, z (foreign names) placed where
# the Latin alphabet puts them so such names still sort sensibly.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_OTHER_RANK = len(_ALPHABET)

# Combining marks that make a different letter (ă â ê ô ơ ư), not a tone.
_LETTER_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})

# Tone order: none, huyền, sắc, hỏi, ngã, nặng — the order of the Vietnamese standard
# keyboard and of most Vietnamese software, so users see the order they expect.
_TONE_RANK = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}

WordKey = tuple[tuple[int, ...], tuple[int, ...]]
NameKey = tuple[WordKey, WordKey, tuple[WordKey, ...], str]


def _letter_and_tone(ch: str) -> tuple[int, int]:
    """The alphabet rank of one character's base letter and the rank of its tone."""
    parts = unicodedata.normalize("NFD", ch.lower())
    base = parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS)
    tone = max((_TONE_RANK.get(m, 0) for m in parts[1:]), default=0)
    letter = unicodedata.normalize("NFC", base)
    rank = _LETTER_RANK.get(letter)
    # Characters outside the alphabet (digits, punctuation) sort after it by code point.
    return (rank if rank is not None else _OTHER_RANK + ord(letter[0])), tone


def _word_key(word: str) -> WordKey:
    """Letters first, tones second: "Anh" < "Ánh" < "Bình" whatever the tones."""
    pairs = [_letter_and_tone(ch) for ch in nfc(word)]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def name_sort_key(full_name: str) -> NameKey:
    """Sort key for a Vietnamese full name: given name, family name, then middle names.

    The given name is the last word and the family name the first. The tidied name ends the
    key so that different spellings of an otherwise equal name still sort deterministically.
    """
    tidy = tidy_spaces(nfc(full_name))
    words = tidy.split(" ") if tidy else [""]
    given, family = words[-1], (words[0] if len(words) > 1 else "")
    middle = tuple(_word_key(w) for w in words[1:-1])
    return _word_key(given), _word_key(family), middle, tidy
