import type { PasswordPolicy, PasswordProblem } from './policy';

const PROBLEMS: Record<PasswordProblem, (policy: PasswordPolicy) => string> = {
  tooShort: (p) => `至少 ${p.minLength} 个字符 (at least ${p.minLength} characters)`,
  tooFewClasses: (p) =>
    `须含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类 (${p.minClasses} of: upper case, lower case, digits, symbols)`,
  containsAccount: () => '不能包含账号名 (must not contain the account name)',
  common: () => '不能使用常见密码 (must not be a common password)',
};

const REASONS = {
  firstLogin: '首次登录须修改初始密码 (change the initial password at first login)',
  adminReset:
    '密码已由管理员重置，须修改后才能继续使用 (an administrator reset the password: change it to go on)',
  expired: '密码已过期，须修改后才能继续使用 (the password has expired: change it to go on)',
} as const;

/** What the account-security rules answer: Chinese first, with English. */
export const ERRORS = {
  invalidCredentials:
    '账号或密码错误；连续多次错误将临时锁定账号 (invalid credentials; repeated failures lock the account for a while)',
  weakPassword: (problems: PasswordProblem[], policy: PasswordPolicy) =>
    `新密码不符合密码策略：${problems.map((p) => PROBLEMS[p](policy)).join('；')}`,
  reused: (history: number) =>
    `新密码不能与最近 ${history} 次使用过的密码相同 (must differ from the last ${history} passwords)`,
  noSuchAccount: (id: number) => `账号 ${id} 不存在 (no such account)`,
  filter: '筛选须为 all、expired、dueSoon、locked、inactive 或 noHolder (unknown filter)',
  search: '搜索词不超过 50 个字 (the search is at most 50 characters)',
  holder: '责任人姓名为 1 至 50 个字，或 null 取消 (the holder is 1 to 50 characters, or null)',
  superAdminOnly:
    '只有超级管理员可以授予或撤销超级管理员角色，或修改、删除、解锁超级管理员账号 (only a Super Admin may grant or revoke the Super Admin role, or change, delete or unlock a Super Admin account)',
  mustChange: (reason: keyof typeof REASONS) => `${REASONS[reason]}：请在“个人资料”中修改密码`,
} as const;
