import type { TestApp } from './strapi';

/**
 * The public message form as a citizen fills it in: a valid submission to 西安市 (`xian`),
 * shown ten seconds before it is sent (sooner would be a robot's). `overrides` change or add
 * fields.
 */
export const citizenForm = (overrides: Record<string, unknown> = {}) => ({
  site: 'xian',
  category: 'consultation',
  subject: '低保申请需要哪些材料',
  body: '请问在西安市申请城乡低保需要准备哪些材料？',
  name: '张三',
  phone: '13912345678',
  startedAt: Date.now() - 10_000,
  ...overrides,
});

/** A message as it is stored, with what the handling tests read of it. */
export interface StoredMessage {
  id: number;
  documentId: string;
  queryCode: string;
  caseNumber: string;
  dueAt: string;
}

/**
 * Submits `citizenForm(overrides)` through the public route, as a citizen does; fails unless it
 * is accepted (201). Answers the receipt the citizen is shown and the message as stored.
 */
export const submitMessage = async (app: TestApp, overrides: Record<string, unknown> = {}) => {
  const res = await app
    .http()
    .post('/api/citizen-messages')
    .send(citizenForm(overrides))
    .expect(201);
  const receipt: { queryCode: string; caseNumber: string } = res.body.data;
  const stored: StoredMessage = await app.strapi.db
    .query('api::citizen-message.citizen-message')
    .findOne({ where: { queryCode: receipt.queryCode } });
  return { receipt, stored };
};

/**
 * Submits `citizenForm(overrides)` to a running server's public route, as a citizen's browser
 * does; fails unless it is accepted (201). Answers the citizen's receipt.
 */
export const postCitizenMessage = async (url: string, overrides: Record<string, unknown> = {}) => {
  const res = await fetch(`${url}/api/citizen-messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(citizenForm(overrides)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { queryCode: string; caseNumber: string } }).data;
};
