#!/usr/bin/env python3
"""Write the tiny fixture embedding model under tests/fixtures/models/.

The project cannot download a pretrained model in CI or on this machine, yet the
dense-retrieval code must be exercised through the *real* transformers.js
pipeline (tokenizer + onnxruntime + pooling). This script writes a model that
transformers.js loads exactly like Xenova/bge-small-zh-v1.5:

  fixture/tiny-zh-char/
    config.json              model_type "bert", hidden_size = DIM
    tokenizer.json           BERT WordPiece, Chinese characters split one per token
    tokenizer_config.json    names pad_token (batched calls need padding)
    special_tokens_map.json
    onnx/model.onnx          input_ids/attention_mask/token_type_ids -> last_hidden_state

The "model" is a seeded random int8 embedding table looked up per token, plus
the masked mean of the sequence added to every position. The added context
makes CLS pooling meaningful too ([CLS] has a zero row, so its output is the
mean of the character vectors), so both pooling modes give lexical-overlap
similarity: texts sharing characters have higher cosine similarity. That is
enough for ranked-id tests to be meaningful, and nothing more is claimed.

Run with Debian's python3 (it has the onnx module):
  /usr/bin/python3 scripts/make-fixture-model.py
Output is deterministic: same corpus file, same bytes.
"""
import collections
import json
import os
import random
import sys

import onnx
from onnx import TensorProto, helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus", "shuozhou-gazette-2023-03.txt")
OUT = os.path.join(ROOT, "tests", "fixtures", "models", "fixture", "tiny-zh-char")

DIM = 32
SEED = 20230628
CJK_CHARACTERS = 400  # ~85% of the corpus' CJK characters by frequency
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PUNCTUATION = list("，。、；：？！“”‘’（）《》【】〔〕-.,;:?!()%")


def corpus_characters():
    with open(CORPUS, encoding="utf-8") as f:
        text = f.read()
    counts = collections.Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    # Sort by frequency, then code point, so ties never depend on dict order.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [ch for ch, _ in ranked[:CJK_CHARACTERS]]


def build_vocab():
    tokens = list(SPECIAL)
    tokens += corpus_characters()
    tokens += [str(d) for d in range(10)] + ["##" + str(d) for d in range(10)]
    tokens += [chr(c) for c in range(ord("a"), ord("z") + 1)]
    tokens += ["##" + chr(c) for c in range(ord("a"), ord("z") + 1)]
    tokens += PUNCTUATION
    seen = set()
    unique = [t for t in tokens if not (t in seen or seen.add(t))]
    return {token: i for i, token in enumerate(unique)}


def embedding_table(vocab_size):
    rng = random.Random(SEED)
    rows = []
    for token_id in range(vocab_size):
        if token_id in (0, 2, 3):  # [PAD] [CLS] [SEP] carry no meaning
            rows.append([0] * DIM)
        else:
            rows.append([max(-127, min(127, round(rng.gauss(0, 1) * 40))) for _ in range(DIM)])
    return rows


def onnx_model(vocab_size):
    table = embedding_table(vocab_size)
    # raw bytes: int8 values in int32_data would be varints of up to 10 bytes each.
    raw = bytes((v + 256) % 256 for row in table for v in row)
    initializers = [
        helper.make_tensor("embedding_table", TensorProto.INT8, [vocab_size, DIM], raw, raw=True),
        helper.make_tensor("axis_seq", TensorProto.INT64, [1], [1]),
        helper.make_tensor("axis_last", TensorProto.INT64, [1], [2]),
    ]
    nodes = [
        helper.make_node("Gather", ["embedding_table", "input_ids"], ["token_i8"], axis=0),
        helper.make_node("Cast", ["token_i8"], ["token"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "axis_last"], ["mask3"]),
        helper.make_node("Mul", ["token", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis_seq"], ["summed"], keepdims=1),
        helper.make_node("ReduceSum", ["mask3", "axis_seq"], ["count"], keepdims=1),
        helper.make_node("Div", ["summed", "count"], ["context"]),
        helper.make_node("Add", ["token", "context"], ["last_hidden_state"]),
    ]
    ids = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
    graph = helper.make_graph(
        nodes,
        "tiny_zh_char",
        [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", DIM])],
        initializers,
    )
    model = helper.make_model(graph, producer_name="policy-qa make-fixture-model.py",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7  # onnxruntime-node 1.14 (transformers.js 2.17) reads IR <= 8
    onnx.checker.check_model(model)
    return model


def tokenizer_json(vocab):
    special = [
        {"id": vocab[t], "content": t, "single_word": False, "lstrip": False,
         "rstrip": False, "normalized": False, "special": True}
        for t in SPECIAL
    ]
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
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
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [cls], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [sep], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


def write_json(path, value):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    vocab = build_vocab()
    os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
    write_json(os.path.join(OUT, "config.json"), {
        "_comment": "Test fixture written by scripts/make-fixture-model.py; not a trained model.",
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": DIM,
        "num_hidden_layers": 0,
        "num_attention_heads": 1,
        "intermediate_size": DIM,
        "vocab_size": len(vocab),
        "max_position_embeddings": 512,
        "type_vocab_size": 2,
        "pad_token_id": 0,
    })
    write_json(os.path.join(OUT, "tokenizer.json"), tokenizer_json(vocab))
    special_map = {"pad_token": "[PAD]", "unk_token": "[UNK]", "cls_token": "[CLS]",
                   "sep_token": "[SEP]", "mask_token": "[MASK]"}
    write_json(os.path.join(OUT, "special_tokens_map.json"), special_map)
    write_json(os.path.join(OUT, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "tokenize_chinese_chars": True,
        "strip_accents": None,
        "model_max_length": 512,
        **special_map,
    })
    with open(os.path.join(OUT, "onnx", "model.onnx"), "wb") as f:
        f.write(onnx_model(len(vocab)).SerializeToString())
    print(f"wrote {OUT}: vocab {len(vocab)}, dimension {DIM}", file=sys.stderr)


if __name__ == "__main__":
    main()
