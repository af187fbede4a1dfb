/**
 * The checks on what a caller sends, before anything is stored: each returns the trimmed,
 * resolved value or throws a 400 with a Chinese message. Dates are Beijing calendar dates.
 */
import {
  type CompleteInput,
  type DispatchInput,
  LECTURE_ATTENDANCE_MAX,
  LECTURE_AUDIENCE_MAX,
  LECTURE_COMMENT_MAX,
  LECTURE_CONTACT_NAME_MAX,
  LECTURE_NOTE_MAX,
  LECTURE_ORDER_HORIZON_DAYS,
  LECTURE_PHOTOS_MAX,
  LECTURE_PLACE_MAX,
  LECTURE_REASON_MAX,
  LECTURE_SUMMARY_MAX,
  type LectureOrderInput,
  type LectureTopic,
  type RateInput,
  type Region,
  type ScheduleInput,
  isMobile,
} from '../../../common/contract'
import { addDays, isCalendarDate } from '../../../common/shanghai-date'
import { badRequest } from '../../errors'
import type { LectureCommand, NewOrderFields } from './orders'
import { orderTimingProblem, scheduleTimingProblem, type Timing } from './rules'

/** characters as a reader counts them: code points */
const length = (text: string) => [...text].length

function text(value: string | undefined, max: number, missing: string, tooLong: string): string {
  const t = (value ?? '').trim()
  if (!t) throw badRequest(missing)
  if (length(t) > max) throw badRequest(tooLong)
  return t
}

function optionalText(value: string | undefined, max: number, tooLong: string): string | undefined {
  const t = (value ?? '').trim()
  if (length(t) > max) throw badRequest(tooLong)
  return t || undefined
}

/** a date from today (Beijing) to the booking horizon */
function futureDate(date: string, today: string, what: string): string {
  if (!isCalendarDate(date)) throw badRequest(`请选择${what}`)
  if (date < today) throw badRequest('不能选择已经过去的日期')
  if (date > addDays(today, LECTURE_ORDER_HORIZON_DAYS)) throw badRequest(`只能预约${LECTURE_ORDER_HORIZON_DAYS}天内的宣讲`)
  return date
}

/** county → township → village of a village code; undefined when it is not a village */
export function villagePath(regions: Region[], code: string): [Region, Region, Region] | undefined {
  for (const county of regions) {
    for (const township of county.children ?? []) {
      const village = (township.children ?? []).find((v) => v.code === code && v.level === 'village')
      if (village) return [county, township, village]
    }
  }
  return undefined
}

export function validOrderInput(body: LectureOrderInput, ctx: { topics: LectureTopic[]; regions: Region[]; timing: Timing; leadDays: number }): NewOrderFields {
  const topic = ctx.topics.find((t) => t.id === body.topicId)
  if (!topic) throw badRequest('请从宣讲菜单中选择专题')
  const format = body.format ?? topic.formats[0]
  if (!topic.formats.includes(format)) throw badRequest(`该专题不提供${format === 'online' ? '线上直播' : '到村现场'}宣讲`)
  const path = villagePath(ctx.regions, body.villageCode)
  if (!path) throw badRequest('请选择宣讲所在的村（社区）')
  const [county, township, village] = path
  const dateFrom = futureDate(body.dateFrom, ctx.timing.today, '开始日期')
  const dateTo = futureDate(body.dateTo, ctx.timing.today, '结束日期')
  if (dateTo < dateFrom) throw badRequest('结束日期不能早于开始日期')
  const late = orderTimingProblem({ dateFrom, dateTo, timeOfDay: body.timeOfDay }, ctx.timing, ctx.leadDays)
  if (late) throw badRequest(late)
  if (!Number.isInteger(body.audienceSize) || body.audienceSize < 1 || body.audienceSize > LECTURE_AUDIENCE_MAX) {
    throw badRequest(`预计听众人数应为1到${LECTURE_AUDIENCE_MAX}人`)
  }
  const contactPhone = body.contactPhone.trim()
  if (!isMobile(contactPhone)) throw badRequest('手机号格式不正确，请填写11位手机号')
  const notes = optionalText(body.notes, LECTURE_NOTE_MAX, `备注最多${LECTURE_NOTE_MAX}字`)
  return {
    topicId: topic.id,
    topicTitle: topic.title,
    format,
    villageCode: village.code,
    countyCode: county.code,
    townshipCode: township.code,
    regionName: `${county.name} ${township.name} ${village.name}`,
    placeName: text(body.placeName, LECTURE_PLACE_MAX, '请填写宣讲地点', `宣讲地点最多${LECTURE_PLACE_MAX}字`),
    dateFrom,
    dateTo,
    timeOfDay: body.timeOfDay,
    audienceSize: body.audienceSize,
    contactName: text(body.contactName, LECTURE_CONTACT_NAME_MAX, '请填写联系人', `联系人最多${LECTURE_CONTACT_NAME_MAX}字`),
    contactPhone,
    ...(notes ? { notes } : {}),
  }
}

