import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  jvmOptions,
  parseProperties,
  renderTemplate,
  renderTree,
} from './template.ts';

describe('renderTemplate', () => {
  it('replaces every ${NAME}, and leaves other dollars alone', () => {
    expect(
      renderTemplate('a=${A}\nb=${B}/${A}\nc=$HOME ${lower}', {
        A: '1',
        B: 'two',
      }),
    ).toBe('a=1\nb=two/1\nc=$HOME ${lower}');
  });

  it('names every placeholder without a value', () => {
    expect(() =>
      renderTemplate('${A} ${B} ${C} ${B}', { A: '' }, 'x.properties'),
    ).toThrow('x.properties: no value for ${B}, ${C}');
  });

  it('does not take values from the object prototype', () => {
    expect(() => renderTemplate('${TO_STRING}', {})).toThrow(/TO_STRING/);
  });
});

describe('renderTree', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-template-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('renders nested files and keeps files that have no template', async () => {
    const from = join(dir, 'from');
    const to = join(dir, 'to');
    await mkdir(join(from, 'etc', 'catalog'), { recursive: true });
    await writeFile(join(from, 'etc', 'config.properties'), 'port=${PORT}\n');
    await writeFile(join(from, 'etc', 'catalog', 'a.properties'), 'x=${PORT}');
    await mkdir(join(to, 'etc', 'catalog'), { recursive: true });
    await writeFile(join(to, 'etc', 'catalog', 'run_1.properties'), 'kept');

    const written = await renderTree(from, to, { PORT: '8080' });

    expect(written).toEqual([
      join(to, 'etc', 'catalog', 'a.properties'),
      join(to, 'etc', 'config.properties'),
    ]);
    expect(await readFile(join(to, 'etc', 'config.properties'), 'utf8')).toBe(
      'port=8080\n',
    );
    expect(
      await readFile(join(to, 'etc', 'catalog', 'run_1.properties'), 'utf8'),
    ).toBe('kept');
  });
});

describe('jvmOptions', () => {
  it('takes one option per line, without blanks and comments', () => {
    expect(jvmOptions('# heap\n-Xmx3G\n\n  -Dfile.encoding=UTF-8  \n')).toEqual(
      ['-Xmx3G', '-Dfile.encoding=UTF-8'],
    );
  });
});

describe('parseProperties', () => {
  it('reads key=value lines; values may hold "="', () => {
    expect(
      parseProperties('# c\n! c\nnode.id=a\n url = jdbc:x?a=b \n\n'),
    ).toEqual({ 'node.id': 'a', url: 'jdbc:x?a=b' });
  });

  it('rejects a line without "="', () => {
    expect(() => parseProperties('oops')).toThrow('not a key=value line: oops');
  });
});
