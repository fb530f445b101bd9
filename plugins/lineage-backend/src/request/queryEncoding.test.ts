import { refuseUndecodableQuery } from './queryEncoding';

describe('refuseUndecodableQuery', () => {
  const run = (url: string) => {
    let passed: unknown = 'not called';
    refuseUndecodableQuery({ url }, undefined, error => {
      passed = error;
    });
    return passed;
  };

  it('passes a query of UTF-8 escapes, plus signs and literal percents', () => {
    expect(run('/api/v1/search')).toBeUndefined();
    expect(run('/api/v1/search?q=%F0%9F%93%88+x&limit=2&flag')).toBeUndefined();
    expect(run('/api/v1/search?q=100%25&filter=')).toBeUndefined();
  });

  it('refuses a value or name that is not percent-encoded UTF-8, naming it', () => {
    expect(run('/api/v1/search?limit=2&q=%E0%A4%A')).toMatchObject({
      name: 'InputError',
      message:
        'request/query/q is not percent-encoded UTF-8: "%E0%A4%A" (each %XX is one byte of the UTF-8 of the value; a literal % is %25)',
    });
    // A surrogate's UTF-16 halves (CESU-8): the emoji hint, and only then.
    expect(run('/impact?nodeId=dataset%3Ans%3A%ED%A0%BD')).toMatchObject({
      message:
        'request/query/nodeId is not percent-encoded UTF-8: "dataset%3Ans%3A%ED%A0%BD" (📈 is %F0%9F%93%88, not its UTF-16 halves %ED%A0%BD%ED%B3%88)',
    });
    expect(run('/api/v1/search?q=%FF')).toMatchObject({
      message: expect.stringContaining('each %XX is one byte'),
    });
    expect(run('/api/v1/search?q=a&filter=%')).toMatchObject({
      message: expect.stringMatching(/^request\/query\/filter is not/),
    });
    expect(run('/api/v1/search?%ED%A0%BD=x')).toMatchObject({
      message: expect.stringMatching(
        /^a request\/query parameter name is not percent-encoded UTF-8: "%ED%A0%BD"/,
      ),
    });
  });
});
