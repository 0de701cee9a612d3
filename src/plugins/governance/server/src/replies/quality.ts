/**
 * Reply quality (答复质量). The 2014 notice found replies "not careful or standard": a line
 * of courtesy, a referral to "the relevant department", no unit standing behind the answer.
 * A reply with any of these flags is shown back to its author before it is sent.
 */
import type { ReplyFlag } from '../../../shared/contracts/messages';

export interface ReplyQualityRules {
  /** Fewer characters than this is too short to answer anything. */
  minLength: number;
  /** Set phrases that say nothing about the citizen's matter. */
  templatePhrases: string[];
  /** What must remain of a reply once its set phrases are taken out. */
  minSubstance: number;
}

export const DEFAULT_REPLY_QUALITY: ReplyQualityRules = {
  minLength: 30,
  minSubstance: 10,
  templatePhrases: [
    '您好',
    '你好',
    '尊敬的网友',
    '谢谢',
    '感谢您的留言',
    '感谢您的关注',
    '感谢您的支持',
    '感谢您对我们工作的关注和支持',
    '感谢您对我们工作的支持',
    '您的留言已收悉',
    '留言已收悉',
    '已收悉',
    '已收到',
    '已转相关部门办理',
    '已转交相关部门',
    '已转有关部门',
    '请咨询相关部门',
    '请咨询有关部门',
    '请与相关部门联系',
    '请与有关部门联系',
    '请咨询当地有关部门',
    '详见相关规定',
    '按有关规定办理',
    '按相关规定办理',
    '正在办理中',
    '我们将认真研究',
    '我们会认真研究',
    '欢迎再次留言',
  ],
};

const characters = (text: string) => [...text].length;

/** The flags of a reply: too short, nothing but set phrases, no replying unit named. */
export const replyFlags = (
  reply: string,
  unit: string | null | undefined,
  rules: ReplyQualityRules
): ReplyFlag[] => {
  const flags: ReplyFlag[] = [];
  if (characters(reply) < rules.minLength) flags.push('tooShort');
  // Longest phrases first, so that a long phrase is not left half-removed by a short one.
  const phrases = [...rules.templatePhrases].sort((a, b) => b.length - a.length);
  const withoutPhrases = phrases.reduce((rest, phrase) => rest.split(phrase).join(''), reply);
  const substance = withoutPhrases.replace(/[\p{P}\p{S}\s]/gu, '');
  if (withoutPhrases !== reply && characters(substance) < rules.minSubstance)
    flags.push('templatePhrase');
  if (!unit?.trim()) flags.push('noUnit');
  return flags;
};
