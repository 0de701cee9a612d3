/**
 * What a citizen wrote is evidence, their contact is theirs, and their query code is their key:
 * staff change none of what was submitted (a wrong category is corrected in 留言办理, on the
 * record), never see the query code, rate nothing in the citizen's name, and read the contact
 * only on the case page, each read audited. Checked as the site editor, the message handler, the
 * provincial admin and the Super Admin, on every admin route that serves messages.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { addMember, createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { AUDIT_ENTRY, CITIZEN_MESSAGE, MESSAGE_EVENT } from '../../uids';
import { INBOX_TABS } from '../../../../shared/contracts/messages';

const CM = `/content-manager/collection-types/${CITIZEN_MESSAGE}`;

let app: TestApp;
let editor: TestAdmin;
let handler: TestAdmin;
let province: TestAdmin;
let superAdmin: TestAdmin;
let staff: Array<[string, TestAdmin]>;
let sites: Record<'xian' | 'baoji', string>;

const as = (admin: TestAdmin) => asAdmin(app, admin);

/** What the citizen typed: distinctive enough to be found in any raw response. */
const CITIZEN = { name: '欧阳秀芝', phone: '139-1234-5678', email: 'Ouyang.Xiuzhi@Example.com' };
const CONTACT_TEXT = [
  '欧阳秀芝',
  '139-1234-5678',
  '1234-5678',
  'ouyang.xiuzhi@example.com',
  'Ouyang.Xiuzhi',
];

interface Submitted {
  id: number;
  documentId: string;
  queryCode: string;
  caseNumber: string;
}

const submit = async (subject = '城乡低保申请材料', site = 'xian'): Promise<Submitted> => {
  const { receipt, stored: row } = await submitMessage(app, {
    site,
    subject,
    body: '请问在本市申请城乡低保需要准备哪些材料？',
    ...CITIZEN,
  });
  expect(receipt.caseNumber).toBe(row.caseNumber);
  return {
    id: row.id,
    documentId: row.documentId,
    queryCode: row.queryCode,
    caseNumber: row.caseNumber,
  };
};

const GOOD_REPLY = {
  text: '您好，申请城乡低保请携带身份证、户口簿和收入证明到户籍所在地街道办事处提出申请，审核通过后按月发放。',
  unit: '西安市民政局社会救助处',
};

const replied = async (subject: string) => {
  const message = await submit(subject);
  await as(handler).post(`/governance/messages/${message.id}/reply`, GOOD_REPLY).expect(204);
  return message;
};

const lookup = async (queryCode: string) =>
  (await app.http().get(`/api/citizen-messages/lookup/${queryCode}`).expect(200)).body.data;
const rate = (queryCode: string, body: Record<string, unknown>) =>
  app.http().post(`/api/citizen-messages/lookup/${queryCode}/rating`).send(body);
const stored = (id: number) =>
  app.strapi.db
    .query(CITIZEN_MESSAGE)
    .findOne({ where: { id }, populate: { site: { select: ['code'] } } });
const auditCount = (action: string) =>
  app.strapi.db.query(AUDIT_ENTRY).count({ where: { action } });

beforeAll(async () => {
  app = await startApp('citizen-record');
  // This file submits more messages than a citizen's hourly budget; one test narrows it again.
  app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 1000, duration: 3600 });
  ({
    sites,
    staff: { editor, handler, province, superAdmin },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city' },
      baoji: { name: '宝鸡市', level: 'city' },
    },
    staff: {
      editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      handler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
      province: ['governance-provincial-admin', '省厅'],
      superAdmin: ['strapi-super-admin', '超级管理员'],
    },
  }));
  staff = [
    ['site editor', editor],
    ['message handler', handler],
    ['provincial admin', province],
    ['Super Admin', superAdmin],
  ];
});

afterAll(async () => {
  await app?.stop();
});

