"""PDF parsing backends: each turns a file into the same page model.

`pdfium` (PDFium through pypdfium2, C++) is several times faster than `pdfplumber`
(pdfminer.six, pure Python), which stays available as the reference.
"""

from __future__ import annotations

BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_BACKEND = "pdfplumber"
