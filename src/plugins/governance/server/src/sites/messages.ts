export const ERRORS = {
  codeTaken: (code: string, name: string) =>
    `站点代码 ${code} 已被“${name}”使用，请换一个代码 (site code ${code} is already used by ${name})`,
} as const;