describe('what the citizen wrote', () => {
  const CHANGES: Array<[string, (target: Record<string, string>) => Record<string, unknown>]> = [
    ['subject', () => ({ subject: '已被改写的标题' })],
    ['body', () => ({ body: '这段内容已被工作人员改写。' })],
    ['name', () => ({ name: '李四' })],
    ['phone', () => ({ phone: '13000000000' })],
    ['email', () => ({ email: 'someone@example.com' })],
    ['category', () => ({ category: 'complaint' })],
    ['receivedAt', () => ({ receivedAt: '2014-01-01T00:00:00.000Z' })],
    ['site', (target) => ({ site: target.baoji })],
    ['site (connect)', (target) => ({ site: { connect: [target.baoji] } })],
  ];

  it.each(CHANGES)(
    'stays as submitted when staff write %s through the Content Manager',
    async (_field, change) => {
      const message = await replied(`不可改写的留言 ${_field}`);
      // The public list shows it: the site made it public, the one thing staff may change here.
      await as(province).put(`${CM}/${message.documentId}`, { isPublic: true }).expect(200);
      const before = await stored(message.id);
      const publicBefore = (
        await app.http().get('/api/citizen-messages?site=xian').expect(200)
      ).body.data.find((m: { caseNumber: string }) => m.caseNumber === message.caseNumber);
      expect(publicBefore).toBeDefined();

      for (const [, who] of staff) {
        const res = await as(who).put(`${CM}/${message.documentId}`, change(sites));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }

      const after = await stored(message.id);
      for (const field of [
        'category',
        'subject',
        'body',
        'name',
        'phone',
        'email',
        'receivedAt',
        'queryCode',
        'caseNumber',
      ]) {
        expect([field, after[field]]).toEqual([field, before[field]]);
      }
      expect(after.site.code).toBe('xian');
      expect(await lookup(message.queryCode)).toMatchObject({
        subject: before.subject,
        body: before.body,
        category: 'consultation',
        site: { code: 'xian' },
      });
      const publicAfter = (
        await app.http().get('/api/citizen-messages?site=xian').expect(200)
      ).body.data.find((m: { caseNumber: string }) => m.caseNumber === message.caseNumber);
      expect(publicAfter).toEqual(publicBefore);
    }
  );

  it('refuses the change with a message saying where a correction goes', async () => {
    const message = await submit('说明改写被拒的原因');
    const res = await as(superAdmin)
      .put(`${CM}/${message.documentId}`, { subject: '改写' })
      .expect(403);
    expect(res.body.error.message).toBe(ERRORS.citizenText);
  });

  it('refuses the change on the Document Service itself, whoever calls it', async () => {
    const message = await submit('脚本改写');
    await expect(
      app.strapi
        .documents(CITIZEN_MESSAGE)
        .update({ documentId: message.documentId, data: { body: '脚本改写的内容。' } as never })
    ).rejects.toThrow(ERRORS.citizenText);
    expect((await stored(message.id)).body).toBe('请问在本市申请城乡低保需要准备哪些材料？');
  });

  it('lets no one create or clone a citizen message in the admin', async () => {
    const message = await submit('被克隆的留言');
    for (const [, who] of [
      ['provincial admin', province],
      ['Super Admin', superAdmin],
    ] as const) {
      const created = await as(who).post(CM, {
        site: sites.xian,
        category: 'consultation',
        subject: '伪造的留言',
        body: '这是工作人员伪造的留言。',
        receivedAt: new Date().toISOString(),
      });
      expect(created.status).toBeGreaterThanOrEqual(400);
      const cloned = await as(who).post(
        `/content-manager/collection-types/${CITIZEN_MESSAGE}/clone/${message.documentId}`,
        { subject: '克隆' }
      );
      expect(cloned.status).toBeGreaterThanOrEqual(400);
    }
    expect(
      await app.strapi.db
        .query(CITIZEN_MESSAGE)
        .count({ where: { subject: { $in: ['伪造的留言', '克隆'] } } })
    ).toBe(0);
  });

  it('is kept as a record: nobody deletes a message, the Super Admin included, one by one or in bulk', async () => {
    const one = await submit('不可删除的留言');
    const two = await submit('批量删除的留言一');
    const three = await submit('批量删除的留言二');

    const single = await as(superAdmin).delete(`${CM}/${one.documentId}`).expect(403);
    expect(single.body.error.message).toBe(ERRORS.noDelete);
    const bulk = await as(superAdmin)
      .post(`${CM}/actions/bulkDelete`, { documentIds: [two.documentId, three.documentId] })
      .expect(403);
    expect(bulk.body.error.message).toBe(ERRORS.noDelete);
    await as(province).delete(`${CM}/${one.documentId}`).expect(403);
    await expect(
      app.strapi.documents(CITIZEN_MESSAGE).delete({ documentId: one.documentId })
    ).rejects.toThrow(ERRORS.noDelete);

    expect(
      await app.strapi.db
        .query(CITIZEN_MESSAGE)
        .count({ where: { id: { $in: [one.id, two.id, three.id] } } })
    ).toBe(3);
    expect(await lookup(one.queryCode)).toMatchObject({ subject: '不可删除的留言' });
  });

  it('corrects a wrong category in 留言办理, with who and why, and keeps the one the citizen chose', async () => {
    const message = await submit('养老院乱收费');
    const correct = (who: TestAdmin, body: object) =>
      as(who).post(`/governance/messages/${message.id}/category`, body);
    await correct(handler, { category: 'complaint' }).expect(400);
    await correct(handler, { category: 'consultation', reason: '类别本来就是咨询' }).expect(400);
    await correct(handler, { category: 'praise', reason: '表扬信' }).expect(400);
    const outsider = await createAdmin(app, 'governance-message-handler', '宝鸡办理员');
    await addMember(app, outsider, sites.baoji, 'handler');
    await correct(outsider, { category: 'complaint', reason: '反映的是收费问题' }).expect(404);

    const audited = await auditCount('message.correctCategory');
    await correct(handler, {
      category: 'complaint',
      reason: '反映的是养老院收费问题，属于投诉',
    }).expect(204);

    const kase = (await as(handler).get(`/governance/messages/${message.id}`).expect(200)).body
      .data;
    expect(kase).toMatchObject({ category: 'complaint', originalCategory: 'consultation' });
    expect(kase.timeline.at(-1)).toMatchObject({
      action: 'correctCategory',
      actor: expect.stringContaining('西安办理员'),
      categoryBefore: 'consultation',
      categoryAfter: 'complaint',
      text: '反映的是养老院收费问题，属于投诉',
    });
    expect(await auditCount('message.correctCategory')).toBe(audited + 1);
    expect((await lookup(message.queryCode)).category).toBe('complaint');

    // A second correction keeps the citizen's original.
    await correct(handler, { category: 'suggestion', reason: '实为改进收费公示的建议' }).expect(
      204
    );
    expect((await stored(message.id)).originalCategory).toBe('consultation');
  });
});

