import { Tokenizer } from '@huggingface/tokenizers';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isJsonObject } from '../../common/json';
import { ManifestError } from '../feature-parser';
import { TokenizerSpec } from '../manifest';
import { HfFiles } from './hf-directory';

/** One text as the graph takes it: ids with the special tokens, and their segment ids. */
export interface TokenizedText {
  ids: number[];
  typeIds: number[];
  /** Tokens before truncation, when the text had more than maxLength. */
  truncatedFrom?: number;
}

// tokenizer_config.json says 1e30 when a model has no limit of its own
const NO_LIMIT = 1e9;

const positiveInt = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 2 && v < NO_LIMIT ? v : undefined;

/**
 * A Hugging Face tokenizer.json, read with @huggingface/tokenizers (pure JavaScript: no native
 * binary, so it loads on every Node the server supports, and runs synchronously on the request
 * path). That library encodes but neither truncates nor pads; this class truncates the way the
 * Rust `tokenizers` does for one sequence (on the right, keeping the special tokens), and the
 * batcher pads to the longest text of a batch with `padId`.
 */
export class TextTokenizer {
  /** Tokens the post-processor adds to one sequence ([CLS] and [SEP] for BERT). */
  private readonly specialCount: number;

  private constructor(
    private readonly tokenizer: Tokenizer,
    /** Most tokens per text, special tokens included. */
    readonly maxLength: number,
    readonly padId: number,
    readonly padTypeId: number,
    private readonly unkId: number,
  ) {
    this.specialCount = tokenizer.encode('').ids.length;
    if (this.specialCount >= maxLength)
      throw new ManifestError(`tokenizer maxLength ${maxLength} leaves no room beside the special tokens`);
  }

  static async load(dir: string, spec: TokenizerSpec, files: HfFiles): Promise<TextTokenizer> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, spec.file), 'utf8'));
    } catch (err) {
      throw new ManifestError(`tokenizer ${spec.file} cannot be read: ${(err as Error).message}`);
    }
    if (!isJsonObject(json) || !isJsonObject(json.model))
      throw new ManifestError(`tokenizer ${spec.file} is not a Hugging Face tokenizer.json`);
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(json, files.tokenizerConfig);
    } catch (err) {
      throw new ManifestError(`tokenizer ${spec.file} is not usable: ${(err as Error).message}`);
    }
    const truncation = isJsonObject(json.truncation) ? json.truncation : {};
    const padding = isJsonObject(json.padding) ? json.padding : {};
    const maxLength =
      spec.maxLength ??
      positiveInt(truncation.max_length) ??
      positiveInt(files.tokenizerConfig.model_max_length) ??
      positiveInt(files.config.max_position_embeddings);
    if (maxLength === undefined) {
      throw new ManifestError(
        'no maximum sequence length in tokenizer.json, tokenizer_config.json or config.json: set tokenizer.maxLength',
      );
    }
    const padToken = files.tokenizerConfig.pad_token;
    const padId =
      positiveOrZero(padding.pad_id) ??
      (typeof padToken === 'string' ? tokenizer.token_to_id(padToken) : undefined) ??
      positiveOrZero(files.config.pad_token_id) ??
      0;
    const unkToken = json.model.unk_token ?? files.tokenizerConfig.unk_token;
    const unkId = (typeof unkToken === 'string' ? tokenizer.token_to_id(unkToken) : undefined) ?? 0;
    return new TextTokenizer(tokenizer, maxLength, padId, positiveOrZero(padding.pad_type_id) ?? 0, unkId);
  }

  /** `limit`: a graph's fixed sequence length, when shorter than maxLength. */
  encode(text: string, limit = this.maxLength): TokenizedText {
    const full = this.tokenizer.encode(text, { return_token_type_ids: true });
    if (full.ids.length <= limit) {
      const ids = full.ids;
      // some models of the library leave a word outside the vocabulary without an id
      for (let i = 0; i < ids.length; i++) if (ids[i] === undefined) ids[i] = this.unkId;
      return { ids, typeIds: full.token_type_ids ?? new Array<number>(ids.length).fill(0) };
    }
    const bare = this.tokenizer.encode(text, { add_special_tokens: false });
    const kept = bare.tokens.slice(0, limit - this.specialCount);
    const processed = this.tokenizer.post_processor ? this.tokenizer.post_processor(kept) : { tokens: kept };
    const ids = processed.tokens.map((t) => this.idOf(t, this.unkId));
    return {
      ids,
      typeIds: processed.token_type_ids ?? new Array<number>(ids.length).fill(0),
      truncatedFrom: full.ids.length,
    };
  }

  /** The text's tokens without special tokens (the drift statistics count and compare them). */
  tokens(text: string): string[] {
    return this.tokenizer.tokenize(text);
  }

  private idOf(token: string, fallback: number): number {
    return this.tokenizer.token_to_id(token) ?? fallback;
  }
}

function positiveOrZero(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}
