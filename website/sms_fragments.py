"""How many SMS fragments a text takes, and fitting a message into a few.

A phone network carries a text in fragments. In the GSM 7-bit alphabet a
fragment holds 160 characters, or 153 when the text needs more than one
(the rest says how to join them), and a few characters (€ [ ] { } ^ ~ | \\)
take two places. One character outside that alphabet (Ł, ć, an emoji,
curly quotes) makes the whole text UCS-2: 70 characters a fragment, 67 when
joined. So a place or person named in another language can halve what fits.

Every message builder (training/text_messages.py, referrals/text_messages.py)
writes its text as parts, each with how readily it may be left out, and
`fit` drops parts until the text fits in `MAX_FRAGMENTS`."""

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = set("^{}\\[~]|€\f")
MAX_FRAGMENTS = 2
SHORTENED = "..."


def is_gsm(body):
    """Whether every character is in the GSM 7-bit alphabet."""
    return all(character in GSM_BASIC or character in GSM_EXTENDED for character in body)


def fragments(body):
    """How many SMS fragments `body` takes (0 for nothing)."""
    if not body:
        return 0
    if is_gsm(body):
        length = sum(2 if character in GSM_EXTENDED else 1 for character in body)
        single, joined = 160, 153
    else:
        # UCS-2 counts UTF-16 code units: an emoji takes two.
        length = len(body.encode("utf-16-le")) // 2
        single, joined = 70, 67
    if length <= single:
        return 1
    return -(-length // joined)


def fits(body, limit=MAX_FRAGMENTS):
    return fragments(body) <= limit


def fit(parts, limit=MAX_FRAGMENTS):
    """The parts joined with spaces, in at most `limit` fragments.

    Each part is (text, drop): `drop` 0 means the part is always kept;
    otherwise the part with the highest `drop` is left out first (the later
    one of two alike). Empty parts are skipped. Should the parts that are
    always kept still be too long, the text before the last part is cut
    (with "...") so that the last part, how to stop texts, stays whole."""
    kept = [(text, drop) for text, drop in parts if text]
    while not fits(" ".join(text for text, _ in kept), limit):
        droppable = [index for index, (_, drop) in enumerate(kept) if drop]
        if not droppable:
            return _shortened([text for text, _ in kept], limit)
        del kept[max(droppable, key=lambda index: (kept[index][1], index))]
    return " ".join(text for text, _ in kept)


def _shortened(texts, limit):
    head, tail = " ".join(texts[:-1]), texts[-1]
    while head and not fits(f"{head}{SHORTENED} {tail}", limit):
        head = head[:-1]
    return f"{head.rstrip()}{SHORTENED} {tail}" if head else tail
