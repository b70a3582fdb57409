import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';

/**
 * Hostile and odd input folders, run through the real command line: each must end in a message
 * naming the file (and line and column where there is one) with exit status 1 and the previous
 * output untouched, or be accepted. Never a raw system error, never a hang (runScript's timeout
 * and the test timeout are the guard).
 */
type Case = [
  name: string,
  /** Breaks a freshly written copy of smallDataset() in `dir`. */
  breakIt: (dir: string) => void,
  expected: RegExp,
];

const edit = (dir: string, name: string, f: (text: string) => string) =>
  writeFileSync(join(dir, name), f(readFileSync(join(dir, name), 'utf8')));
const replaceWithFolder = (dir: string, name: string) => {
  unlinkSync(join(dir, name));
  mkdirSync(join(dir, name));
};
const mkfifo = (path: string) => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error('mkfifo failed');
};

const FAILING: Case[] = [
  [
    'an article text that is a folder',
    (d) => replaceWithFolder(d, 'articles/a1.txt'),
    /articles\/a1\.txt: error: a folder, not a file/,
  ],
  [
    'an article YAML file that is a folder',
    (d) => replaceWithFolder(d, 'articles/a1.yaml'),
    /articles\/a1\.yaml: error: a folder, not a file/,
  ],
  [
    'actors.yaml as a folder',
    (d) => replaceWithFolder(d, 'actors.yaml'),
    /actors\.yaml: error: a folder, not a file/,
  ],
  [
    'relation-types.yaml as a folder',
    (d) => replaceWithFolder(d, 'relation-types.yaml'),
    /relation-types\.yaml: error: a folder, not a file/,
  ],
  [
    'a symbolic link loop',
    (d) => {
      unlinkSync(join(d, 'articles/a1.txt'));
      symlinkSync('a1.txt', join(d, 'articles/a1.txt'));
    },
    /articles\/a1\.txt: error: a loop of symbolic links/,
  ],
  [
    'a two-link loop for actors.yaml',
    (d) => {
      unlinkSync(join(d, 'actors.yaml'));
      symlinkSync('other.yaml', join(d, 'actors.yaml'));
      symlinkSync('actors.yaml', join(d, 'other.yaml'));
    },
    /actors\.yaml: error: a loop of symbolic links/,
  ],
  [
    'a symbolic link to nothing',
    (d) => {
      unlinkSync(join(d, 'articles/a2.txt'));
      symlinkSync('gone.txt', join(d, 'articles/a2.txt'));
    },
    /articles\/a2\.txt: error: a symbolic link to a file that does not exist/,
  ],
  [
    'a named pipe as an article text (it would block a reader forever)',
    (d) => {
      unlinkSync(join(d, 'articles/a1.txt'));
      mkfifo(join(d, 'articles/a1.txt'));
    },
    /articles\/a1\.txt: error: a named pipe, not a regular file/,
  ],
  [
    'a named pipe as actors.yaml',
    (d) => {
      unlinkSync(join(d, 'actors.yaml'));
      mkfifo(join(d, 'actors.yaml'));
    },
    /actors\.yaml: error: a named pipe, not a regular file/,
  ],
  [
    'a symbolic link to /dev/zero (endless)',
    (d) => {
      unlinkSync(join(d, 'articles/a2.txt'));
      symlinkSync('/dev/zero', join(d, 'articles/a2.txt'));
    },
    /articles\/a2\.txt: error: a device, not a regular file/,
  ],
  [
    'a symbolic link to a file outside the data folder (it would be published)',
    (d) => {
      const outside = join(d, '..', `${basename(d)}-secret.txt`);
      writeFileSync(outside, readFileSync(join(d, 'articles/a2.txt')));
      unlinkSync(join(d, 'articles/a2.txt'));
      symlinkSync(outside, join(d, 'articles/a2.txt'));
    },
    /articles\/a2\.txt: error: a symbolic link to a file outside the data folder: it is not used/,
  ],
  [
    'a YAML file over the size limit',
    (d) => edit(d, 'articles/a2.yaml', (t) => `${t}# ${'x'.repeat(5 * 1024 * 1024)}\n`),
    /articles\/a2\.yaml: error: the file is larger than 4 MiB, the limit for this kind of file/,
  ],
  [
    'both a1.yaml and a1.yml',
    (d) => writeFileSync(join(d, 'articles/a1.yml'), readFileSync(join(d, 'articles/a1.yaml'))),
    /articles\/a1\.yaml: error: two files for the annotations of article "a1": .*a1\.yaml and .*a1\.yml/,
  ],
  [
    'both a2.txt and a2.TXT',
    (d) => writeFileSync(join(d, 'articles/a2.TXT'), 'Other text.'),
    /error: two files for the text of article "a2": .*a2\.TXT and .*a2\.txt/,
  ],
  [
    'a NUL byte in a YAML file',
    (d) => edit(d, 'actors.yaml', (t) => t.replace('label: Beta Kingdom', 'label: Beta\0Kingdom')),
    /actors\.yaml:7:16: error: the file contains the control character U\+0000 \(NUL\)/,
  ],
  [
    'an escape character in a YAML file',
    (d) => edit(d, 'articles/a2.yaml', (t) => t.replace('title: A pact', 'title: A \x1b[2Jpact')),
    /articles\/a2\.yaml:1:10: error: the file contains the control character U\+001B \(escape\)/,
  ],
  [
    'a NUL byte in an article text',
    (d) => edit(d, 'articles/a2.txt', (t) => t.replace('signed', 'sig\0ned')),
    /articles\/a2\.txt:1:19: error: the article text contains the control character U\+0000 \(NUL\)/,
  ],
  [
    'a billion-laughs alias bomb',
    (d) =>
      edit(
        d,
        'articles/a2.yaml',
        (t) =>
          t.replace('title: A pact', 'titleNote: &a [x, x, x, x, x, x, x, x, x]\ntitle: A pact') +
          Array.from(
            { length: 6 },
            (_, i) =>
              `x${i}: &${String.fromCharCode(98 + i)} [${Array(9)
                .fill(`*${String.fromCharCode(97 + i)}`)
                .join(', ')}]\n`,
          ).join(''),
      ),
    /articles\/a2\.yaml:\d+:\d+: error: the aliases expand to too large a value/,
  ],
  [
    'an unresolved alias',
    (d) => edit(d, 'articles/a2.yaml', (t) => t.replace('title: A pact', 'title: *nowhere')),
    /articles\/a2\.yaml:1:8: error: the alias \*nowhere refers to no anchor before it/,
  ],
  [
    'a !!js/function tag',
    (d) =>
      edit(d, 'articles/a2.yaml', (t) => t.replace('title: A pact', 'title: !!js/function A pact')),
    /articles\/a2\.yaml:1:8: error: the tag "!!js\/function" is not allowed/,
  ],
  [
    'a !!python/object tag',
    (d) =>
      edit(d, 'actors.yaml', (t) =>
        t.replace('  - id: beta\n', '  - !!python/object:os.system\n    id: beta\n'),
      ),
    /actors\.yaml:6:5: error: the tag "!!python\/object:os\.system" is not allowed/,
  ],
  [
    'a custom tag',
    (d) => edit(d, 'relation-types.yaml', (t) => t.replace('sign: 1', 'sign: !custom 1')),
    /relation-types\.yaml:5:11: error: the tag "!custom" is not allowed/,
  ],
  [
    'a quote ending inside a character (a cut-off combining accent)',
    (d) => {
      edit(d, 'articles/a2.txt', (t) => t.replace('a pact.', 'a pacte\u0301 there.'));
      edit(d, 'articles/a2.yaml', (t) => t.replace('signed a pact.', 'signed a pacte'));
    },
    /articles\/a2\.yaml:10:12: error: the quote ends inside a character: the text has "e\u0301" \(U\+0065 U\+0301\)/,
  ],
  [
    'a quote starting inside an emoji ZWJ sequence',
    (d) => {
      edit(d, 'articles/a2.txt', (t) => t.replace('Beta and', '\u{1F468}\u200D\u{1F469} Beta and'));
      edit(d, 'articles/a2.yaml', (t) =>
        t.replace('quote: Beta and Alpha', 'quote: "\u200D\u{1F469} Beta and Alpha'),
      );
      edit(d, 'articles/a2.yaml', (t) => t.replace('signed a pact.', 'signed a pact."'));
    },
    /articles\/a2\.yaml:10:12: error: the quote starts inside a character/,
  ],
  [
    'an impossible date (2023-02-29)',
    (d) => edit(d, 'articles/a1.yaml', (t) => t.replace('2020-05-01', '2023-02-29')),
    /articles\/a1\.yaml:4:9: error: published\.date "2023-02-29" is not a date on the calendar: February 2023 has 28 days/,
  ],
  [
    'an impossible date (2021-04-31)',
    (d) => edit(d, 'articles/a1.yaml', (t) => t.replace('2020-05-01', '2021-04-31')),
    /articles\/a1\.yaml:4:9: error: published\.date "2021-04-31" is not a date on the calendar: April 2021 has 30 days/,
  ],
  [
    'month 13',
    (d) => edit(d, 'articles/a1.yaml', (t) => t.replace('2020-05-01', '2020-13-01')),
    /articles\/a1\.yaml:4:9: error: published\.date "2020-13-01" is not in the expected form/,
  ],
  [
    'a zero-width space in a label',
    (d) =>
      edit(d, 'actors.yaml', (t) => t.replace('label: Beta Kingdom', 'label: Beta\u200bKingdom')),
    /actors\.yaml:7:16: error: the label "Beta\\u200bKingdom" contains an invisible or control character, U\+200B \(zero-width space\)/,
  ],
  [
    'a zero-width joiner in an alias',
    (d) => edit(d, 'actors.yaml', (t) => t.replace('[Betaburg]', '[Beta\u200dburg]')),
    /actors\.yaml:9:19: error: the alias "Beta\\u200dburg" contains an invisible/,
  ],
  [
    'a bidi override in an annotation name',
    (d) => edit(d, 'articles/a2.yaml', (t) => t.replace('source: beta\n', 'source: \u202ebeta\n')),
    /articles\/a2\.yaml:11:13: error: source "\\u202ebeta" contains an invisible or control character, U\+202E \(right-to-left override\)/,
  ],
  [
    'a name written with a Cyrillic letter in an annotation',
    (d) => edit(d, 'articles/a2.yaml', (t) => t.replace('source: beta\n', 'source: b\u0435ta\n')),
    /articles\/a2\.yaml:11:13: error: unknown actor "b\u0435ta" as source: it looks like a name of Beta Kingdom \(beta\) but is written with different characters/,
  ],
  [
    'two actors whose labels differ only in their Unicode normal form',
    (d) =>
      void edit(
        d,
        'actors.yaml',
        (t) =>
          `${t}  - id: cafe-1\n    label: "Caf\u00e9"\n    kind: state\n  - id: cafe-2\n    label: "Cafe\u0301"\n    kind: state\n`,
      ),
    /actors\.yaml:22:12: error: the name "Caf\u00e9" is claimed by both "cafe-1" and "cafe-2"/,
  ],
  [
    'an escape character written as a YAML escape in a title',
    (d) => edit(d, 'articles/a2.yaml', (t) => t.replace('title: A pact', 'title: "A \\e[2Jpact"')),
    /articles\/a2\.yaml:1:8: error: the value of title contains the control character U\+001B \(escape\): "A \\u001b\[2Jpact"/,
  ],
  [
    'a NUL and a next-line control written as escapes in an outlet and a note',
    (d) => {
      edit(d, 'articles/a1.yaml', (t) =>
        t.replace('outlet: The Test Post', 'outlet: "The\\0Post"'),
      );
      edit(d, 'articles/a2.yaml', (t) =>
        t.replace('    quote: Beta later', '    note: "x\\u0085y"\n    quote: Beta later'),
      );
    },
    /articles\/a1\.yaml:2:9: error: the value of outlet contains the control character U\+0000 \(NUL\)[\s\S]*articles\/a2\.yaml:14:11: error: the value of note contains the control character U\+0085 \(next line\)/,
  ],
  [
    'a lone surrogate written as an escape in a label',
    (d) =>
      edit(d, 'actors.yaml', (t) =>
        t.replace('label: Beta Kingdom', 'label: "Beta\\ud800Kingdom"'),
      ),
    /actors\.yaml:7:12: error: the value of label contains U\+D800, a lone surrogate/,
  ],
  [
    'a noncharacter written as an escape in an alias',
    (d) => edit(d, 'actors.yaml', (t) => t.replace('[Betaburg]', '[Betaburg, "X\\uFFFF"]')),
    /actors\.yaml:9:25: error: a value contains the noncharacter U\+FFFF/,
  ],
  [
    'YAML nested thousands of levels deep',
    (d) =>
      edit(d, 'articles/a2.yaml', (t) =>
        t.replace('title: A pact', `title: A pact\nx: ${'['.repeat(5000)}${']'.repeat(5000)}`),
      ),
    /^(?![\s\S]*call stack)[\s\S]*articles\/a2\.yaml:2:67: error: the file is nested too deeply: more than 64 mappings and sequences inside one another/,
  ],
  [
    'a complex mapping key (no warning from the YAML library may leak)',
    (d) =>
      edit(d, 'actors.yaml', (t) =>
        t.replace('  - id: beta\n', '  - ? [a, b]\n    : Russia\n    id: beta\n'),
      ),
    /^(?![\s\S]*Warning)[\s\S]*actors\.yaml:6:7: error: a key is a sequence; keys must be plain names/,
  ],
  [
    'a quote in NFC for a text in NFD',
    (d) => {
      edit(d, 'articles/a2.txt', (t) => t.replace('a pact.', 'a pact in Zu\u0308rich.'));
      edit(d, 'articles/a2.yaml', (t) => t.replace('a pact.', 'a pact in Z\u00fcrich.'));
    },
    /articles\/a2\.yaml:10:12: error: quote not found in the article text as written: the quote and the text write the same letters in different Unicode forms, composed and decomposed: the quote has "\u00fc" \(U\+00FC\) where the text has "u\u0308" \(U\+0075 U\+0308\)/,
  ],
];

