import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { addSheetRow, csvFile, csvStream, neutralise, type Cell } from '../spreadsheet';

describe('neutralise', () => {
  describe.each<[string, string]>([
    ['an equals sign', '=HYPERLINK("http://evil","x")'],
    ['a plus sign', "+cmd|' /C calc'!A0"],
    ['a minus sign', '-2+3'],
    ['text that reads as a negative number', '-1'],
    ['an at sign', '@SUM(1)'],
    ['a tab', '\t=1'],
    ['a carriage return', '\r=1'],
    ['a line feed', '\n=1'],
    ['a full-width equals sign', '＝1+1'],
    ['a full-width plus sign', '＋1'],
    ['a full-width minus sign', '－1'],
    ['a full-width at sign', '＠SUM(1)'],
    ['blanks before an equals sign', '  =1+1'],
    ['an ideographic space before a plus sign', '\u3000+1'],
    ['a no-break space before an at sign', '\u00a0@SUM(1)'],
  ])('a text starting with %s', (_, value) => {
    it('gets a leading single quote and keeps the rest', () => {
      expect(neutralise(value)).toBe(`'${value}`);
    });
  });

  describe.each<[string, Cell]>([
    ['a Chinese name', '西安市'],
    ['an apostrophe inside', "Xi'an"],
    ['a formula character later on', '1+1=2'],
    ['an e-mail', 'editor@xian.gov.cn'],
    ['a phone number with its country code inside', '电话 +86 029'],
    ['a text already quoted', "'=1"],
    ['an em dash', '—'],
    ['an empty text', ''],
    ['a leading blank before ordinary text', ' 西安'],
    ['a negative number', -6],
    ['a positive number', 336],
    ['zero', 0],
    ['nothing', null],
    ['undefined', undefined],
  ])('%s', (_, value) => {
    it('is left as it is', () => {
      expect(neutralise(value)).toBe(value);
    });
  });
});

describe('the writers', () => {
  const rows: Cell[][] = [
    ['=1+1', -6, "Xi'an"],
    ['@SUM(1)', 0, null],
  ];
  const parsed = (csv: string) => parse(csv.replace(/^\uFEFF/, '')) as string[][];

  it('writes a CSV with a byte-order mark, the heading, and every text cell neutralised', () => {
    const bytes = csvFile(rows, ['名称', '数量', '备注']);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parsed(bytes.toString('utf8'))).toEqual([
      ['名称', '数量', '备注'],
      ["'=1+1", '-6', "Xi'an"],
      ["'@SUM(1)", '0', ''],
    ]);
  });

  const read = async (stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  };

  it('streams the same CSV', async () => {
    const streamed = await read(csvStream(['名称', '数量', '备注'], Readable.from(rows)));
    expect(streamed.equals(csvFile(rows, ['名称', '数量', '备注']))).toBe(true);
  });

  it('fails the stream when reading the rows fails', async () => {
    async function* failing() {
      yield ['一'];
      throw new Error('database gone');
    }
    await expect(read(csvStream(['名称'], failing()))).rejects.toThrow('database gone');
  });

  it('stops reading the rows when the stream is given up', async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          yield ['行'];
        }
      } finally {
        closed = true;
      }
    }
    const stream = csvStream(['名称'], endless());
    await new Promise((resolve) => stream.once('data', resolve));
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(100_000);
  });

  it('writes the same cells to a worksheet, numbers as numbers', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('表');
    for (const row of rows) addSheetRow(sheet, row);
    expect(sheet.getRow(1).values).toEqual([undefined, "'=1+1", -6, "Xi'an"]);
    expect(sheet.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B1').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('A2').value).toBe("'@SUM(1)");
  });
});
