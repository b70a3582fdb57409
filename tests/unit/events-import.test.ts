import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importGdelt, ImportError } from '../../src/node/events/importGdelt.ts';
import { writeDataset } from '../helpers/dataset.ts';
import { cameoDataset, FIRST_FILE, gdeltFile, gdeltLine, SECOND_FILE } from '../helpers/gdelt.ts';

const HEADER =
  'source,relation,target,month,events,mentions,sources,articles,goldstein,tone,url_first,url_last';

function setup(): { dir: string; file: (name: string, content: string | Uint8Array) => string } {
  const dir = writeDataset(cameoDataset());
  mkdirSync(join(dir, 'in'));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, 'in', name);
      writeFileSync(path, content);
      return path;
    },
  };
}

const layer = (dir: string) => readFileSync(join(dir, 'events', 'gdelt.csv'), 'utf8');
const store = (dir: string) => readFileSync(join(dir, 'events', 'gdelt-events.csv'), 'utf8');

describe('importGdelt on hand-made event files', () => {
  it('maps actors (longest code first) and roots, and aggregates per pair, type and month', async () => {
    const { dir, file } = setup();
    const report = await importGdelt({
      dataDir: dir,
      files: [file('a.CSV', gdeltFile(FIRST_FILE))],
    });
    expect(layer(dir)).toBe(
      [
        HEADER,
        // ids 1 and 2: ALP-BET and BETGOV-ALP, roots 04 and 05; undirected, so in id order.
        'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,http://a.example/1,http://a.example/2',
        'alpha,opposes,beta,2015-03,1,1,1,1,-5,-2.5,http://c.example/4,',
        // ALPREB is gamma-front's, more specific than ALP.
        'gamma-front,opposes,alpha,2015-02,1,2,1,2,-10,-5,https://b.example/3,',
        '',
      ].join('\n'),
    );
    expect(report).toMatchObject({
      read: 9,
      added: 4,
      duplicates: 0,
      total: 4,
      rows: 3,
      sameActor: 1,
      unmappedRoots: [{ code: '08', events: 1 }],
      unmappedActors: [
        { code: 'XYZ', events: 2 },
        { code: 'QQQ', events: 1 },
      ],
      unmappedActorCodes: 2,
      memoryLimit: '1GB',
      changed: true,
    });
    expect(store(dir).split('\n')[0]).toBe(
      'GLOBALEVENTID,MonthYear,Actor1Code,Actor2Code,EventRootCode,GoldsteinScale,NumMentions,NumSources,NumArticles,AvgTone,SOURCEURL',
    );
  });

  it('is idempotent, and counts an event once across files (GLOBALEVENTID)', async () => {
    const { dir, file } = setup();
    const first = file('a.CSV', gdeltFile(FIRST_FILE));
    await importGdelt({ dataDir: dir, files: [first] });
    const before = [layer(dir), store(dir)];
    const again = await importGdelt({ dataDir: dir, files: [first] });
    expect(again).toMatchObject({ added: 0, duplicates: 4, total: 4, changed: false });
    expect([layer(dir), store(dir)]).toEqual(before);

    const more = await importGdelt({
      dataDir: dir,
      files: [file('b.CSV', gdeltFile(SECOND_FILE))],
    });
    expect(more).toMatchObject({ read: 2, added: 1, duplicates: 1, total: 5, rows: 4 });
    expect(layer(dir)).toContain('alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,');
    expect(layer(dir)).toContain(
      'alpha,cooperates-with,beta,2015-03,1,3,3,3,7,1.25,http://d.example/9,',
    );
    // Both files at once, in either order, give the same layer as one after the other.
    const other = setup();
    await importGdelt({
      dataDir: other.dir,
      files: [
        other.file('b.CSV', gdeltFile(SECOND_FILE)),
        other.file('a.CSV', gdeltFile(FIRST_FILE)),
      ],
    });
    expect(layer(other.dir)).toBe(layer(dir));
    expect(store(other.dir)).toBe(store(dir));
  });

  it('reads .CSV.zip as GDELT publishes it', async () => {
    const { dir, file } = setup();
    const zip = zipSync({
      '20150218230000.export.CSV': new TextEncoder().encode(gdeltFile(FIRST_FILE)),
    });
    const report = await importGdelt({ dataDir: dir, files: [file('x.export.CSV.zip', zip)] });
    expect(report.files[0]!.path).toMatch(/x\.export\.CSV\.zip:20150218230000\.export\.CSV$/);
    expect(report.total).toBe(4);
  });

  it('--replace starts from an empty layer', async () => {
    const { dir, file } = setup();
    await importGdelt({ dataDir: dir, files: [file('a.CSV', gdeltFile(FIRST_FILE))] });
    const report = await importGdelt({
      dataDir: dir,
      files: [file('b.CSV', gdeltFile(SECOND_FILE))],
      replace: true,
    });
    expect(report).toMatchObject({ total: 2, added: 2 });
  });

  it('tolerates and counts lines whose name fields are not UTF-8', async () => {
    const { dir, file } = setup();
    const good = gdeltFile(FIRST_FILE.slice(0, 2));
    const bad = Buffer.concat([
      Buffer.from(good),
      Buffer.from(
        `${gdeltLine({ ...FIRST_FILE[2]!, actor1Name: 'NAME_X' })}\n`.replace('NAME_X', '\u0000'),
        'utf8',
      ),
    ]);
    // Put a lone 0xff byte where the name was (written as NUL above, replaced here).
    bad[bad.indexOf(0)] = 0xff;
    const report = await importGdelt({ dataDir: dir, files: [file('u.CSV', bad)] });
    expect(report.files[0]).toMatchObject({ events: 3, invalidUtf8Lines: 1, firstInvalidLine: 3 });
    expect(report.total).toBe(3);
  });
});

