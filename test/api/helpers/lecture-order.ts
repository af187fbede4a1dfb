import { addDays, shanghaiToday } from '../../../common/shanghai-date'

/** a lecture order every rule accepts: 城隍浦社区 in 椒江区, held a week to a fortnight after `today` (Shanghai) */
export function lectureOrderInput(today: string = shanghaiToday()) {
  return {
    topicId: 'lt01',
    format: 'onsite',
    villageCode: '331002001003',
    placeName: '城隍浦社区文化家园',
    dateFrom: addDays(today, 7),
    dateTo: addDays(today, 14),
    timeOfDay: 'afternoon',
    audienceSize: 80,
    contactName: '林晓燕',
    contactPhone: '13912345678',
  }
}