export function validDispatch(body: DispatchInput, topic: LectureTopic | undefined): LectureCommand {
  const lecturer = topic?.lecturers.find((l) => l.id === body.lecturerId)
  if (!lecturer) throw badRequest('请从该专题的宣讲员中选择')
  const note = optionalText(body.note, LECTURE_NOTE_MAX, `派单说明最多${LECTURE_NOTE_MAX}字`)
  return { action: 'dispatch', lecturerId: lecturer.id, lecturerName: lecturer.name, ...(note ? { note } : {}) }
}

export function validReason(value: string | undefined, what: string): string {
  return text(value, LECTURE_REASON_MAX, `请填写${what}`, `${what}最多${LECTURE_REASON_MAX}字`)
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export function validSchedule(body: ScheduleInput, timing: Timing): LectureCommand {
  const date = futureDate(body.date, timing.today, '宣讲日期')
  if (!TIME.test(body.time)) throw badRequest('请选择宣讲时间')
  const late = scheduleTimingProblem({ date, time: body.time }, timing)
  if (late) throw badRequest(late)
  const place = text(body.place, LECTURE_PLACE_MAX, '请填写宣讲地点', `宣讲地点最多${LECTURE_PLACE_MAX}字`)
  return { action: 'schedule', date, time: body.time, place }
}

/** `isUpload(url)`: whether the URL is a photo the caller uploaded (/media/uploads/…, see server/modules/uploads) */
export function validComplete(body: CompleteInput, isUpload: (url: string) => boolean): LectureCommand {
  if (!Number.isInteger(body.attendance) || body.attendance < 0 || body.attendance > LECTURE_ATTENDANCE_MAX) {
    throw badRequest(`到场人数应为0到${LECTURE_ATTENDANCE_MAX}人`)
  }
  const summary = text(body.summary, LECTURE_SUMMARY_MAX, '请填写宣讲小结', `宣讲小结最多${LECTURE_SUMMARY_MAX}字`)
  const photos = (body.photos ?? []).map((p) => p.trim())
  if (photos.length > LECTURE_PHOTOS_MAX) throw badRequest(`照片最多${LECTURE_PHOTOS_MAX}张`)
  if (photos.some((p) => !isUpload(p))) throw badRequest('请上传照片')
  if (new Set(photos).size !== photos.length) throw badRequest('同一张照片只需上传一次')
  return { action: 'complete', attendance: body.attendance, summary, photos }
}

export function validRate(body: RateInput): LectureCommand {
  if (!Number.isInteger(body.stars) || body.stars < 1 || body.stars > 5) throw badRequest('请选择1到5星')
  const comment = optionalText(body.comment, LECTURE_COMMENT_MAX, `评价最多${LECTURE_COMMENT_MAX}字`)
  return { action: 'rate', stars: body.stars, ...(comment ? { comment } : {}) }
}
