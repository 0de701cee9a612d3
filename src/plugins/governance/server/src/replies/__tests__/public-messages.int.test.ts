/**
 * The public message routes over HTTP on a real database: submission with its validation,
 * robot checks, rate limit (one budget with rating) and no mass assignment; lookup by query
 * code; the public list of replies with masked names. No response ever carries a citizen's contact data.
 */
import { citizenForm } from '@test-helpers/citizen-form';
import { createSites } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { CITIZEN_MESSAGE, SITE } from '../../uids';

/** What must never appear in a public response: contact data, full names, the IP address. */
const PRIVATE = [
  '13912345678',
  'zhang@example.com',
  '张三',
  '王五',
  '赵六',
  '李四',
  '127.0.0.1',
  '"phone"',
  '"email"',
  '"ipAddress"',
];

let app: TestApp;

/** A citizen's form, with an e-mail address besides the phone. */
const form = (overrides: Record<string, unknown> = {}) =>
  citizenForm({ email: 'zhang@example.com', ...overrides });

const submit = (body: object) => app.http().post('/api/citizen-messages').send(body);

const expectNoPrivateData = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const secret of PRIVATE) expect(text).not.toContain(secret);
};

beforeAll(async () => {
  app = await startApp('public-messages');
  await createSites(app, {
    xian: { name: '西安市民政局', level: 'city', active: true },
    'closed-site': { name: '已停用站点', level: 'county', active: false },
  });
  // Generous for the validation tests; the flood test lowers it.
  app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 1000, duration: 3600 });
});

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/citizen-messages', () => {
  it('stores the message and answers its query code and due date, nothing private', async () => {
    const res = await submit(form()).expect(201);
    expect(res.body.data).toMatchObject({
      site: { code: 'xian', name: '西安市民政局' },
      status: 'received',
    });
    expect(res.body.data.queryCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(new Date(res.body.data.dueAt).getTime()).toBeGreaterThan(Date.now() + 5 * 86_400_000);
    expectNoPrivateData(res.body);

    const stored = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { queryCode: res.body.data.queryCode }, populate: ['site'] });
    expect(stored).toMatchObject({
      name: '张三',
      phone: '13912345678',
      email: 'zhang@example.com',
      status: 'received',
      isPublic: false,
    });
    expect(stored.site.code).toBe('xian');
    expect(stored.ipAddress).toMatch(/127\.0\.0\.1|::1/);
  });

  it('accepts the body wrapped in data, as Strapi clients send it', async () => {
    await submit({ data: form() }).expect(201);
  });

  it('ignores status, reply and other fields a caller slips in', async () => {
    const res = await submit(
      form({
        status: 'replied',
        reply: '已解决',
        isPublic: true,
        repliedAt: '2014-01-01',
        dueAt: '2030-01-01',
        queryCode: 'AAAAAAAAAAAA',
      })
    ).expect(201);
    const stored = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { queryCode: res.body.data.queryCode } });
    expect(stored).toMatchObject({
      status: 'received',
      reply: null,
      isPublic: false,
      repliedAt: null,
    });
    expect(res.body.data.queryCode).not.toBe('AAAAAAAAAAAA');
    expect(new Date(stored.dueAt).getUTCFullYear()).toBeLessThan(2030);
  });

  it.each([
    ['an unknown site', { site: 'atlantis' }, ERRORS.noSuchSite('atlantis')],
    ['a closed site', { site: 'closed-site' }, ERRORS.noSuchSite('closed-site')],
    ['a wrong category', { category: 'praise' }, ERRORS.category],
    ['a one-character subject', { subject: '问' }, ERRORS.subject],
    ['an oversize body', { body: '长'.repeat(5001) }, ERRORS.body],
    ['a body that is only markup', { body: '<b></b><script>x</script>' }, ERRORS.body],
    ['a name of the wrong type', { name: 42 }, undefined],
    ['a bad phone number', { phone: 'call me' }, ERRORS.phone],
    ['a bad e-mail', { email: 'zhang@' }, ERRORS.email],
    ['no way to reply', { phone: '', email: null }, ERRORS.contact],
    ['a filled honeypot', { website: 'http://spam.example' }, ERRORS.robot],
    [
      'a form sent a second after it was shown',
      () => ({ startedAt: Date.now() - 1000 }),
      ERRORS.tooFast,
    ],
    ['a form from yesterday', () => ({ startedAt: Date.now() - 25 * 3600_000 }), ERRORS.stale],
    ['no form time', { startedAt: undefined }, ERRORS.stale],
  ])('refuses %s with a 400 that says why, storing nothing', async (_label, change, message) => {
    const before = await app.strapi.db.query(CITIZEN_MESSAGE).count();
    const res = await submit(form(typeof change === 'function' ? change() : change)).expect(400);
    if (message) expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before);
  });

  it('stores HTML as its text, and emoji and mixed scripts as written', async () => {
    const res = await submit(
      form({
        subject: '<img src=x onerror=alert(1)>养老金 😀 pension',
        body: '<script>alert("x")</script>请问 a < b & c 的规定？ Ωμέγα 🏠',
        name: '<b>李四</b>',
      })
    ).expect(201);
    const stored = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { queryCode: res.body.data.queryCode } });
    expect(stored.subject).toBe('养老金 😀 pension');
    expect(stored.body).toBe('请问 a < b & c 的规定？ Ωμέγα 🏠');
    expect(stored.name).toBe('李四');
  });
});

