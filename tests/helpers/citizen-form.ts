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