describe('the query code', () => {
  /** Every admin route that serves messages, as `who` may call it. */
  const adminReads = (message: Submitted) => [
    ...INBOX_TABS.map((tab) => `/governance/messages?tab=${tab}`),
    `/governance/messages?tab=replied&q=${encodeURIComponent(message.caseNumber)}`,
    `/governance/messages/${message.id}`,
    `/governance/messages/spot-checks/sample?year=${new Date().getFullYear()}&size=50`,
    `/governance/oversight/sites/${sites.xian}`,
    `${CM}?page=1&pageSize=100`,
    `${CM}/${message.documentId}`,
    // No type the Content Manager shows relates to messages, so no relation picker lists them;
    // the hidden message events do, and the Super Admin can still ask for them.
    `/content-manager/collection-types/${MESSAGE_EVENT}?page=1&pageSize=100`,
  ];

  it('never reaches staff, on any admin route; the case number does', async () => {
    const message = await replied('查询码不外泄');
    for (const [, who] of staff) {
      for (const url of adminReads(message)) {
        const res = await as(who).get(url);
        expect([url, res.text.includes(message.queryCode)]).toEqual([url, false]);
      }
    }
    const inbox = (
      await as(handler).get(`/governance/messages?tab=replied&q=${message.caseNumber}`).expect(200)
    ).body.data;
    expect(inbox).toEqual([
      expect.objectContaining({ id: message.id, caseNumber: message.caseNumber }),
    ]);
    expect(
      (await as(handler).get(`/governance/messages/${message.id}`).expect(200)).body.data.caseNumber
    ).toBe(message.caseNumber);
    expect(message.caseNumber).toMatch(new RegExp(`^${new Date().getFullYear()}-0*${message.id}$`));
  });

  it('cannot be guessed through Content Manager filters or sorting', async () => {
    const message = await submit('按查询码筛选');
    for (const [, who] of staff) {
      await as(who)
        .get(`${CM}?filters[queryCode][$startsWith]=${message.queryCode.slice(0, 1)}`)
        .expect(403);
      await as(who).get(`${CM}?filters[$or][0][phone][$contains]=5678`).expect(403);
      await as(who).get(`${CM}?sort=email:asc`).expect(403);
    }
    await as(superAdmin)
      .get(
        `/content-manager/collection-types/${MESSAGE_EVENT}?filters[message][phone][$contains]=5678`
      )
      .expect(403);
    // The search box looks in what staff can read only.
    for (const hidden of [CITIZEN.name, '5678', 'xiuzhi', message.queryCode]) {
      const found = (
        await as(province)
          .get(`${CM}?_q=${encodeURIComponent(hidden)}`)
          .expect(200)
      ).body.results;
      expect([hidden, found.length]).toEqual([hidden, 0]);
    }
    const bySubject = (
      await as(province)
        .get(`${CM}?_q=${encodeURIComponent('按查询码筛选')}`)
        .expect(200)
    ).body.results;
    expect(bySubject.map((m: { caseNumber: string }) => m.caseNumber)).toEqual([
      message.caseNumber,
    ]);
    expect(
      (await as(province).get(`${CM}?_q=${message.caseNumber}`).expect(200)).body.results
    ).toHaveLength(1);
    // The site's name is no citizen's.
    await as(province)
      .get(`${CM}?filters[site][name][$eq]=${encodeURIComponent('西安市')}`)
      .expect(200);
  });

  it('rates only with the contact the citizen left: no contact or a wrong one leaves the rating unused', async () => {
    const message = await replied('评价需要联系方式');
    await rate(message.queryCode, { satisfaction: 'satisfied' }).expect(400);
    const wrong = await rate(message.queryCode, {
      satisfaction: 'satisfied',
      contact: '0000',
    }).expect(404);
    const noSuchCode = await rate('ABCDEFGHJKMN', {
      satisfaction: 'satisfied',
      contact: '5678',
    }).expect(404);
    // The same answer either way: nothing tells a right code with a wrong contact apart.
    expect(wrong.body.error).toEqual(noSuchCode.body.error);
    expect(wrong.body.error.message).toBe(ERRORS.notYours);
    await rate(message.queryCode, {
      satisfaction: 'satisfied',
      contact: 'someone@example.com',
    }).expect(404);
    expect(await lookup(message.queryCode)).toMatchObject({ canRate: true, satisfaction: null });

    const res = await rate(message.queryCode, {
      satisfaction: 'unsatisfied',
      contact: '5678',
      reopen: true,
    }).expect(200);
    expect(res.body.data).toMatchObject({
      satisfaction: 'unsatisfied',
      reopened: true,
      canRate: false,
    });
  });

  it('takes the e-mail the citizen left, in any case', async () => {
    const message = await replied('用邮箱评价');
    await rate(message.queryCode, {
      satisfaction: 'neutral',
      contact: 'OUYANG.xiuzhi@example.COM',
    }).expect(200);
    expect((await lookup(message.queryCode)).satisfaction).toBe('neutral');
  });

  it('spends the per-IP budget on every try, right or wrong', async () => {
    const message = await replied('评价次数限制');
    const original = app.strapi.config.get('plugin::governance.replies.rateLimit');
    app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 3, duration: 3600 });
    try {
      for (let i = 0; i < 3; i += 1)
        await rate(message.queryCode, { satisfaction: 'satisfied', contact: `000${i}` }).expect(
          404
        );
      await rate(message.queryCode, { satisfaction: 'satisfied', contact: '5678' }).expect(429);
    } finally {
      app.strapi.config.set('plugin::governance.replies.rateLimit', original);
    }
    expect((await lookup(message.queryCode)).canRate).toBe(true);
  });
});

