// Which lazy chunk a module lands in (src/islands/island-chunks.ts): the first group whose test matches its id.
import { describe, expect, it } from 'vitest';
import { ISLAND_CHUNKS } from '~/islands/island-chunks';

const chunkOf = (path: string) => ISLAND_CHUNKS.find((c) => c.test.test(`/work/site/${path}`))?.name;

describe('the lazy island chunks', () => {
  it('put the TCP model and the quiz bridge that runs it in the model chunk', () => {
    expect(chunkOf('src/tcp/run.ts')).toBe('model');
    expect(chunkOf('src/quiz/model.ts')).toBe('model');
    expect(chunkOf('src/simulator/run.ts')).toBe('model');
  });

  it('keep the number question in the quiz chunk, which loads the model only to grade an answer', () => {
    expect(chunkOf('src/quiz/types/number/client.ts')).toBe('quiz');
    expect(chunkOf('src/quiz/types/choice/client.ts')).toBe('quiz');
    expect(chunkOf('src/quiz/random.ts')).toBe('quiz');
  });

  it('match Windows paths too', () => {
    expect(ISLAND_CHUNKS.find((c) => c.test.test('C:\\site\\src\\quiz\\types\\number\\client.ts'))?.name).toBe('quiz');
    expect(ISLAND_CHUNKS.find((c) => c.test.test('C:\\site\\src\\quiz\\model.ts'))?.name).toBe('model');
  });
});
