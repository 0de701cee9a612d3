/**
 * A 2027 holiday notice shaped like the State Council's (国办发明电), for tests only: its dates are
 * plausible, not the official ones (published in late 2026). Spring Festival 2027 begins on
 * Friday 5 February; Saturday 20 February is a 调休 working day.
 */
export const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知（测试用示例）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，确保人民群众祥和平安度过节日假期。
国务院办公厅
2026年11月12日`;

/** The same arrangement as the PUT route takes it. */
export const HOLIDAYS_2027 = [
  { name: '元旦', start: '2027-01-01', end: '2027-01-03', workdays: [] },
  { name: '春节', start: '2027-02-05', end: '2027-02-13', workdays: ['2027-02-20'] },
  { name: '清明节', start: '2027-04-03', end: '2027-04-05', workdays: [] },
  {
    name: '劳动节',
    start: '2027-05-01',
    end: '2027-05-05',
    workdays: ['2027-04-25', '2027-05-08'],
  },
  { name: '端午节', start: '2027-06-09', end: '2027-06-09', workdays: [] },
  { name: '中秋节', start: '2027-09-15', end: '2027-09-15', workdays: [] },
  {
    name: '国庆节',
    start: '2027-10-01',
    end: '2027-10-07',
    workdays: ['2027-09-26', '2027-10-09'],
  },
];
