import { SequenceTensor, TruncationNote } from '../encoded-batch';
import { TensorInfo } from '../onnx-session';
import { TextTokenizer, TokenizedText } from './text-tokenizer';

/** The graph inputs a tokenizer feeds, by their Hugging Face names. */
export const TOKEN_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'] as const;
export type TokenInput = (typeof TOKEN_INPUTS)[number];

/** A fixed sequence dimension in the graph ([batch, 128]): every request is padded to it. */
export function fixedSequenceLength(info: TensorInfo | undefined): number | undefined {
  const dim = info?.shape[1];
  return typeof dim === 'number' && dim > 0 ? dim : undefined;
}

/**
 * Texts to the token tensors the graph declares: input_ids padded with the tokenizer's pad id,
 * attention_mask 1 for every real token and 0 for padding, token_type_ids when the graph has it.
 * A request is padded to its own longest text; the batcher pads again to a batch's longest.
 */
export class TokenTensors {
  private readonly inputs: { name: TokenInput; kind: 'int64' | 'int32' }[];
  private readonly fixedWidth: number | undefined;
  private readonly maxLength: number;

  constructor(
    private readonly tokenizer: TextTokenizer,
    graphInputs: TensorInfo[],
  ) {
    this.inputs = graphInputs
      .filter((i) => (TOKEN_INPUTS as readonly string[]).includes(i.name))
      .map((i) => ({ name: i.name as TokenInput, kind: i.type === 'int32' ? 'int32' : 'int64' }));
    this.fixedWidth = fixedSequenceLength(graphInputs.find((i) => i.name === 'input_ids'));
    this.maxLength = Math.min(tokenizer.maxLength, this.fixedWidth ?? Infinity);
  }

  encode(
    texts: readonly string[],
    fieldOf: (row: number) => string,
    notes: TruncationNote[],
  ): SequenceTensor[] {
    const encoded = texts.map((text, row) => {
      const e = this.tokenizer.encode(text, this.maxLength);
      if (e.truncatedFrom !== undefined)
        notes.push({ row, field: fieldOf(row), unit: 'tokens', from: e.truncatedFrom, to: this.maxLength });
      return e;
    });
    let width = this.fixedWidth ?? 1;
    if (this.fixedWidth === undefined) for (const e of encoded) width = Math.max(width, e.ids.length);
    return this.inputs.map(({ name, kind }) => this.tensor(name, kind, encoded, width));
  }

  private tensor(
    name: TokenInput,
    kind: 'int64' | 'int32',
    rows: TokenizedText[],
    width: number,
  ): SequenceTensor {
    const pad =
      name === 'input_ids' ? this.tokenizer.padId : name === 'token_type_ids' ? this.tokenizer.padTypeId : 0;
    const values = new Array<number>(rows.length * width).fill(pad);
    rows.forEach((e, r) => {
      const source = name === 'input_ids' ? e.ids : name === 'token_type_ids' ? e.typeIds : undefined;
      for (let j = 0; j < e.ids.length; j++) values[r * width + j] = source ? source[j] : 1;
    });
    const data = kind === 'int64' ? BigInt64Array.from(values, (v) => BigInt(v)) : Int32Array.from(values);
    return { name, kind, data, width, pad, fixedWidth: this.fixedWidth };
  }
}
