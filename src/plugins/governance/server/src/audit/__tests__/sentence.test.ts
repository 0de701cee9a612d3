import fs from 'fs';
import path from 'path';
import { AUDIT_ACTION_CODES, AUDIT_ACTIONS } from '../../../../shared/contracts/audit';
import { personLabel, readableEntry, roleTitle, sentenceOf } from '../sentence';

const LATIN_WORD = /[A-Za-z]{2,}/;

const entry = (fields: Partial<Parameters<typeof readableEntry>[0]>) =>
  readableEntry({
    seq: 1,
    at: '2026-12-04T12:31:37.527Z',
    action: 'submission.submit',
    actorId: 6,
    actorName: '张敏（站点编辑）',
    summary: '张敏（站点编辑）将《关于做好冬季救助工作的通知》从汉滨区报送至陕西省民政厅',
    ip: '10.0.0.6',
    ...fields,
  });

/** Every action code the server records: literal codes in `record(…)` calls and in maps to them. */
const recordedCodes = () => {
  const root = path.join(__dirname, '..', '..');
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) {
        if (name !== '__tests__') walk(file);
      } else if (file.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\.record\(\s*'([a-zA-Z.]+)'/g)) codes.add(match[1]);
        // Maps from an act to its code (replies/handling.ts AUDITED).
        for (const match of text.matchAll(/:\s*'((?:message|article|account)\.[a-zA-Z]+)'/g))
          codes.add(match[1]);
      }
    }
  };
  walk(root);
  return [...codes];
};

describe('the action codes of the 操作日志', () => {
  it('finds the codes the server records', () => {
    expect(recordedCodes()).toEqual(expect.arrayContaining(['submission.submit', 'message.reply']));
  });

  it.each(recordedCodes())('%s, recorded by the server, has a Chinese name', (code) => {
    expect(AUDIT_ACTION_CODES).toContain(code);
  });

  it.each(AUDIT_ACTION_CODES)('%s is named in Chinese and shown by its name', (code) => {
    expect(AUDIT_ACTIONS[code]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(entry({ action: code }).actionName).toBe(AUDIT_ACTIONS[code]);
  });

  it('names a code it does not know 其他操作, never the code', () => {
    expect(entry({ action: 'something.new' }).actionName).toBe('其他操作');
  });
});

describe('an entry as the page shows it', () => {
  it('is the sentence it was written as, with the actor and their role', () => {
    expect(entry({})).toEqual({
      seq: 1,
      at: '2026-12-04T12:31:37.527Z',
      action: 'submission.submit',
      actionName: '报送信息',
      actor: '张敏（站点编辑）',
      sentence: '张敏（站点编辑）将《关于做好冬季救助工作的通知》从汉滨区报送至陕西省民政厅',
      ip: '10.0.0.6',
    });
  });

  it.each([
    // Written before 2026-12 by a service that lost its user: a person acted, not the system.
    ['submission.submit', '操作人未记录：汉滨区 向 陕西省民政厅 报送《通知》'],
    ['article.publish', '操作人未记录：汉滨区 向 陕西省民政厅 报送《通知》'],
    // What only the system does.
    ['audit.purge', '系统：汉滨区 向 陕西省民政厅 报送《通知》'],
    ['account.disabled', '系统：汉滨区 向 陕西省民政厅 报送《通知》'],
  ])('shows an old %s without an actor as %s', (action, sentence) => {
    const old = entry({
      action,
      actorId: null,
      actorName: '系统 (system)',
      summary: '汉滨区 向 陕西省民政厅 报送《通知》',
    });
    expect(old.sentence).toBe(sentence);
    expect(old.sentence).not.toMatch(LATIN_WORD);
  });

  it('puts the actor before an old summary that does not name them', () => {
    expect(
      entry({ action: 'review.approve', actorName: '陈静', summary: '《通知》保密审查通过' })
        .sentence
    ).toBe('陈静：《通知》保密审查通过');
  });

  it('names the site roles old membership entries wrote as codes', () => {
    expect(
      entry({
        action: 'membership.add',
        actorName: '王建国',
        summary: '张敏 加入“汉滨区”，身份 editor',
      }).sentence
    ).toBe('王建国：张敏 加入“汉滨区”，身份 编辑');
  });

  it('shows the new system entries as written', () => {
    expect(
      entry({
        action: 'audit.purge',
        actorId: null,
        actorName: '系统',
        summary: '系统 清理 180 天前的操作日志 12 条',
      })
    ).toMatchObject({ actor: '系统', sentence: '系统 清理 180 天前的操作日志 12 条' });
  });
});

describe('the actor of a new entry', () => {
  it.each([
    [[{ code: 'governance-site-editor', name: '站点编辑' }], '站点编辑'],
    [
      [
        { code: 'strapi-super-admin', name: 'Super Admin' },
        { code: 'governance-provincial-admin', name: '省厅管理员' },
      ],
      '省厅管理员',
    ],
    [[{ code: 'strapi-super-admin', name: 'Super Admin' }], '超级管理员'],
    [[], null],
  ])('holding %j is titled %s', (roles, title) => {
    expect(roleTitle(roles)).toBe(title);
  });

  it('is named family name first, with their role', () => {
    expect(personLabel({ lastname: '张', firstname: '敏' }, '站点编辑')).toBe('张敏（站点编辑）');
    expect(personLabel({ email: 'someone@demo.example' }, null)).toBe('someone@demo.example');
  });

  it('runs on into what they did', () => {
    expect(sentenceOf('张敏（站点编辑）', '登录')).toBe('张敏（站点编辑）登录');
    expect(sentenceOf('系统', '清理过期日志')).toBe('系统 清理过期日志');
  });
});