describe("a site's own reply days", () => {
  it('sets the deadline of its messages, and refuses a malformed setting', async () => {
    await app.strapi.documents(SITE).create({
      data: {
        code: 'fast-site',
        name: '快办站点',
        level: 'county',
        active: true,
        replyWorkingDays: { consultation: 2 },
      } as never,
    });
    const fast = (await submit(form({ site: 'fast-site' })).expect(201)).body.data;
    const usual = (await submit(form()).expect(201)).body.data;
    expect(new Date(fast.dueAt).getTime()).toBeLessThan(new Date(usual.dueAt).getTime());
    expect(new Date(fast.dueAt).getTime()).toBeLessThanOrEqual(Date.now() + 5 * 86_400_000);

    for (const replyWorkingDays of [{ consultation: 0 }, { praise: 3 }, { complaint: '5' }, [5]]) {
      await expect(
        app.strapi.documents(SITE).create({
          data: {
            code: `bad-${Math.random().toString(36).slice(2, 8)}`,
            name: '错误设置',
            level: 'county',
            replyWorkingDays,
          } as never,
        })
      ).rejects.toThrow(/答复期限/);
    }
  });
});

describe('GET /api/citizen-messages/lookup/:queryCode', () => {
  it('shows the holder of the code the status and reply, never contact data', async () => {
    const { queryCode } = (await submit(form()).expect(201)).body.data;
    let res = await app.http().get(`/api/citizen-messages/lookup/${queryCode}`).expect(200);
    expect(res.body.data).toMatchObject({
      status: 'received',
      statusText: '已收到',
      reply: null,
      subject: '低保申请需要哪些材料',
    });
    expectNoPrivateData(res.body);

    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { queryCode },
      data: {
        status: 'replied',
        reply: '请携带户口簿和身份证到街道办申请。',
        repliedAt: new Date(),
      },
    });
    res = await app
      .http()
      .get(`/api/citizen-messages/lookup/${queryCode.toLowerCase()}`)
      .expect(200);
    expect(res.body.data).toMatchObject({
      status: 'replied',
      statusText: '已答复',
      reply: '请携带户口簿和身份证到街道办申请。',
      replyingUnit: '西安市民政局',
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    await app.http().get('/api/citizen-messages/lookup/ABCDEFGHJKMN').expect(404);
    await app.http().get('/api/citizen-messages/lookup/short').expect(400);
    await app
      .http()
      .get(`/api/citizen-messages/lookup/${encodeURIComponent("' OR 1=1 --")}`)
      .expect(400);
  });
});

