const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** A yyyy-mm-dd calendar day as a Chinese notice writes it: 2027年2月6日（星期六）. */
export const chineseDate = (date: string, { weekday = true } = {}) => {
  const [year, month, day] = date.split('-').map(Number);
  const text = `${year}年${month}月${day}日`;
  if (!weekday) return text;
  return `${text}（${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}）`;
};
