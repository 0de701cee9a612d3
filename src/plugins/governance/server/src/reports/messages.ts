/** What the reports' routes answer to bad input, in words a person can act on. */
export const ERRORS = {
  year: '年份须为 2000 至 2100 之间的整数 (year must be a whole number from 2000 to 2100)',
  filters: '筛选条件无效 (invalid filters)',
  period: '起止日期须为 YYYY-MM-DD (dates are YYYY-MM-DD)',
  issuer:
    '发文机关须为 2 至 30 个汉字，如“陕西省民政厅办公室” (the issuer is 2 to 30 Chinese characters)',
  docNumber:
    '发文字号须形如“陕民办发〔2014〕12号”：机关代字、六角括号内的四位年份、序号加“号” (the document number reads like 陕民办发〔2014〕12号)',
  addressee: '主送机关须为 2 至 100 个字 (the addressee is 2 to 100 characters)',
  date: '成文日期须为 YYYY-MM-DD (the date is YYYY-MM-DD)',
};
