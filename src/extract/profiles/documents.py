"""Words that name a document: what marks a title or running header as the document's name."""
from __future__ import annotations

import re

# Words that mark a text as naming the document (a title, a running header).
DOCUMENT_KIND_WORDS = re.compile(r"begroting|jaarstukken|jaarverslag|jaarrekening|rapportage|nota\b", re.IGNORECASE)