describe("the citizen's contact", () => {
  it('is served to staff only on the case page, one audit entry per read, and nowhere else', async () => {
    const message = await replied('联系方式的读取');
    const reads = [
      ...INBOX_TABS.map((tab) => `/governance/messages?tab=${tab}`),
      `/governance/messages?tab=replied&q=${encodeURIComponent('联系方式')}`,
      `/governance/messages/spot-checks/sample?year=${new Date().getFullYear()}&size=50`,
      `/governance/oversight/sites/${sites.xian}`,
      `${CM}?page=1&pageSize=100`,
      `${CM}?page=1&pageSize=100&_q=${encodeURIComponent('联系方式')}`,
      `${CM}/${message.documentId}`,
      `/content-manager/collection-types/${MESSAGE_EVENT}?page=1&pageSize=100`,
      `/content-manager/collection-types/${MESSAGE_EVENT}?page=1&pageSize=100&populate=message`,
    ];
    for (const [role, who] of staff) {
      for (const url of reads) {
        const audited = await auditCount('personalData.read');
        const res = await as(who).get(url);
        const served = CONTACT_TEXT.filter((text) => res.text.includes(text)).concat(
          /"ipAddress"/.test(res.text) ? ['ipAddress'] : []
        );
        // Either no contact data at all, or exactly one audit entry for the request.
        if (served.length > 0)
          expect([role, url, await auditCount('personalData.read')]).toEqual([
            role,
            url,
            audited + 1,
          ]);
        else expect([role, url, served]).toEqual([role, url, []]);
      }

      const audited = await auditCount('personalData.read');
      const kase = await as(who).get(`/governance/messages/${message.id}`);
      if (kase.status === 200) {
        expect(kase.body.data.citizen).toEqual({
          name: CITIZEN.name,
          phone: CITIZEN.phone,
          email: CITIZEN.email,
        });
        expect(await auditCount('personalData.read')).toBe(audited + 1);
        const entry = await app.strapi.db
          .query(AUDIT_ENTRY)
          .findOne({ where: { action: 'personalData.read' }, orderBy: { seq: 'desc' } });
        expect(entry).toMatchObject({ subject: `message ${message.id}`, actorId: who.id });
      }
    }
  });

  it("shows a message's contact in the Content Manager to no one", async () => {
    const message = await submit('内容管理中的留言');
    for (const [, who] of staff) {
      const one = (await as(who).get(`${CM}/${message.documentId}`).expect(200)).body.data;
      expect(one).toMatchObject({ subject: '内容管理中的留言', caseNumber: message.caseNumber });
      for (const field of ['name', 'phone', 'email', 'ipAddress', 'queryCode'])
        expect(one).not.toHaveProperty(field);
      const list = (await as(who).get(`${CM}?page=1&pageSize=100`).expect(200)).body.results;
      expect(list.length).toBeGreaterThan(0);
      for (const row of list)
        for (const field of ['name', 'phone', 'email', 'ipAddress', 'queryCode'])
          expect(row).not.toHaveProperty(field);
    }
  });
});
