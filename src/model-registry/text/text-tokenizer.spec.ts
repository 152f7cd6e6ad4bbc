import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoModel } from '../../../test/utils/demo-model';
import { ManifestError } from '../feature-parser';
import { readHfFiles } from './hf-directory';
import { TextTokenizer } from './text-tokenizer';

describe(TextTokenizer.name, () => {
  it("gives the training script's ids for every sample, truncating on the right and keeping [SEP]", async () => {
    const { tokenizer, samples, session } = await loadDemoModel('sentiment-bert', '1');
    await session.release();
    expect(tokenizer!.maxLength).toBe(64);
    expect(tokenizer!.padId).toBe(0);
    const long = samples.filter((s) => s.input_ids!.length === 64);
    expect(long).toHaveLength(1);
    for (const s of samples) {
      const encoded = tokenizer!.encode(s.features.text as string);
      expect(encoded.ids).toEqual(s.input_ids);
      expect(encoded.typeIds).toEqual(s.input_ids!.map(() => 0));
      expect(encoded.truncatedFrom !== undefined).toBe(s === long[0]);
    }
    expect(tokenizer!.encode(long[0].features.text as string).truncatedFrom).toBe(98);
    expect(tokenizer!.encode(long[0].features.text as string, 10).ids).toEqual([
      ...long[0].input_ids!.slice(0, 9),
      3,
    ]);
    expect(tokenizer!.tokens('This is a FANTASTIC product!')).toEqual([
      'this',
      'is',
      'a',
      'fantastic',
      'product',
      '!',
    ]);
  });

  it('takes maxLength from the manifest, else tokenizer.json, tokenizer_config.json or config.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenizer-'));
    // the keys a tokenizer.json always has, null when unused
    const json = {
      added_tokens: [],
      normalizer: null,
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab: { '[UNK]': 0, '[PAD]': 1, hello: 2 }, unk_token: '[UNK]' },
      pre_tokenizer: { type: 'Whitespace' },
    };
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify({ ...json, truncation: { max_length: 16 } }));
    const files = { config: { max_position_embeddings: 512 }, tokenizerConfig: { pad_token: '[PAD]' } };
    const fromFile = await TextTokenizer.load(dir, { file: 'tokenizer.json' }, files);
    expect([fromFile.maxLength, fromFile.padId]).toEqual([16, 1]);
    expect((await TextTokenizer.load(dir, { file: 'tokenizer.json', maxLength: 8 }, files)).maxLength).toBe(
      8,
    );
    writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ max_position_embeddings: 32 }));
    writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 1e30 }));
    const fromConfig = await TextTokenizer.load(dir, { file: 'tokenizer.json' }, await readHfFiles(dir));
    expect([fromConfig.maxLength, fromConfig.padId]).toEqual([32, 0]);
    expect(fromConfig.encode('hello nope hello')).toEqual({ ids: [2, 0, 2], typeIds: [0, 0, 0] });
    await expect(
      TextTokenizer.load(dir, { file: 'tokenizer.json' }, { config: {}, tokenizerConfig: {} }),
    ).rejects.toThrow(
      new ManifestError(
        'no maximum sequence length in tokenizer.json, tokenizer_config.json or config.json: set tokenizer.maxLength',
      ),
    );
    await expect(TextTokenizer.load(dir, { file: 'missing.json' }, files)).rejects.toThrow(/cannot be read/);
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ model: {} }));
    await expect(TextTokenizer.load(dir, { file: 'odd.json' }, files)).rejects.toThrow(
      /tokenizer odd.json is not usable/,
    );
  });
});