/** Accepted odd input: the build succeeds. */
const ACCEPTED: Case[] = [
  [
    'an articles folder that is a link to a corpus kept elsewhere',
    (d) => {
      const corpus = `${d}-corpus`;
      renameSync(join(d, 'articles'), corpus);
      symlinkSync(corpus, join(d, 'articles'));
    },
    /^$/,
  ],
  [
    'upper-case and .yml extensions, a dotfile and a stray file',
    (d) => {
      renameSync(join(d, 'articles/a1.yaml'), join(d, 'articles/a1.YML'));
      renameSync(join(d, 'articles/a2.txt'), join(d, 'articles/a2.TXT'));
      renameSync(join(d, 'articles/a2.yaml'), join(d, 'articles/a2.yml'));
      writeFileSync(join(d, 'articles/.DS_Store'), '\0\0');
      writeFileSync(join(d, 'articles/notes.md'), 'to do');
      mkdirSync(join(d, 'articles/drafts'));
    },
    /articles\/drafts: warning: a folder in articles\/ is ignored[\s\S]*articles\/notes\.md: warning: ignored: not an article file/,
  ],
  [
    'look-alike names, which are warned about',
    (d) =>
      edit(d, 'actors.yaml', (t) =>
        t.replace('[Alphaville, The Alphans]', '[Alphaville, The Alphans, Gamma Fr\u043ent]'),
      ),
    /actors\.yaml:5:48: warning: the alias "Gamma Fr\u043ent" mixes Latin and Cyrillic letters: "\u043e" \(U\+043E, Cyrillic\)[\s\S]*actors\.yaml:11:12: warning: "Gamma Front" of actor "gamma-front" looks like "Gamma Fr\u043ent" of actor "alpha" \(line 5\)/,
  ],
];

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

