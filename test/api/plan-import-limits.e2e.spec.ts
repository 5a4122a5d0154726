import ExcelJS from 'exceljs';
import kent from '../../demo/plans/kent-2017-19.json';
import { RunningApi, startApi } from '../support/api-app';
import { describeEachDurableStore, refusedRecordingNothing } from '../support/durable-stores';
import { packedEntries, zerosEntry, zipOf } from '../support/zip-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachDurableStore(
  'POST /api/plans/import: workbook limits before parsing',
  (setting) => {
    let api: RunningApi;
    let lead: string;
    let workbook: Buffer;
    beforeAll(async () => {
      api = await startApi(setting(), { demoData: 'registry' });
      lead = await api.token('programme-lead', 'lead-1');
      await api
        .http()
        .post('/api/plans/import')
        .set('Authorization', `Bearer ${lead}`)
        .send(kent)
        .expect(201);
      const exported = await api
        .http()
        .get('/api/plans/kent-2017-19/export?format=xlsx')
        .set('Authorization', `Bearer ${lead}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      workbook = exported.body as Buffer;
    }, 120_000);
    afterAll(() => api?.close());

    // replace=true: a workbook holds every section, so it may remove what an earlier test added
    const send = (body: Buffer) =>
      api
        .http()
        .post('/api/plans/import?replace=true')
        .set('Authorization', `Bearer ${lead}`)
        .set('Content-Type', XLSX)
        .send(body);

    it('answers 413 at once for the Kent workbook carrying 256 MiB of zeros in 260 KB, recording nothing', async () => {
      const bomb = zipOf([...packedEntries(workbook), await zerosEntry('xl/media/zeros.bin', 256)]);
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const started = Date.now();
      const refused = await refusedRecordingNothing(setting(), () => send(bomb).expect(413));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(refused.body).toMatchObject({
        status: 413,
        title: 'The workbook unpacks too large',
        errors: [
          {
            field: 'body',
            reason: expect.stringMatching(
              /^the workbook unpacks to more than 50 MiB \(at entry xl\/media\/zeros\.bin\)/,
            ),
          },
        ],
      });
    });

    it('answers 400 for a workbook that is not a sound ZIP, naming the body', async () => {
      const refused = await refusedRecordingNothing(setting(), () =>
        send(Buffer.from('PK\x03\x04 not really a zip, only text pretending to be one')).expect(400),
      );
      expect(refused.body.errors).toEqual([
        {
          field: 'body',
          reason: 'the workbook is not a readable XLSX file (no ZIP end-of-central-directory record)',
        },
      ]);
    });

    it('writes text that starts like a formula as escaped string cells, and reads it back as it was', async () => {
      const triggers = { ...kent, narratives: [{ key: 'n1', heading: '=1+2', text: "=cmd|' /C calc'!A0" }] };
      const changed = await api
        .http()
        .post('/api/plans/import?replace=true') // its narratives replace Kent's
        .set('Authorization', `Bearer ${lead}`)
        .send(triggers)
        .expect(200);
      const exported = await api
        .http()
        .get('/api/plans/kent-2017-19/export?format=xlsx')
        .set('Authorization', `Bearer ${lead}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.body as ArrayBuffer);
      const row = book.getWorksheet('Narratives')!.getRow(2);
      expect([row.getCell(2).type, row.getCell(2).value, row.getCell(3).value]).toEqual([
        ExcelJS.ValueType.String,
        "'=1+2",
        "'=cmd|' /C calc'!A0",
      ]);
      const again = await send(exported.body as Buffer).expect(200);
      expect(again.headers.etag).toBe(changed.headers.etag);
      expect(again.body.content.narratives).toEqual(triggers.narratives);
    });

    it('still imports the real workbook the export wrote (re-zipped the same way as the bomb)', async () => {
      await send(workbook).expect(200);
      await send(zipOf(packedEntries(workbook))).expect(200);
    });
  },
  { per: 'suite' },
);
