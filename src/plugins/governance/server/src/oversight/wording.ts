/** The rules' names and verdicts in the words of an inspection, for e-mails and notices. */
import type { RuleVerdict, VetoRule } from '../../../shared/contracts/oversight';

export const RULE_NAMES: Record<VetoRule, string> = {
  homePage: '首页更新',
  staleColumns: '栏目更新',
  longIdleColumns: '栏目长期未更新',
  emptyColumns: '空白栏目',
  unansweredMessage: '留言办理',
  seriousWording: '严重表述错误',
  personalData: '泄露个人信息',
};

type Verdict = Pick<RuleVerdict, 'rule' | 'status' | 'value' | 'threshold' | 'daysLeft'>;

const left = (v: Verdict) =>
  v.status === 'tripped'
    ? '已触发单项否决'
    : v.daysLeft === null
      ? '再多一项即触发单项否决'
      : `距单项否决还剩 ${v.daysLeft} 天`;

/** "首页已 10 天未更新（14 天即否决），距单项否决还剩 4 天" and so on. */
export const describeVerdict = (v: Verdict) => {
  switch (v.rule) {
    case 'homePage':
      return v.value === null
        ? '从未发布信息，已触发单项否决'
        : `已 ${v.value} 天未更新（${v.threshold} 天即否决），${left(v)}`;
    case 'staleColumns':
      return `${v.value} 个栏目超期未更新（${v.threshold} 个即否决），${left(v)}`;
    case 'longIdleColumns':
      return `${v.value} 个栏目一年以上未更新（${v.threshold} 个即否决），${left(v)}`;
    case 'emptyColumns':
      return `${v.value} 个栏目无内容（${v.threshold} 个即否决），${left(v)}`;
    case 'unansweredMessage':
      return `最早一条未答复留言已等待 ${v.value} 天（${v.threshold} 天即超过 3 个月），${left(v)}`;
    case 'seriousWording':
      return `内容巡检发现 ${v.value} 处严重表述错误或禁用词仍在网上，${left(v)}`;
    case 'personalData':
      return `内容巡检发现 ${v.value} 处未脱敏的个人信息仍在网上，${left(v)}`;
  }
};
