"""PDF parsing backends: each turns a file into the same page model.

`pdfium` (PDFium through pypdfium2, C++) reads 4-5 times faster than `pdfplumber`
(pdfminer.six, pure Python), which stays available as the reference. On the sample corpus
both give the same tables and blocks. Where they part (see tests/test_backends.py):
PDFium keeps turned (rotated) words whole where pdfplumber makes a word of every letter,
decodes some codes pdfminer leaves as "(cid:N)" (WinAnsi bullets), gives fill colours as
RGB, and can lose CJK text whose font has no ToUnicode map.
"""

from __future__ import annotations

BACKENDS = ("pdfium", "pdfplumber")
# PDFium by default for speed; pdfplumber is the reference and a fallback for odd files.
DEFAULT_BACKEND = "pdfium"