describe('build:graph on hostile and odd input', () => {
  let good: string;
  let out: string;
  beforeAll(() => {
    good = writeDataset(smallDataset());
    out = join(good, 'out');
    const run = runScript('build-graph.ts', ['--data', good, '--out', out, '--quiet']);
    expect(run.status).toBe(0);
  });
  afterAll(() => rmSync(good, { recursive: true, force: true }));

  for (const [name, breakIt, expected] of FAILING) {
    it(`refuses ${name}, saying where, and leaves the output unchanged`, () => {
      const before = snapshot(out);
      const dir = writeDataset(smallDataset());
      try {
        breakIt(dir);
        const run = runScript('build-graph.ts', ['--data', dir, '--out', out, '--quiet']);
        expect(run.stderr).toMatch(expected);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/Build failed: \d+ errors?\. Nothing was written/);
        // No raw errno, no stack; the temporary folders' names left out (their random suffix
        // can be "ERWPFM", an errno's shape).
        const said = run.stderr.replaceAll(dir, 'DATA').replaceAll(good, 'GOOD');
        expect(said).not.toMatch(/\bE[A-Z]{3,}\b|\n\s+at /);
        expect(snapshot(out)).toEqual(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  for (const [name, change, expected] of ACCEPTED) {
    it(`accepts ${name}`, () => {
      const dir = writeDataset(smallDataset());
      try {
        change(dir);
        const run = runScript('build-graph.ts', ['--data', dir, '--quiet']);
        expect(run.stderr).toMatch(expected);
        expect(run.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(`${dir}-corpus`, { recursive: true, force: true }); // a case's corpus elsewhere
      }
    });
  }

  it('says once that an article YAML file cannot be used, not also that the text lacks one', () => {
    const dir = writeDataset(smallDataset());
    try {
      replaceWithFolder(dir, 'articles/a1.yaml');
      const run = runScript('build-graph.ts', ['--data', dir, '--quiet']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/articles\/a1\.yaml: error: a folder, not a file/);
      expect(run.stderr).not.toMatch(/article text without annotations/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when the data folder does not exist or is a file', () => {
    const missing = runScript('build-graph.ts', ['--data', join(good, 'nowhere'), '--quiet']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nowhere: error: the data folder does not exist/);
    expect(missing.stderr).not.toMatch(/(relation-types|actors)\.yaml: error/);
    const file = runScript('build-graph.ts', ['--data', join(good, 'actors.yaml'), '--quiet']);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/actors\.yaml: error: the data folder is a file, not a folder/);
  });

  it('writes control characters from names and arguments visibly, never to the terminal', () => {
    const dir = writeDataset(smallDataset());
    try {
      // A name in an annotation that tries to clear the screen and hide itself.
      edit(dir, 'articles/a2.yaml', (t) =>
        t.replace('source: beta\n', 'source: "\\e[2J\\e]0;pwned\\u0007Beta\\u009b31m\\u202e"\n'),
      );
      const run = runScript('build-graph.ts', ['--data', dir, '--quiet']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('\\u001b[2J');
      // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const usage = runScript('build-graph.ts', ['--\u001b[2Jbogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('\\u001b[2Jbogus');
    expect(usage.stderr).not.toContain('\u001b');

    // Paths echoed in the summary lines (not only in issues) are escaped too.
    const crafted = join(good, 'out\u001b]0;pwned\u0007');
    const failed = runScript('build-graph.ts', ['--data', join(good, 'nowhere'), '--out', crafted]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('\\u001b]0;pwned\\u0007');
    expect(failed.stderr).not.toContain('\u001b');
    const built = runScript('build-graph.ts', ['--data', good, '--out', crafted]);
    expect(built.status).toBe(0);
    expect(built.stdout).toContain('\\u001b]0;pwned');
    expect(built.stdout).not.toContain('\u001b');
  });
});
