"""Type stubs of the licit package. Results are the JSON contract's shapes as plain dicts
(schema/licit.schema.json: licenseLine, creditLine, item)."""

import os
from typing import Any, Iterable, Optional, Sequence, Tuple, Union

JsonDict = dict[str, Any]
ImageInput = Union[bytes, bytearray, memoryview, Tuple[str, Union[bytes, bytearray, memoryview]], None]

__version__: str

class LicitError(Exception): ...
class UseError(LicitError, ValueError): ...
class PolicyError(LicitError): ...
class FetchError(LicitError): ...

class InputError(LicitError):
    kind: str
    def __init__(self, message: str, kind: str = ...) -> None: ...

def license(text: str) -> JsonDict:
    """The licenses `text` names: a licenseLine."""

def license_many(texts: Iterable[Optional[str]]) -> list[Optional[JsonDict]]:
    """license() for each text, on every core, GIL released; None gives None."""

def credit(text: str, use: Optional[str] = None, share_as: Optional[str] = None) -> JsonDict:
    """A credit line read and the proposed use assessed: a creditLine."""

def credit_many(
    texts: Iterable[Optional[str]], use: Optional[str] = None, share_as: Optional[str] = None
) -> list[Optional[JsonDict]]:
    """credit() for each text, on every core, GIL released; None gives None."""

def check_bytes(
    data: Union[bytes, bytearray],
    use: Optional[str] = None,
    name: str = "<bytes>",
    share_as: Optional[str] = None,
) -> JsonDict:
    """An image in memory checked as an image file is: an item. Raises InputError when
    nothing can be read."""

def check_bytes_many(
    images: Iterable[ImageInput], use: Optional[str] = None, share_as: Optional[str] = None
) -> list[Optional[JsonDict]]:
    """check_bytes() for each image, on every core, GIL released; errors stay in items."""

def check_path(
    path: Union[str, os.PathLike[str]],
    use: Optional[str] = None,
    share_as: Optional[str] = None,
    *,
    timeout: int = 20,
    no_cache: bool = False,
    deny_private: bool = False,
    run_timeout: int = 300,
) -> list[JsonDict]:
    """licit check PATH: a file, a directory, an .html page or a URL; a list of items."""
