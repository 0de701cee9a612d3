/** What the public message routes answer: Chinese first, with English. */
export const ERRORS = {
  site: '请选择要留言的网站 (choose the site your message is for)',
  noSuchSite: (code: string) => `网站“${code}”不存在或已停用 (no such site: ${code})`,
  category: '留言类别须为咨询、投诉、建议或其他 (category must be consultation, complaint, suggestion or other)',
  subject: '标题须为 2 至 100 个字 (the subject is 2 to 100 characters)',
  body: '留言内容须为 5 至 5000 个字 (the message is 5 to 5000 characters)',
  name: '请填写姓名，不超过 50 个字 (your name, at most 50 characters)',
  phone: '电话号码格式不正确 (the phone number is not valid)',
  email: '电子邮箱格式不正确 (the e-mail address is not valid)',
  contact: '请至少留下电话或电子邮箱，以便答复 (leave a phone number or an e-mail address for the reply)',
  tooFast: '提交过快，请确认内容后再提交 (submitted too fast: check your message and submit again)',
  stale: '表单已过期，请刷新页面后重新填写 (the form has expired: reload the page and fill it in again)',
  robot: '提交未被接受 (the submission was not accepted)',
  tooMany: (minutes: number) => `提交次数过多，请 ${minutes} 分钟后再试 (too many submissions: try again in ${minutes} minutes)`,
  queryCode: '查询码格式不正确 (the query code is not valid)',
  notFound: '没有找到该查询码对应的留言 (no message has this query code)',
  page: '页码无效 (invalid page)',
} as const;
