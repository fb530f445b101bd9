export type ChunkOptions = { size?: number; overlap?: number };

// Boundaries to cut after, best first. A cut is only taken in the second half
// of a window, so every chunk is at least half full and the overlap always
// leaves room to move forward.
const BOUNDARIES = [
  /\n[ \t]*\n\s*/g, // paragraph (blank line)
  /[.!?…]["'”’)\]]*\s+|[。！？]\s*/gu, // sentence (CJK needs no space after)
  /\n\s*/g, // line (Markdown lists, table rows)
  /\s+/g, // word
];

/**
 * Splits text into chunks of about `size` characters (default 1,000), each
 * repeating the last ~`overlap` (150) characters of the one before, cut at a
 * paragraph, else a sentence, else a word boundary; a word longer than a chunk
 * is cut where it must. Deterministic; CRLF is read as LF; no chunk is empty.
 */
export function chunkText(text: string, options: ChunkOptions = {}): string[] {
  const size = options.size ?? 1000;
  const overlap = Math.min(options.overlap ?? 150, Math.floor(size / 4));
  const normal = text.replace(/\r\n?/g, '\n');
  const chunks: string[] = [];
  let start = skipSpace(normal, 0);
  while (start < normal.length) {
    const end =
      normal.length - start <= size
        ? normal.length
        : cutPoint(normal, start, size);
    const chunk = normal.slice(start, end).trim();
    if (chunk) chunks.push(chunk);
    if (end >= normal.length) break;
    start = skipSpace(
      normal,
      Math.max(overlapStart(normal, end, overlap), start + 1),
    );
  }
  return chunks;
}

/** Where to end the chunk that begins at `start`: after the last, best boundary in its window. */
function cutPoint(text: string, start: number, size: number): number {
  const window = text.slice(start, start + size);
  const half = Math.floor(size / 2);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      const after = match.index + match[0].length;
      if (match.index >= half) best = Math.min(after, window.length);
    }
    if (best > 0) return start + best;
  }
  // A word longer than the window: cut, but never between a surrogate pair.
  const hard = start + size;
  return isHighSurrogate(text.charCodeAt(hard - 1)) ? hard - 1 : hard;
}

/** The next chunk starts ~overlap characters back, at the start of a word. */
function overlapStart(text: string, end: number, overlap: number): number {
  const from = end - overlap;
  const space = text.slice(from, end).search(/\s/);
  if (space >= 0) return from + space;
  return isLowSurrogate(text.charCodeAt(from)) ? from - 1 : from;
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