describe('GET /api/citizen-messages', () => {
  it('lists only the replies a site made public, names masked', async () => {
    const codes = [];
    for (const name of ['王五', '赵六'])
      codes.push((await submit(form({ name })).expect(201)).body.data.queryCode);
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { queryCode: codes[0] },
      data: { status: 'replied', reply: '已答复。', repliedAt: new Date(), isPublic: true },
    });
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { queryCode: codes[1] },
      data: {
        status: 'replied',
        reply: '不公开的答复。',
        repliedAt: new Date(),
        isPublic: false,
      },
    });

    const res = await app.http().get('/api/citizen-messages?site=xian').expect(200);
    expect(res.body.data.map((m: { name: string; reply: string }) => [m.name, m.reply])).toEqual([
      ['王**', '已答复。'],
    ]);
    expect(res.body.meta.pagination.total).toBe(1);
    expect(JSON.stringify(res.body)).not.toContain('王五');
    expectNoPrivateData(res.body);
    await app.http().get('/api/citizen-messages?page=0').expect(400);
  });

  it('gives no other public access to messages', async () => {
    const before = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .count({ where: { status: 'closed' } });
    expect([404, 405]).toContain((await app.http().get('/api/citizen-messages/1')).status);
    expect([404, 405]).toContain(
      (
        await app
          .http()
          .put('/api/citizen-messages/1')
          .send({ data: { status: 'closed' } })
      ).status
    );
    expect([404, 405]).toContain((await app.http().delete('/api/citizen-messages/1')).status);
    expect(await app.strapi.db.query(CITIZEN_MESSAGE).count({ where: { status: 'closed' } })).toBe(
      before
    );
  });
});

describe('the per-IP rate limit', () => {
  it('answers 429 with Retry-After once the budget is spent, and stores nothing more', async () => {
    app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 3, duration: 60 });
    try {
      for (let i = 0; i < 3; i += 1) await submit(form()).expect(201);
      const before = await app.strapi.db.query(CITIZEN_MESSAGE).count();
      const res = await submit(form()).expect(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.error.message).toMatch(/提交次数过多/);
      expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before);
    } finally {
      app.strapi.config.set('plugin::governance.replies.rateLimit', {
        points: 1000,
        duration: 3600,
      });
    }
  });

  it('charges nothing for a form refused as malformed', async () => {
    app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 1, duration: 3603 });
    try {
      for (let i = 0; i < 3; i += 1) await submit(form({ phone: 'abc' })).expect(400);
      await submit(form()).expect(201);
      await submit(form()).expect(429);
    } finally {
      app.strapi.config.set('plugin::governance.replies.rateLimit', {
        points: 1000,
        duration: 3600,
      });
    }
  });

  describe('is one budget for submitting, rating and reopening', () => {
    /** The citizen's message, not answered yet: rating it is refused until the budget is spent. */
    let queryCode: string;
    // The last four digits of the phone the citizen left (13912345678); another contact is a guess.
    const rate = (contact = '5678') =>
      app
        .http()
        .post(`/api/citizen-messages/lookup/${queryCode}/rating`)
        .send({ satisfaction: 'unsatisfied', reopen: true, contact });

    beforeAll(async () => {
      queryCode = (await submit(form()).expect(201)).body.data.queryCode;
    });

    afterEach(() => {
      app.strapi.config.set('plugin::governance.replies.rateLimit', {
        points: 1000,
        duration: 3600,
      });
    });

    // Each case has a budget of its own: the stores keep budgets apart by their limit.
    it('refuses the rating once submissions spent the budget', async () => {
      app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 2, duration: 3601 });
      for (let i = 0; i < 2; i += 1) await submit(form()).expect(201);
      const res = await rate().expect(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    });

    it('refuses the submission once ratings spent the budget', async () => {
      app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 2, duration: 3602 });
      // Guesses of the contact: each keeps its charge, or the budget would not stop guessing.
      for (let i = 0; i < 2; i += 1) await rate('0000').expect(404);
      const before = await app.strapi.db.query(CITIZEN_MESSAGE).count();
      await submit(form()).expect(429);
      await rate().expect(429);
      expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before);
    });
  });
});
