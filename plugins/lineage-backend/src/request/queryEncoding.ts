import { InputError } from '@backstage/errors';

/** `text` percent-decoded as Express's query parser does; undefined when not UTF-8. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A UTF-16 surrogate percent-encoded on its own, as CESU-8 writes it. */
const SURROGATE_HALF = /%ED%[AB][0-9A-F]/i;

function refusal(what: string, text: string) {
  // Only surrogate halves get the emoji hint; a stray, cut-off or
  // non-UTF-8 escape gets the rule.
  const hint = SURROGATE_HALF.test(text)
    ? '📈 is %F0%9F%93%88, not its UTF-16 halves %ED%A0%BD%ED%B3%88'
    : 'each %XX is one byte of the UTF-8 of the value; a literal % is %25';
  return new InputError(
    `${what} is not percent-encoded UTF-8: ${JSON.stringify(text)} (${hint})`,
  );
}

/**
 * Express middleware for every route: a query parameter that is not
 * percent-encoded UTF-8 (`%E0%A4%A`, or a surrogate's UTF-16 halves
 * `%ED%A0%BD`) is a 400 naming it. Express leaves such a value as it
 * came, escapes and all: a search would look for the escapes themselves.
 */
export function refuseUndecodableQuery(
  req: { url?: string },
  _res: unknown,
  next: (error?: unknown) => void,
) {
  const url = req.url ?? '';
  const start = url.indexOf('?');
  const pairs = start < 0 ? [] : url.slice(start + 1).split('&');
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    const param = decoded(name);
    if (param === undefined) {
      next(refusal('a request/query parameter name', name));
      return;
    }
    if (at >= 0 && decoded(pair.slice(at + 1)) === undefined) {
      next(refusal(`request/query/${param}`, pair.slice(at + 1)));
      return;
    }
  }
  next();
}
