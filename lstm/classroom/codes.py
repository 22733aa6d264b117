"""Join codes a class reads aloud and types, teacher keys that only the teacher holds, and phone ids."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# No 0/O, 1/I/l: nothing in a code can be misread from a projector or misheard when read aloud.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 5
# A phone names itself with a random id kept in its browser; anything else from a request is refused.
PHONE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
# What a visitor may type around a code and still mean it: spaces, hyphens, lower case.
_SEPARATORS = re.compile(r"[\s-]+")


def new_code() -> str:
    """A fresh join code: CODE_LENGTH characters of ALPHABET (31^5, about 29 million codes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(typed: str) -> str | None:
    """The code a visitor typed or a link carried, in its one spelling; None when it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 4 * CODE_LENGTH:
        return None
    code = _SEPARATORS.sub("", typed).upper()
    if len(code) != CODE_LENGTH or any(letter not in ALPHABET for letter in code):
        return None
    return code


def new_teacher_key() -> str:
    """The teacher's secret: 32 random bytes, URL-safe, for the session and the private teacher link."""
    return secrets.token_urlsafe(32)


def key_hash(key: str) -> str:
    """What the database keeps of a teacher key. The key is random and long, so one SHA-256 suffices."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_matches(key: object, stored_hash: str) -> bool:
    """Whether `key` is the one whose hash is stored, compared in constant time."""
    if not isinstance(key, str) or not key:
        return False
    return hmac.compare_digest(key_hash(key), stored_hash)


def new_phone_id() -> str:
    """A random id for a phone's browser to keep (the page stores it; the server never names a phone)."""
    return secrets.token_urlsafe(16)


def is_phone_id(phone_id: object) -> bool:
    return isinstance(phone_id, str) and PHONE_ID.fullmatch(phone_id) is not None
