"""A BERT-style WordPiece tokenizer: built from a corpus, written as a Hugging Face tokenizer.json, and
applied here in Python so that the training script knows the ids the served model will see.

The tokenizer.json uses the standard components (BertNormalizer, BertPreTokenizer, WordPiece,
TemplateProcessing "[CLS] $A [SEP]"), so any library that reads tokenizer.json (the Rust `tokenizers`,
`@huggingface/tokenizers`) tokenizes as `encode` below does; the test suite checks that Sightline's
tokenizer gives these ids for every sample.
"""

import string
import unicodedata
from collections import Counter

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP = 0, 1, 2, 3
MAX_CHARS_PER_WORD = 100


def normalize(text):
    """BertNormalizer(clean_text, handle_chinese_chars, lowercase, strip_accents follows lowercase)."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (ch not in "\t\n\r" and unicodedata.category(ch).startswith("C")):
            continue
        out.append(" " if ch in "\t\n\r" or ch.isspace() else ch)
    text = "".join(out)
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.lower()


def _is_punctuation(ch):
    return ch in string.punctuation or unicodedata.category(ch).startswith("P")


def pre_tokenize(text):
    """BertPreTokenizer: split on whitespace, every punctuation character a word of its own."""
    words = []
    for chunk in text.split():
        current = ""
        for ch in chunk:
            if _is_punctuation(ch):
                if current:
                    words.append(current)
                words.append(ch)
                current = ""
            else:
                current += ch
        if current:
            words.append(current)
    return words


def wordpiece(word, vocab):
    """Greedy longest-match-first; a word with any unmatchable piece is [UNK] as a whole."""
    if len(word) > MAX_CHARS_PER_WORD:
        return [UNK]
    ids, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [UNK]
        ids.append(found)
        start = end
    return ids


def tokenize(text, vocab):
    """Ids without special tokens."""
    return [i for w in pre_tokenize(normalize(text)) for i in wordpiece(w, vocab)]


def encode(text, vocab, max_length):
    """[CLS] ids [SEP], the ids truncated on the right so that the whole fits max_length."""
    ids = tokenize(text, vocab)[: max_length - 2]
    return [CLS] + ids + [SEP]


def build_vocab(texts, min_count=2):
    """Special tokens, single characters (as word starts and ## continuations), then corpus words."""
    words = Counter(w for t in texts for w in pre_tokenize(normalize(t)))
    chars = sorted({ch for w in words for ch in w} | set(string.ascii_lowercase + string.digits))
    tokens = SPECIAL + chars + ["##" + c for c in chars]
    tokens += sorted(w for w, n in words.items() if n >= min_count and len(w) > 1)
    tokens += ["##s", "##ed", "##ing", "##ly", "##er", "##est"]
    tokens = list(dict.fromkeys(tokens))
    return {t: i for i, t in enumerate(tokens)}


def tokenizer_json(vocab):
    special = [
        {"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for t in SPECIAL
    ]
    cls = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}
    sep = {"SpecialToken": {"id": "[SEP]", "type_id": 0}}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": special,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep],
            "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep,
                     {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [CLS], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [SEP], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": MAX_CHARS_PER_WORD, "vocab": vocab},
    }
