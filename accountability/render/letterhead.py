"""The official heading and signature block of the HTML report, from acct.yaml's `document:` (thể thức văn bản).

Laid out as a Party committee lays out its documents (Hướng dẫn 36-HD/VPTW): top-left the body above the issuer,
the issuer in bold, an asterisk and the document's number; top-right the motto (the last line underlined) and, in
italics, the place and date; at the end the signer's title in capitals, a space to sign, the signer's name, and the
recipients bottom-left.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from accountability.i18n import Messages
from accountability.model.config import Document


def heading(document: Document, as_of: dt.date, t: Messages) -> str:
    parent = f'<p class="parent">{escape(document.parent_issuer)}</p>' if document.parent_issuer else ""
    number = f'<p class="number">{escape(document.number)}</p>' if document.number else ""
    issuer = (
        f'<div class="issuer">{parent}<p class="body">{escape(document.issuer)}</p><p class="star">*</p>{number}</div>'
    )
    lines = "".join(f"<p>{escape(line)}</p>" for line in document.motto)
    motto = f'<div class="motto">{lines}</div>' if lines else ""
    day = document.date or as_of
    place = escape(place_date(document.place, day, t))
    return f'<header class="letterhead">{issuer}<div class="dated">{motto}<p class="place">{place}</p></div></header>'


def place_date(place: str, day: dt.date, t: Messages) -> str:
    """'Đông Hà, ngày 05 tháng 02 năm 2023': a day below 10 and the months 1 and 2 are written with a leading 0, as
    the rules for administrative documents ask."""
    month, day_of_month = f"{day.month:02d}" if day.month < 3 else str(day.month), f"{day.day:02d}"
    return t("{place}, {date}", place=place, day=day_of_month, month=month, year=day.year, date=t.date(day))


def signature(document: Document, t: Messages) -> str:
    recipients = ""
    if document.recipients:
        lines = "".join(f"<li>- {escape(line)}</li>" for line in document.recipients)
        recipients = f'<div class="recipients"><p class="to">{escape(t("Recipients:"))}</p><ul>{lines}</ul></div>'
    title = "".join(f'<p class="title">{escape(line)}</p>' for line in document.signer_title)
    signer = f'<div class="signer">{title}<p class="space"></p><p class="name">{escape(document.signer)}</p></div>'
    return f'<section class="signature">{recipients}{signer}</section>'