describe('importGdelt refuses bad input and writes nothing', () => {
  async function failure(
    prepare: (s: ReturnType<typeof setup>) => string[],
    data?: (dir: string) => void,
  ): Promise<{ message: string; dir: string }> {
    const s = setup();
    await importGdelt({ dataDir: s.dir, files: [s.file('ok.CSV', gdeltFile(FIRST_FILE))] });
    const before = [layer(s.dir), store(s.dir)];
    data?.(s.dir);
    const files = prepare(s);
    const error = await importGdelt({ dataDir: s.dir, files }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    // The previous layer byte for byte, and no temporary file beside it.
    expect([layer(s.dir), store(s.dir)]).toEqual(before);
    expect(readdirSync(join(s.dir, 'events')).sort()).toEqual(['gdelt-events.csv', 'gdelt.csv']);
    return { message: (error as Error).message, dir: s.dir };
  }

  it('an events folder that is a link leading outside the data folder: refused, nothing written there', async () => {
    const s = setup();
    const elsewhere = mkdtempSync(join(tmpdir(), 'actor-graph-elsewhere-'));
    symlinkSync(elsewhere, join(s.dir, 'events'));
    const error = await importGdelt({
      dataDir: s.dir,
      files: [s.file('ok.CSV', gdeltFile(FIRST_FILE))],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/events leads outside the data folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a file with the wrong number of columns (a mentions or GKG file): its name and line', async () => {
    const mentions = `${gdeltLine(FIRST_FILE[0]!)}\n410412347\t20150218230000\t20150218230000\t1\t1\tx.com\n`;
    const { message } = await failure((s) => [
      s.file('m.CSV', gdeltFile(FIRST_FILE)),
      s.file('20150218.mentions.CSV', mentions),
    ]);
    expect(message).toMatch(
      /20150218\.mentions\.CSV:2: 6 tab-separated columns where a GDELT 2\.0 event export has 61/,
    );
    expect(message).toMatch(/Mentions .* and GKG files have other columns/);
  });

  it('a value that is not a number: the line', async () => {
    const text = gdeltFile(FIRST_FILE).replace(/^3\t/m, 'x3\t');
    const { message } = await failure((s) => [s.file('n.CSV', text)]);
    expect(message).toMatch(/n\.CSV:3: "x3" is not a number/);
  });

  it('a corrupt zip', async () => {
    const { message } = await failure((s) => [
      s.file('c.CSV.zip', 'PK\u0003\u0004 not really a zip'),
    ]);
    expect(message).toMatch(/c\.CSV\.zip: not a readable zip file/);
  });

  it('an empty file', async () => {
    const { message } = await failure((s) => [s.file('e.CSV', '')]);
    expect(message).toMatch(/e\.CSV: the file is empty/);
  });

  it('a path that does not exist', async () => {
    const { message } = await failure((s) => [join(s.dir, 'in', 'nothing.CSV')]);
    expect(message).toMatch(/nothing\.CSV: no such file/);
  });

  it('a mapping that sends one CAMEO code to two actors: actors.yaml and the line', async () => {
    const { message } = await failure(
      (s) => [s.file('ok2.CSV', gdeltFile(FIRST_FILE))],
      (dir) => {
        const path = join(dir, 'actors.yaml');
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replace('cameo: [BET]', 'cameo: [BET, ALP]'),
        );
      },
    );
    expect(message).toMatch(
      /actors\.yaml:\d+:\d+: error: the CAMEO code ALP is given to both "alpha" and "beta"/,
    );
  });
});
