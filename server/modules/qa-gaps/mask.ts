/**
 * Personal data out of a resident's question before it is stored: ID-card and bank-card numbers,
 * mobile numbers (also written with spaces or dashes, or in full-width digits) and names
 * introduced as names (我叫张三, 姓名：李四, 我母亲叫王秀英). Over-masking a word that only looks
 * like a name is the safe side. Numbers use the log's mask (maskPhones), names the prize list's
 * (maskName).
 */
import { maskPhones } from '../../logger'
import { maskName } from '../contest-integrity/rules'

/** the surnames a name introduced in a question starts with: the common ones, and 台州's (应, 项, 泮, 屈) */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤应项泮屈池楼葛柯牟阮章鲍娄童颜傅施洪储包'

/**
 * a name after 我叫 / 我妈叫 / 姓名： / 名字是 (never after 我是 alone: 我是黄岩的, 我是高龄老人
 * are no names)
 */
const NAME = new RegExp(
  `((?:我|本人|老人|母亲|父亲|妈妈|爸爸|我妈|我爸|孩子|儿子|女儿|老伴|爱人|丈夫|妻子)(?:叫做|名叫|叫)[:：\\s]*|(?:姓名|名字)(?:是|叫)?[:：\\s]*)([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})`,
  'g',
)

/** an ID card (18 digits or 17 and X, or 15 digits) or a bank card (16–19 digits) */
const LONG_NUMBER = /(?<![0-9A-Za-z])(\d{3})\d{10,14}([\dXx]{2})(?![0-9A-Za-z])/g

/** a mobile number with separators: 138 1234 5678, 138-1234-5678 */
const SPACED_MOBILE = /(?<!\d)(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g

const fullWidthDigits = (text: string) => text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

export function maskPersonal(text: string): string {
  const digits = fullWidthDigits(text)
  const numbers = maskPhones(digits.replace(LONG_NUMBER, (_m, head: string, tail: string) => `${head}${'*'.repeat(8)}${tail}`)).replace(
    SPACED_MOBILE,
    '$1****$2',
  )
  return numbers.replace(NAME, (_m, lead: string, name: string) => `${lead}${maskName(name)}`)
}
