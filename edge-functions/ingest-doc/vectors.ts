import { embeddingProblem } from '@internal/backstage-plugin-scout-common';
import type { EmbeddingsProvider } from '../_shared/embeddings';
import { HttpError } from '../_shared/http';

/**
 * Embeds `texts` and checks that the provider's answer can be stored: one
 * vector per text, each of `embeddings.dimensions` finite numbers within
 * float4 range (see embeddingProblem). Anything else is the provider's fault,
 * so it is a 502 that names it, raised before the caller writes anything.
 * A provider that throws something other than an HttpError is a 502 too.
 */
export async function embedChecked(
  embeddings: EmbeddingsProvider,
  texts: string[],
): Promise<number[][]> {
  let vectors: unknown;
  try {
    vectors = await embeddings.embed(texts);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    // Only the error's name: a provider's message may carry a key or the texts.
    const name = e instanceof Error ? e.name : typeof e;
    throw new HttpError(502, `The embeddings provider failed (${name}).`);
  }
  if (!Array.isArray(vectors) || vectors.length !== texts.length) {
    throw new HttpError(
      502,
      'The embeddings provider did not return one vector per chunk.',
    );
  }
  vectors.forEach((vector, i) => {
    const problem = embeddingProblem(vector, embeddings.dimensions);
    if (problem) {
      throw new HttpError(
        502,
        `The embeddings provider returned a vector that cannot be stored: vector ${i} ${problem}.`,
      );
    }
  });
  return vectors as number[][];
}
