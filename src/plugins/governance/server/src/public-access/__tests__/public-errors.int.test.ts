/**
 * The public API as the citizens' site meets it when something is wrong: every error, whoever
 * raised it (the plugin's routes, Strapi's query parser and core controllers, the body parser,
 * Koa), answers in Chinese in Strapi's error shape, without an English tail.
 */
import type { Test } from 'supertest';
import { citizenForm, submitMessage } from '@test-helpers/citizen-form';
import { createSites } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../../replies/messages';
import { ERRORS as RANKING_ERRORS } from '../../rankings/validation';
import { BY_STATUS } from '../error-messages';

let app: TestApp;
let queryCode: string;

beforeAll(async () => {
  app = await startApp('public-errors');
  await createSites(app, { xian: { name: '西安市民政局', level: 'city', active: true } });
  app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 1000, duration: 3600 });
  ({ queryCode } = (await submitMessage(app)).receipt);
});

afterAll(async () => {
  await app?.stop();
});

const http = () => app.http();
const messages = () => http().post('/api/citizen-messages');

/**
 * Chinese, and no English word: what a caller sent back in quotes (“nope”) and the names of
 * formats (JSON) aside.
 */
const expectChinese = (text: string) => {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text.replace(/“[^”]*”/g, '').replace(/JSON/g, '')).not.toMatch(/[A-Za-z]{2,}/);
};

describe.each<[string, () => Test, number, string]>([
  // Strapi's router and core controllers.
  ['a route that does not exist', () => http().get('/api/nothing'), 404, BY_STATUS[404]],
  ['an article that does not exist', () => http().get('/api/articles/nope'), 404, BY_STATUS[404]],
  ['a type that is not public', () => http().get('/api/users'), 404, BY_STATUS[404]],
  ['a method no route takes', () => http().delete('/api/sites'), 405, BY_STATUS[405]],
  [
    'writing an article',
    () => http().post('/api/articles').send({ data: {} }),
    405,
    BY_STATUS[405],
  ],
  ['changing a message', () => http().put('/api/citizen-messages/1').send({}), 405, BY_STATUS[405]],
  [
    'an API token that does not exist',
    () => http().get('/api/articles').set('Authorization', 'Bearer nope'),
    401,
    BY_STATUS[401],
  ],
  // Strapi's query parser.
  [
    'a filter on a field that does not exist',
    () => http().get('/api/sites?filters[nope][$eq]=1'),
    400,
    '筛选条件“nope”不存在或不可使用',
  ],
  [
    'an unknown filter operator',
    () => http().get('/api/sites?filters[name][$nope]=1'),
    400,
    '筛选条件“$nope”不存在或不可使用',
  ],
  [
    'sorting by nothing',
    () => http().get('/api/sites?sort=nope'),
    400,
    '排序字段“nope”不存在或不可使用',
  ],
  [
    'populating nothing',
    () => http().get('/api/sites?populate=nope'),
    400,
    '关联内容“nope”不存在或不可使用',
  ],
  [
    'asking for no field',
    () => http().get('/api/sites?fields[0]=nope'),
    400,
    '返回字段“nope”不存在或不可使用',
  ],
  [
    'a page that is not a number',
    () => http().get('/api/articles?pagination[page]=abc'),
    400,
    '分页参数须为正整数',
  ],
  // The body parser.
  [
    'a body that is not JSON',
    () => messages().set('Content-Type', 'application/json').send('{"site":'),
    400,
    '请求内容不是有效的 JSON',
  ],
  [
    'a body of 3 MB',
    () => messages().send(citizenForm({ body: '长'.repeat(1_500_000) })),
    413,
    BY_STATUS[413],
  ],
  // The message form.
  [
    'a form that is text',
    () => messages().set('Content-Type', 'text/plain').send('hello'),
    400,
    ERRORS.notAForm,
  ],
  [
    'an empty form',
    () => messages().send({}),
    400,
    [ERRORS.site, ERRORS.category, ERRORS.subject, ERRORS.body, ERRORS.name, ERRORS.stale].join(
      '；'
    ),
  ],
  [
    'fields of the wrong type',
    () => messages().send(citizenForm({ subject: 12, phone: 5, name: {} })),
    400,
    [ERRORS.subject, ERRORS.name, ERRORS.phone].join('；'),
  ],
  [
    'a site that does not exist',
    () => messages().send(citizenForm({ site: 'nope' })),
    400,
    '网站“nope”不存在或已停用',
  ],
  ['no contact', () => messages().send(citizenForm({ phone: null })), 400, ERRORS.contact],
  ['a robot', () => messages().send(citizenForm({ website: 'http://spam' })), 400, ERRORS.robot],
  [
    'a form sent at once',
    () => messages().send(citizenForm({ startedAt: Date.now() })),
    400,
    ERRORS.tooFast,
  ],
  // Looking a message up and rating it.
  [
    'a query code of the wrong form',
    () => http().get('/api/citizen-messages/lookup/abc'),
    400,
    ERRORS.queryCode,
  ],
  [
    'a query code nobody holds',
    () => http().get('/api/citizen-messages/lookup/ABCDEFGHJKLM'),
    404,
    ERRORS.notFound,
  ],
  [
    'a rating without contact or verdict',
    () => http().post('/api/citizen-messages/lookup/ABCDEFGHJKLM/rating').send({}),
    400,
    [ERRORS.ratingContact, ERRORS.satisfaction].join('；'),
  ],
  [
    'a rating of the wrong type',
    () =>
      http()
        .post('/api/citizen-messages/lookup/ABCDEFGHJKLM/rating')
        .send({ contact: 5678, satisfaction: 'delighted', reopen: 'yes' }),
    400,
    [ERRORS.ratingContact, ERRORS.satisfaction, ERRORS.reopen].join('；'),
  ],
  // The published replies.
  [
    'a page that is not a number',
    () => http().get('/api/citizen-messages?page=abc'),
    400,
    ERRORS.page,
  ],
  [
    'a site code of the wrong form',
    () => http().get('/api/citizen-messages?site=NOPE'),
    400,
    ERRORS.listSite,
  ],
  // The visit beacon.
  [
    'an empty visit',
    () => http().post('/api/visits').send({}),
    400,
    [RANKING_ERRORS.site, RANKING_ERRORS.path].join('；'),
  ],
  [
    'a visit with more than it should',
    () =>
      http()
        .post('/api/visits')
        .send({ site: 'xian', path: { a: 1 } }),
    400,
    RANKING_ERRORS.path,
  ],
])('%s', (_case, call, status, message) => {
  it(`answers ${status}: ${message}`, async () => {
    const res = await call().expect(status);
    expect(res.body).toMatchObject({ data: null, error: { status, message } });
    expectChinese(res.body.error.message);
    for (const item of res.body.error.details?.errors ?? []) expectChinese(item.message);
  });
});

it('answers the rating of someone else’s message in Chinese', async () => {
  const res = await http()
    .post(`/api/citizen-messages/lookup/${queryCode}/rating`)
    .send({ contact: '0000', satisfaction: 'satisfied' })
    .expect(404);
  expect(res.body.error.message).toBe(ERRORS.notYours);
});

it('keeps the names programs read (the error’s name and details)', async () => {
  const res = await http().get('/api/sites?filters[nope][$eq]=1').expect(400);
  expect(res.body.error).toMatchObject({
    name: 'ValidationError',
    details: { key: 'nope', param: 'filters' },
  });
});

it('leaves the admin’s own routes alone', async () => {
  const res = await http().get('/admin/nothing-here');
  expect(JSON.stringify(res.body ?? {})).not.toContain('未找到请求的内容');
});
